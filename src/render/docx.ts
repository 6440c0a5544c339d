// A notice as a Word document (.docx), laid out as an office issues a 通报:
// the issuer in red, the number, a red rule, the title, the body in 仿宋 with
// 黑体 headings, the signature and date, then each attachment from a new page
// (landscape when its tables are too wide for portrait) with real Word tables
// whose header rows repeat on every page. Fonts are those every Chinese
// Windows has (宋体, 黑体, 仿宋); Word, WPS and LibreOffice substitute their
// own where they lack one. Written with the docx library, which escapes text.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { printable } from '../core/text.js';
import { cellText, chartTable, isNumeric, printColumns, printWidth, spansText, type Doc, type DocSection, type DocTable, type Notice } from './doc.js';
import { width } from './text.js';

const SONG = '宋体';
const HEI = '黑体';
const FANG = '仿宋';
const RED = 'C00000';
/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt, 小五 9pt. */
const ER = 44;
const SAN = 32;
const SI = 28;
const XIAOSI = 24;
const WU = 21;
const XIAOWU = 18;
/** A4 in twentieths of a point, and the notice's margins (GB/T 9704: 37 mm top, 28 mm left). */
const A4 = { width: 11906, height: 16838 };
const mm = (n: number) => Math.round((n * 1440) / 25.4);
/** A half-width character at 五号 (10.5 pt) in twentieths of a point, with a little for the gaps. */
const HALF_WIDTH_TWIPS = 110;

const run = (text: string, o: { font?: string; size?: number; bold?: boolean; color?: string } = {}) =>
  new TextRun({
    text: printable(text),
    font: { eastAsia: o.font ?? FANG, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
    size: o.size ?? SAN,
    bold: o.bold,
    color: o.color,
  });

/** Body text: 三号仿宋, a fixed 28-point line, the first line indented two characters. */
const bodyPara = (text: string, o: { font?: string; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    indent: o.indent === false ? undefined : { firstLine: 640 },
    children: [run(text, { font: o.font })],
  });

/** A line as large as `max` half-points, smaller for a long text, to keep it on one line (the type area is 156 mm, 442 points, wide; Latin text and the gaps beside it take a little more). */
const fitSize = (text: string, max: number) => Math.max(SAN, Math.min(max, Math.floor((2 * 400) / Math.max(1, width(text) / 2))));

function head(n: Notice): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: mm(10), after: 240 },
      children: [run(n.issuer, { font: SONG, size: fitSize(n.issuer, ER + 8), bold: true, color: RED })],
    }),
    ...(n.number ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(n.number)] })] : []),
    // The red rule under the head (版头分隔线).
    new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 1 } }, spacing: { after: 480 }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 480, line: 700, lineRule: LineRuleType.EXACT },
      children: [run(n.title, { font: SONG, size: fitSize(n.title, ER), bold: true })],
    }),
    bodyPara(n.to, { indent: false }),
  ];
}

function body(sections: DocSection[]): Paragraph[] {
  return sections.flatMap((s) => [
    ...(s.title ? [bodyPara(s.title, { font: HEI })] : []),
    ...s.parts.flatMap((p) => (p.kind === 'para' ? [bodyPara(spansText(p.spans))] : [])),
  ]);
}

/** The attachments listed under the body (each after the first aligned under the first's number), then signature and date. */
function foot(n: Notice): Paragraph[] {
  const label = n.label;
  return [
    new Paragraph({ children: [] }),
    ...n.attachments.map(
      (a, i) =>
        new Paragraph({
          spacing: { line: 560, lineRule: LineRuleType.EXACT },
          indent: { left: 640 + (i === 0 ? 0 : width(label) * 160) },
          children: [run(`${i === 0 ? label : ''}${i + 1}. ${a}`)],
        }),
    ),
    new Paragraph({ children: [] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 640 }, spacing: { line: 560, lineRule: LineRuleType.EXACT }, children: [run(n.issuer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, spacing: { line: 560, lineRule: LineRuleType.EXACT }, children: [run(n.date)] }),
  ];
}

const cellPara = (text: string, o: { bold?: boolean; right?: boolean; font?: string } = {}) =>
  new Paragraph({ alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, { font: o.font ?? SONG, size: WU, bold: o.bold })] });

