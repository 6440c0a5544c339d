// What the Word notice is made of, to GB/T 9704-2012: sizes and fonts (with
// the fallbacks Word finds on a Windows PC), runs and paragraphs on the 28-pt
// grid, the page numbers (— N —, odd pages right, even left), the 版记 at the
// foot of the last page, and the attachments' tables. Written with the docx
// library, which escapes text.
import {
  AlignmentType,
  BorderStyle,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  HeightRule,
  TableAnchorType,
} from 'docx';
import { printable } from '../../core/text.js';
import { type CellValue, cellText, isNumeric, runOn, type DocTable, type Notice } from '../doc.js';
import { width } from './text.js';

export const FONT = { song: '宋体', hei: '黑体', fang: '仿宋', kai: '楷体', title: '方正小标宋简体' } as const;
const LATIN = 'Times New Roman';
export const RED = 'C00000';
/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt, 小五 9pt. */
export const SIZE = { er: 44, san: 32, si: 28, xiaosi: 24, wu: 21, xiaowu: 18 } as const;
/** The body's line: a fixed 28 points, the grid GB/T 9704 sets (22 lines to a page). */
export const LINE = 560;
/** One character of 三号 and of 四号, in twentieths of a point. */
export const CHAR = 320;
const CHAR_SI = 280;
export const mm = (n: number) => Math.round((n * 1440) / 25.4);
/** A4 in twentieths of a point, and the margins of GB/T 9704 (top 37 mm, bottom 35, left 28, right 26). */
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** A half-width character of a table's text (小五, 9 pt) in twentieths of a point, with a little for wider fonts. */
const HALF_WIDTH_TWIPS = 112;
/** A cell's side margins and borders: printColumns counts two half-width characters for them. */
const PADDING_TWIPS = 130;
/** Widths in half-width characters (two for the padding) in twentieths of a point. */
const twipsOf = (w: number) => (w - 2) * HALF_WIDTH_TWIPS + PADDING_TWIPS;
/** Running text wraps at this many half-width characters. */
const WRAP_AT = 28;

/**
 * Each column's width in half-width characters, two for its padding: as wide
 * as its widest cell (running text up to WRAP_AT); a header wraps under its
 * column, two characters a line, so that short figures keep narrow columns.
 */
function columns(tb: DocTable): number[] {
  const rows = [...tb.rows];
  return tb.headers.map((h, i) => {
    const wrap = tb.wrap?.includes(i);
    let w = Math.min(4, width(h));
    for (const r of rows) w = Math.max(w, wrap ? Math.min(WRAP_AT, width(cellText(r[i] ?? null))) : width(cellText(r[i] ?? null)));
    return w + 2;
  });
}

/** `scale`: the characters' width in percent (a long 发文机关标志 narrowed to one line). */
export type RunStyle = { font?: string; size?: number; bold?: boolean; color?: string; scale?: number };

export const run = (text: string, o: RunStyle = {}) =>
  new TextRun({
    text: printable(text),
    font: { eastAsia: o.font ?? FONT.fang, ascii: LATIN, hAnsi: LATIN },
    size: o.size ?? SIZE.san,
    bold: o.bold,
    color: o.color,
    scale: o.scale,
  });

/** Text on the grid: 三号 on a fixed 28-pt line unless told otherwise. */
export const line = (children: ParagraphChild[], o: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, ...o, children });

/** Page numbers as GB/T 9704 writes them: — N — in 四号宋体, one character in from the right edge on odd pages, from the left on even. */
export function pageFooters(): { default: Footer; even: Footer } {
  const number = (right: boolean) =>
    new Footer({
      children: [
        new Paragraph({
          alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: right ? { right: CHAR_SI } : { left: CHAR_SI },
          children: [
            new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: FONT.song, ascii: FONT.song, hAnsi: FONT.song }, size: SIZE.si }),
          ],
        }),
      ],
    });
  return { default: number(true), even: number(false) };
}

const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * The 版记: 抄送 over 印发机关 and 印发日期, in 四号仿宋 between rules as wide as
 * the type area (thick above and below, thin between), the last rule on the
 * type area's lower edge: a table floated to the foot of the last page. It is
 * placed from the page's left edge: LibreOffice floats a table only where text
 * could flow beside it.
 */
