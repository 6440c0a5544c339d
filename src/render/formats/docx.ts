// A notice as a Word document (.docx), laid out to GB/T 9704-2012 as the
// office would type it: A4 with the standard's margins; the issuer in red over
// the number and the red rule; the title in 二号小标宋; the body in 三号仿宋 on
// the 28-pt grid, headings 黑体 (一、) and 楷体 (（一）) kept with what follows;
// the 附件 list, signature and date kept with the body's last lines; page
// numbers — N — right on odd pages and left on even ones, running on through
// the attachments, each from a new page (landscape when its tables are too
// wide for portrait); the 版记 at the foot of the last page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  type ISectionOptions,
  Packer,
  Paragraph,
  PageOrientation,
  type Table,
  Tab,
  TextRun,
} from 'docx';
import { chartTable, spansText, type Doc, type DocSection, type Notice } from '../doc.js';
import { A4, CHAR, FONT, fontTable, imprint, LINE, line, MARGIN, mm, nameTab, pageFooters, RED, run, SIZE, table, tableTwips } from './docx-parts.js';
import { width } from './text.js';
import { issuerMark } from './issuer-mark.js';

const TYPE = { width: A4.width - MARGIN.left - MARGIN.right, height: A4.height - MARGIN.top - MARGIN.bottom };
/** A landscape attachment: the portrait type area turned, less room at the head for its label. */
const LANDSCAPE_MARGIN = { top: mm(28), bottom: mm(35), left: mm(37), right: mm(35) };
/** From the page's lower edge to the page number's foot: its dashes sit 7 mm under the type area. */
const FOOTER = mm(22);
/** A half-width character of 三号 text in twentieths of a point (Latin and digits in Times New Roman are about as wide). */
const HALF = CHAR / 2;

const TITLE = { font: FONT.title, size: SIZE.er };

/** Where a title may be cut: after these words, or at a space; never inside a number or a Latin word. */
const TITLE_BREAKS = /(?<=活动|工作|情况|月|的|，|, | )/g;

/**
 * The title in lines of 二号 that fit the type area with room to spare (a PC
 * without the fonts sets wider ones), cut after a word, the first line the
 * longer (a trapezoid, as GB/T 9704 asks).
 */
function titleLines(title: string, fits = Math.floor((TYPE.width / (SIZE.er * 10)) * 2 * 0.9)): string[] {
  if (width(title) <= fits) return [title];
  const lines = Math.ceil(width(title) / fits);
  const target = width(title) / lines;
  const cuts = [...title.matchAll(TITLE_BREAKS)].map((m) => m.index).filter((c) => c > 0 && width(title.slice(0, c)) <= fits);
  // The cut nearest a little past an even share; without a word to cut after, as much as fits.
  const score = (c: number) => Math.abs(width(title.slice(0, c)) - target * 1.15);
  let cut = cuts.sort((a, b) => score(a) - score(b))[0];
  if (cut === undefined || width(title.slice(0, cut)) < target * 0.6) {
    cut = 0;
    while (cut < title.length && width(title.slice(0, cut + 1)) <= fits) cut++;
  }
  return [title.slice(0, cut).trimEnd(), ...titleLines(title.slice(cut).trimStart(), fits)];
}

interface Body {
  text: string;
  kind: 'heading' | 'subheading' | 'para';
}

/** A paragraph of the body: 三号仿宋 indented two characters; headings in 黑体 and 楷体, kept with the next paragraph. */
function bodyPara(b: Body, keepNext = false): Paragraph {
  const heading = b.kind !== 'para';
  return line([run(b.text, { font: b.kind === 'heading' ? FONT.hei : b.kind === 'subheading' ? FONT.kai : FONT.fang })], {
    alignment: heading ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
    keepNext: heading || keepNext,
    keepLines: heading,
    widowControl: true,
  });
}

/** The head: issuer in red, the number with the red rule 4 mm under it, the title two lines below, then 主送. */
function head(n: Notice): Paragraph[] {
  const mark = issuerMark(n.issuer);
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: n.number ? 2 * LINE : LINE },
      border: n.number ? undefined : rule,
      children: [
        run(n.issuer, { font: FONT.title, size: Math.round(mark.pt * 2), scale: mark.scale < 1 ? Math.floor(mark.scale * 100) : undefined, color: RED }),
      ],
    }),
    ...(n.number ? [line([run(n.number)], { alignment: AlignmentType.CENTER, border: rule })] : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 2 * LINE, after: LINE, line: 720, lineRule: 'exact' },
      keepNext: true,
      children: titleLines(n.title).flatMap((t, i) => (i === 0 ? [run(t, TITLE)] : [new TextRun({ break: 1 }), run(t, TITLE)])),
    }),
    line([run(n.to)], { keepNext: true }),
  ];
}