function table(tb: DocTable, pageWidth: number): (Paragraph | Table)[] {
  const caption =
    tb.caption === undefined
      ? []
      : [new Paragraph({ spacing: { before: 240, after: 80 }, keepNext: true, children: [run(tb.caption, { font: HEI, size: XIAOSI })] })];
  const rows = [...tb.rows];
  if (rows.length === 0) return [...caption, new Paragraph({ children: [run(tb.none ?? '', { size: WU })] })];
  if (tb.list) return [...caption, new Paragraph({ children: [run(rows.map((r) => r.map(cellText).join(' ')).join('；'), { font: SONG, size: WU })] })];
  const max = tb.cut?.max ?? Infinity;
  const shown = rows.slice(0, max);
  // Names, codes and figures get the width they need, so they never break; running text shares what is left.
  const wrap = tb.headers.map((_, i) => tb.wrap?.includes(i) === true);
  const widths = printColumns({ ...tb, rows: shown }, width);
  const need = widths.map((w) => w * HALF_WIDTH_TWIPS);
  const fixed = need.reduce((sum, w, i) => (wrap[i] ? sum : sum + w), 0);
  const flexible = widths.reduce((sum, w, i) => (wrap[i] ? sum + w : sum), 0);
  const room = pageWidth - fixed;
  const twips =
    flexible > 0 && room >= flexible * HALF_WIDTH_TWIPS * 0.4
      ? need.map((w, i) => (wrap[i] ? Math.floor((widths[i] / flexible) * room) : w))
      : widths.map((w) => Math.floor((w / widths.reduce((a, b) => a + b, 0)) * pageWidth));
  const numeric = tb.headers.map((_, i) => shown.some((r) => isNumeric(r[i] ?? null)));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: twips[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60 },
      shading: header ? { fill: 'F2F2F2' } : undefined,
      children: [cellPara(text, { bold: header, right: !header && numeric[i], font: header ? HEI : SONG })],
    });
  const out: (Paragraph | Table)[] = [
    ...caption,
    new Table({
      width: { size: pageWidth, type: WidthType.DXA },
      columnWidths: twips,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: tb.headers.map((h, i) => cell(h, i, true)) }),
        ...shown.map((r) => new TableRow({ cantSplit: true, children: tb.headers.map((_, i) => cell(cellText(r[i] ?? null), i, false)) })),
      ],
    }),
  ];
  if (rows.length > max) out.push(new Paragraph({ children: [run(tb.cut!.more(max, rows.length), { size: XIAOWU })] }));
  return out;
}

function attachment(s: DocSection): ISectionOptions {
  const tables = s.parts.flatMap((p) => (p.kind === 'table' ? [p.table] : p.kind === 'chart' ? [chartTable(p.chart)] : []));
  const margin = mm(20);
  // A table that does not fit portrait at 五号, running text wrapped, turns its attachment landscape.
  const landscape = tables.some((tb) => printWidth(tb, width) * HALF_WIDTH_TWIPS > A4.width - 2 * margin);
  const pageWidth = (landscape ? A4.height : A4.width) - 2 * margin;
  const [label, ...rest] = s.title.split(/[　:：]\s*/);
  return {
    properties: {
      page: {
        size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: margin, bottom: margin, left: margin, right: margin },
      },
    },
    footers: { default: pageFooter() },
    children: [
      new Paragraph({ children: [run(label, { font: HEI })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(rest.join(' '), { font: SONG, size: SAN + 4, bold: true })] }),
      ...tables.flatMap((tb) => table(tb, pageWidth)),
    ],
  };
}

/** Page numbers as the standard writes them: — 1 —, 四号宋体, centred. */
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: SI })] }),
    ],
  });

export async function renderDocx(doc: Doc): Promise<Buffer> {
  const n = doc.notice!;
  const main = doc.sections.filter((s) => s.attachment === undefined);
  const attachments = doc.sections.filter((s) => s.attachment !== undefined);
  const document = new Document({
    creator: 'cxzy',
    title: n.title,
    styles: { default: { document: { run: { font: { eastAsia: FANG, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: SAN } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
        footers: { default: pageFooter() },
        children: [...head(n), ...body(main), ...foot(n)],
      },
      ...attachments.map(attachment),
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