export function imprint(i: NonNullable<Notice['imprint']>, area: { left: number; width: number; height: number }): Table {
  const si = (text: string) => run(text, { size: SIZE.si });
  const label = width(i.ccLabel) * (CHAR_SI / 2);
  // 抄送's list wraps under its first name, not under the label.
  const ccLines = i.cc === null ? 0 : Math.max(1, Math.ceil((width(i.cc) * (CHAR_SI / 2)) / (area.width - 2 * CHAR_SI - label)));
  const cell = (p: Paragraph, span = 1) =>
    new TableCell({ columnSpan: span, margins: { left: 0, right: 0, top: 0, bottom: 0 }, verticalAlign: VerticalAlign.CENTER, children: [p] });
  const row = (lines: number, cells: TableCell[]) =>
    new TableRow({ cantSplit: true, height: { value: lines * LINE, rule: HeightRule.EXACT }, children: cells });
  const rows = [
    ...(i.cc === null ? [] : [row(ccLines, [cell(line([si(i.ccLabel), si(i.cc)], { indent: { left: CHAR_SI + label, hanging: label, right: CHAR_SI } }), 2)])]),
    row(1, [
      cell(line([si(i.printer)], { indent: { left: CHAR_SI } })),
      cell(line([si(i.printed)], { alignment: AlignmentType.RIGHT, indent: { right: CHAR_SI } })),
    ]),
  ];
  const date = Math.min(Math.floor(area.width / 2), width(i.printed) * (CHAR_SI / 2) + 3 * CHAR_SI);
  return new Table({
    width: { size: area.width, type: WidthType.DXA },
    columnWidths: [area.width - date, date],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: area.left,
      verticalAnchor: TableAnchorType.MARGIN,
      absoluteVerticalPosition: area.height - (ccLines + 1) * LINE,
    },
    borders: { top: rule(8), bottom: rule(8), insideHorizontal: rule(4), left: NONE, right: NONE, insideVertical: NONE },
    rows,
  });
}

const cellPara = (text: string, o: { bold?: boolean; right?: boolean; font?: string } = {}) =>
  new Paragraph({
    alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { line: 220, lineRule: LineRuleType.EXACT },
    children: [run(text, { font: o.font ?? FONT.song, size: SIZE.xiaowu, bold: o.bold })],
  });

/** A table's caption: 黑体 小四, kept with the table; between two tables, so that no client runs them into one. */
const caption = (text: string) =>
  new Paragraph({
    spacing: { before: 160, after: 60, line: 300, lineRule: LineRuleType.EXACT },
    keepNext: true,
    keepLines: true,
    children: [run(text, { font: FONT.hei, size: SIZE.xiaosi })],
  });

/** Column widths: names, codes and figures get what they need, so they never break; running text shares what is left, and room to spare widens every column alike. */
function columnTwips(tb: DocTable, pageWidth: number): number[] {
  const wrap = tb.headers.map((_, i) => tb.wrap?.includes(i) === true);
  const need = columns(tb).map(twipsOf);
  const total = need.reduce((a, b) => a + b, 0);
  const fixed = need.reduce((sum, w, i) => (wrap[i] ? sum : sum + w), 0);
  const flexible = total - fixed;
  const room = pageWidth - fixed;
  if (flexible > 0 && room >= flexible * 0.4) return need.map((w, i) => (wrap[i] ? Math.floor((w / flexible) * room) : w));
  return need.map((w) => Math.floor((w / total) * pageWidth));
}

/** How wide a table prints at 小五, in twentieths of a point. */
export const tableTwips = (tb: DocTable): number => columns(tb).reduce((a, w) => a + twipsOf(w), 0);

/** The gap between the halves of a table printed two up. */
const GUTTER = 240;

/**
 * The rows of a table of an attachment; a long narrow one (no running text,
 * twice as wide still fitting the page) is printed two up, its second half
 * beside the first under the same headers, to spare paper.
 */