/** The body's paragraphs, in order: each section's heading, then its paragraphs and subheadings. */
function bodyParts(sections: DocSection[]): Body[] {
  return sections.flatMap((s) => [
    ...(s.title ? [{ text: s.title, kind: 'heading' as const }] : []),
    ...s.parts.flatMap((p): Body[] =>
      p.kind === 'para' ? [{ text: spansText(p.spans), kind: 'para' }] : p.kind === 'heading' ? [{ text: p.text, kind: 'subheading' }] : [],
    ),
  ]);
}

/**
 * After the body, kept with its last lines: a blank line, 附件：1. … (two
 * characters in; each later number under the first, a long name wrapping
 * under its first character), a blank line, the issuer two characters from the
 * right and the date under it, starting two characters further right.
 */
function foot(n: Notice): Paragraph[] {
  const label = width(n.label) * HALF;
  const number = (n.attachments.length > 9 ? 3 : 2) * HALF + HALF;
  const names = 2 * CHAR + label + number;
  const list = n.attachments.map((a, i) =>
    line([run(`${i === 0 ? n.label : ''}${i + 1}.`), new TextRun({ children: [new Tab()] }), run(a)], {
      indent: { left: names, hanging: names - 2 * CHAR - (i === 0 ? 0 : label) },
      tabStops: nameTab(names),
      keepNext: true,
      keepLines: true,
    }),
  );
  const [issuer, date] = [width(n.issuer) * HALF, width(n.date) * HALF];
  // The date starts two characters right of the issuer's first; a date longer than that moves the issuer left instead.
  const issuerRight = 2 * CHAR + Math.max(0, date + 2 * CHAR - issuer);
  const dateLeft = Math.max(0, TYPE.width - issuerRight - issuer + 2 * CHAR);
  const blank = () => line([], { keepNext: true });
  return [
    ...(list.length ? [blank(), ...list] : []),
    blank(),
    line([run(n.issuer)], { alignment: AlignmentType.RIGHT, indent: { right: issuerRight }, keepNext: true }),
    line([run(n.date)], { alignment: AlignmentType.LEFT, indent: { left: dateLeft } }),
  ];
}

/** An attachment from a new page: 附件N in 黑体 at the top left, its name centred on the third line, then its tables. */
function attachment(s: DocSection, last: (Paragraph | Table)[]): ISectionOptions {
  const tables = s.parts.flatMap((p) => (p.kind === 'table' ? [p.table] : p.kind === 'chart' ? [chartTable(p.chart)] : []));
  // A table too wide for portrait at 小五, running text wrapped, turns its attachment landscape.
  const landscape = tables.some((tb) => tableTwips(tb) > TYPE.width);
  const margin = landscape ? LANDSCAPE_MARGIN : MARGIN;
  const page = landscape ? { width: A4.height, height: A4.width } : A4;
  const [label, ...rest] = s.title.split(/[　:：]\s*/);
  return {
    properties: {
      page: {
        size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...margin, footer: FOOTER },
      },
    },
    footers: pageFooters(),
    children: [
      line([run(label, { font: FONT.hei })]),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: LINE, after: 240 },
        keepNext: true,
        children: [run(rest.join(' '), { font: FONT.title, size: SIZE.er })],
      }),
      ...tables.flatMap((tb) => table(tb, page.width - margin.left - margin.right)),
      ...last,
    ],
  };
}

/** The 版记 at the foot of the last page, when the office set 抄送 or 印发机关; a landscape page has its own type area. */
function imprintOf(n: Notice, landscape: boolean): (Paragraph | Table)[] {
  if (!n.imprint) return [];
  const m = landscape ? LANDSCAPE_MARGIN : MARGIN;
  const [w, h] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
  // A floating table needs a paragraph after it to anchor to.
  return [imprint(n.imprint, { left: m.left, width: w - m.left - m.right, height: h - m.top - m.bottom }), new Paragraph({ children: [] })];
}

export async function renderDocx(doc: Doc): Promise<Buffer> {
  const n = doc.notice!;
  const main = doc.sections.filter((s) => s.attachment === undefined);
  const attachments = doc.sections.filter((s) => s.attachment !== undefined);
  const parts = bodyParts(main);
  // The body's last paragraph keeps its last lines with the 附件 list and the signature.
  const body = parts.map((b, i) => bodyPara(b, i === parts.length - 1));
  const sections = attachments.map((s, i) => {
    const section = attachment(s, []);
    if (i < attachments.length - 1) return section;
    const landscape = section.properties?.page?.size?.orientation === PageOrientation.LANDSCAPE;
    return attachment(s, imprintOf(n, landscape));
  });
  const document = new Document({
    creator: 'cxzy',
    title: n.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { eastAsia: FONT.fang, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: SIZE.san } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { ...MARGIN, footer: FOOTER } }, grid: { linePitch: LINE, type: DocumentGridType.LINES } },
        footers: pageFooters(),
        children: [...head(n), ...body, ...foot(n), ...(sections.length ? [] : imprintOf(n, false))],
      },
      ...sections,
    ],
  });
  return Buffer.from(await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTable() }]));
}
