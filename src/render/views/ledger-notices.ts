// ledger --out X.docx: the supervision notices (督办通知单), one supervised
// problem a page — the office's number, the org it is addressed to, the
// problem, the deadline passed and the days overdue, the date to report by,
// the issuer and date — each with a receipt slip (回执) below a cut line for
// the org to return. Written with the docx library, which escapes text.
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph } from 'docx';
import type { ProblemState } from '../../analyses/ledger.js';
import { longDate, t, word, type Lang } from '../i18n/index.js';
import { A4, FONT, MARGIN, mm, run, SIZE } from '../formats/docx-parts.js';

const [SONG, HEI] = [FONT.song, FONT.hei];
const { er: ER, san: SAN, si: SI } = SIZE;

export interface NoticeOptions {
  lang: Lang;
  /** The ledger's date: the notices are issued at it. */
  date: string;
  /** The date the org reports its rectification by. */
  reportBy: string;
  /** The issuing office, and the prefix of its numbers (县创争办 → 县创争办督〔2011〕1号); empty when the rules set none. */
  issuer: string;
  prefix: string;
}

const line = (text: string, o: { font?: string; size?: number; bold?: boolean; align?: 'center' | 'right'; indent?: boolean; pageBreak?: boolean } = {}) =>
  new Paragraph({
    alignment: o.align === 'center' ? AlignmentType.CENTER : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    indent: o.indent ? { firstLine: 640 } : undefined,
    pageBreakBefore: o.pageBreak,
    children: [run(text, o)],
  });

/** One notice and its receipt slip; from a new page but for the first. */
function notice(s: ProblemState, n: number, o: NoticeOptions, first: boolean): Paragraph[] {
  const { lang } = o;
  const p = s.problem;
  const number = t(lang, 'lg_n_number', { prefix: o.prefix, year: o.date.slice(0, 4), n });
  const day = (iso: string) => longDate(lang, iso);
  const params = {
    id: p.id,
    content: p.content,
    found: day(p.found),
    source: word(lang, `src_${p.source}`),
    due: day(p.due),
    date: day(o.date),
    days: s.days_overdue,
  };
  return [
    line(t(lang, 'lg_n_title'), { font: SONG, size: ER, bold: true, align: 'center', pageBreak: !first }),
    line(number, { align: 'center' }),
    new Paragraph({ spacing: { after: 240 }, children: [] }),
    line(t(lang, 'lg_n_to', { name: s.name || p.org })),
    line(t(lang, 'lg_n_body', params), { indent: true }),
    line(t(lang, 'lg_n_measures', { measures: p.measures, owner: p.owner }), { indent: true }),
    line(t(lang, 'lg_n_ask', { by: day(o.reportBy) }), { indent: true }),
    new Paragraph({ children: [] }),
    line(o.issuer || t(lang, 'bulletin_issuer_default'), { align: 'right' }),
    line(day(o.date), { align: 'right' }),
    // The cut line, then the slip the org returns.
    new Paragraph({
      spacing: { before: mm(8), after: 240 },
      border: { bottom: { style: BorderStyle.DASHED, size: 6, color: '000000', space: 1 } },
      children: [run(t(lang, 'lg_n_cut'), { size: 21 })],
    }),
    line(t(lang, 'lg_n_receipt'), { font: HEI, size: SI, align: 'center' }),
    line(t(lang, 'lg_n_receipt_ref', { number, id: p.id, name: s.name || p.org }), { size: SI }),
    line(t(lang, 'lg_n_receipt_done'), { size: SI }),
    line(t(lang, 'lg_n_receipt_sign'), { size: SI }),
  ];
}

/** The notices of `supervised`, each under its number (`numbers`, in the same order), as a .docx. */
export async function noticesDocx(supervised: ProblemState[], numbers: number[], o: NoticeOptions): Promise<Buffer> {
  const children = supervised.flatMap((s, i) => notice(s, numbers[i], o, i === 0));
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT.fang, size: SAN } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: children.length ? children : [line(t(o.lang, 'lg_n_none', { date: longDate(o.lang, o.date) }))],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