function tableRows(tb: DocTable, shown: CellValue[][], pageWidth: number): { twips: number[]; rows: TableRow[] } {
  const numeric = tb.headers.map((_, i) => shown.some((r) => isNumeric(r[i] ?? null)));
  const natural = columns({ ...tb, rows: shown }).map(twipsOf);
  const twoUp = !tb.wrap?.length && shown.length >= 4 && 2 * natural.reduce((a, b) => a + b, 0) + GUTTER <= pageWidth;
  const twips = twoUp ? [...natural, GUTTER, ...natural] : columnTwips({ ...tb, rows: shown }, pageWidth);
  const gap = twoUp ? [tb.headers.length] : [];
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: twips[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 55, right: 55, top: 10, bottom: 10 },
      shading: header && !gap.includes(i) ? { fill: 'F2F2F2' } : undefined,
      borders: gap.includes(i) ? { top: NONE, bottom: NONE } : undefined,
      children: [cellPara(text, { bold: header, right: !header && numeric[i % (tb.headers.length + 1)], font: header ? FONT.hei : FONT.song })],
    });
  const texts = (r: CellValue[] | undefined) => tb.headers.map((_, i) => (r ? cellText(r[i] ?? null) : ''));
  const half = Math.ceil(shown.length / 2);
  const lines = twoUp
    ? [[...tb.headers, '', ...tb.headers], ...shown.slice(0, half).map((r, k) => [...texts(r), '', ...texts(shown[half + k])])]
    : [tb.headers, ...shown.map(texts)];
  const rows = lines.map((l, k) => new TableRow({ tableHeader: k === 0, cantSplit: k === 0, children: l.map((t, i) => cell(t, i, k === 0)) }));
  return { twips, rows };
}

/** A table of an attachment: a real Word table at 小五, its header row repeated on every page, rows never split. */
export function table(tb: DocTable, pageWidth: number): (Paragraph | Table)[] {
  const head = tb.caption === undefined ? [] : [caption(tb.caption)];
  const rows = [...tb.rows];
  const small = (text: string) =>
    new Paragraph({ spacing: { line: 300, lineRule: LineRuleType.EXACT }, children: [run(text, { font: FONT.song, size: SIZE.xiaowu })] });
  if (rows.length === 0) return [...head, small(tb.none ?? '')];
  if (tb.list) return [...head, small(runOn(rows, '、'))];
  const max = tb.cut?.max ?? Infinity;
  const laid = tableRows(tb, rows.slice(0, max), pageWidth);
  const out: (Paragraph | Table)[] = [
    ...(head.length ? head : [new Paragraph({ spacing: { line: 160, lineRule: LineRuleType.EXACT }, children: [] })]),
    new Table({
      width: { size: laid.twips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: laid.twips,
      layout: TableLayoutType.FIXED,
      rows: laid.rows,
    }),
  ];
  if (rows.length > max) out.push(small(tb.cut!.more(max, rows.length)));
  return out;
}

/** A tab stop where an attachment's name starts, after its number. */
export const nameTab = (at: number) => [{ type: TabStopType.LEFT, position: at }];

/**
 * The font table, so that Word on a PC without a font takes the next one an
 * office has: 方正小标宋简体, else 华文中宋, else a Chinese serif (宋体); 仿宋
 * and 楷体 under their GB2312 names too. Charset 86 is GB2312.
 */
export function fontTable(): string {
  const font = (name: string, alt: string | null, family: 'roman' | 'modern', panose: string) =>
    `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:panose1 w:val="${panose}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
  const fonts = [
    font(FONT.title, '华文中宋', 'roman', '02010600030101010101'),
    font('华文中宋', '宋体', 'roman', '02010600040101010101'),
    font(FONT.song, 'SimSun', 'roman', '02010600030101010101'),
    font(FONT.fang, '仿宋_GB2312', 'modern', '02010609060101010101'),
    font(FONT.kai, '楷体_GB2312', 'modern', '02010609060101010101'),
    font(FONT.hei, 'SimHei', 'modern', '02010609060101010101'),
    `<w:font w:name="${LATIN}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
  ];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
}
