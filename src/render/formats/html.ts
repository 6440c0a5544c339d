// The bulletin as one self-contained HTML file: inline CSS and SVG, no script,
// and a Content-Security-Policy that forbids every request, so it opens the
// same offline, in a mail attachment or printed to A4.
import { sourceText } from '../../core/model.js';
import { cellText, isNumeric, runOn, spansText, type CellValue, type Doc, type DocTable, type Notice, type Part } from '../doc.js';
import { barChartSvg, escapeHtml as esc } from './svg.js';
import { issuerMark } from './issuer-mark.js';

// Fonts a Chinese office has (Windows, then macOS, then Linux), falling back to any CJK face.
export const FANG = `"FangSong", "仿宋", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "WenQuanYi Zen Hei", serif`;
export const HEI = `"SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif`;
export const SONG = `"FZXiaoBiaoSong-B05S", "方正小标宋简体", "STZhongsong", "华文中宋", "SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif`;
/** 宋体 itself, for page numbers. */
const SONGTI = `"SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", serif`;

const CSS = `
:root { --ink: #1f2328; --muted: #57606a; --rule: #8c959f; --head: #f2f2f2; --red: #c00000; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 860px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
  font-family: ${FANG}; font-size: 16px; line-height: 1.8; }
.issuer { font-family: ${SONG}; color: var(--red); font-size: 30px; font-weight: bold; text-align: center; letter-spacing: 0.05em; margin: 8px 0 4px; }
.number { text-align: center; margin: 0; }
hr.red { border: 0; border-top: 2px solid var(--red); margin: 6px 0 18px; }
h1 { font-family: ${SONG}; font-size: 24px; text-align: center; margin: 8px 0 16px; line-height: 1.4; }
p.to { margin: 0; }
h2 { font-family: ${HEI}; font-size: 16px; font-weight: normal; margin: 6px 0 0; text-indent: 2em; }
p.fact { text-indent: 2em; margin: 0; text-align: justify; }
.foot p { margin: 0; }
.attachments { margin-top: 12px; }
.attachments p { padding-left: 6.2em; text-indent: -1.2em; }
.attachments p:first-child { text-indent: -4.2em; }
/* Signed two characters from the right; the date starts two characters right of the signature's first. */
.sign { display: flex; justify-content: flex-end; padding-right: 2em; margin-top: 12px; }
.sign p.date { padding-left: 2em; }
section.attachment { break-before: page; }
section.attachment ~ section.attachment { break-before: auto; margin-top: 16px; }
.att-label { font-family: ${HEI}; margin: 0; }
h2.att { font-family: ${SONG}; font-weight: bold; font-size: 20px; text-align: center; text-indent: 0; margin: 0 0 6px; }
h3 { font-family: ${HEI}; font-size: 14px; font-weight: normal; margin: 10px 0 4px; }
table { border-collapse: collapse; margin: 0 0 8px; font-family: ${SONG}; font-size: 12px; line-height: 1.45; }
th, td { border: 1px solid var(--rule); padding: 2px 6px; vertical-align: top; white-space: nowrap; }
th { background: var(--head); font-family: ${HEI}; font-weight: normal; white-space: normal; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.w { white-space: normal; min-width: 12em; }
.none { color: var(--muted); margin: 0 0 8px; font-size: 13px; }
p.list { margin: 0 0 8px; font-size: 13px; line-height: 1.6; }
figure { margin: 4px 0 10px; }
figcaption { font-family: ${HEI}; font-size: 14px; margin-bottom: 2px; }
svg.chart { max-width: 100%; height: auto; }
svg.chart text { fill: var(--ink); font-family: ${HEI}; }
svg.chart text.value { fill: var(--muted); }
footer { margin-top: 24px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
.imprint { margin-top: 24px; border-top: 2px solid var(--ink); border-bottom: 2px solid var(--ink); }
.imprint p { margin: 0; padding: 0 1em; }
.imprint p.cc { padding-left: 4em; text-indent: -3em; border-bottom: 1px solid var(--ink); }
.imprint p.printer { display: flex; justify-content: space-between; }
/* Printed as GB/T 9704 sets a notice: A4, its margins, 三号 on 28-pt lines, each attachment from a new page, page numbers — N — in 四号宋体 one character in from the right on odd pages and from the left on even ones. */
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font-family: ${SONGTI}; font-size: 14pt; vertical-align: top; padding: 7mm 14pt 0 0; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font-family: ${SONGTI}; font-size: 14pt; vertical-align: top; padding: 7mm 0 0 14pt; } }
@media print {
  body { max-width: none; padding: 0; font-size: 16pt; line-height: 28pt; }
  /* Centred even when wider than the line as drawn, then narrowed to fit it. */
  .issuer { font-size: var(--fit, 36pt); line-height: 1.3; margin: 0 0 28pt; letter-spacing: 0; display: flex; justify-content: center; white-space: nowrap; }
  .issuer span { display: inline-block; transform: scaleX(var(--narrow, 1)); }
  hr.red { margin: 4mm 0 56pt; }
  h1 { font-size: 22pt; line-height: 36pt; margin: 0 0 28pt; font-weight: normal; }
  h2 { font-size: 16pt; margin: 0; break-after: avoid; }
  .attachments { margin-top: 28pt; }
  .sign { margin-top: 28pt; break-before: avoid; }
  .foot, .keep { break-inside: avoid; }
  section.attachment, section.attachment ~ section.attachment { break-before: page; margin-top: 0; }
  h2.att { font-size: 22pt; line-height: 36pt; font-weight: normal; margin: 28pt 0 12pt; }
  .imprint { font-size: 14pt; line-height: 28pt; break-inside: avoid; }
  p.list { font-size: 9pt; line-height: 1.4; }
  h3, figcaption { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 9pt; line-height: 1.3; }
  th, td { padding: 1px 4px; }
  h3 { font-size: 10.5pt; line-height: 1.4; margin: 6px 0 2px; }
  .none { font-size: 9pt; line-height: 1.4; }
  svg.chart { max-height: 30mm; width: auto; }
  /* Charts side by side: the grade and movement charts share a line. */
  figure { display: inline-block; width: 49%; vertical-align: top; }
  footer { display: none; }
}
`;

function htmlTable(tb: DocTable): string {
  const caption = tb.caption === undefined ? '' : `<h3>${esc(tb.caption)}</h3>`;
  const rows = [...tb.rows];
  if (rows.length === 0 && tb.none !== undefined) return `${caption}<p class="none">${esc(tb.none)}</p>`;
  if (tb.list) return `${caption}<p class="list">${esc(runOn(rows, '、'))}</p>`;
  const head = `<thead><tr>${tb.headers.map((x) => `<th>${esc(x)}</th>`).join('')}</tr></thead>`;
  const max = tb.cut?.max ?? Infinity;
  // Names and codes keep to one line; only running text (a pledge, a title) wraps.
  const klass = (c: CellValue, i: number) => (isNumeric(c) ? ' class="n"' : tb.wrap?.includes(i) ? ' class="w"' : '');
  const shown = rows.slice(0, max);
  const body = shown.map((r) => `<tr>${r.map((c, i) => `<td${klass(c, i)}>${esc(cellText(c))}</td>`).join('')}</tr>`).join('\n');
  const total = tb.total ?? rows.length;
  const more = total > shown.length ? `<p class="none">${esc(tb.cut!.more(shown.length, total))}</p>` : '';
  return `${caption}\n<table>${head}<tbody>\n${body}\n</tbody></table>${more}`;
}

/** A part in HTML; its tables by `table` (the web view's sort, filter and page them). */
export function htmlPart(p: Part, table: (tb: DocTable) => string = htmlTable): string | null {
  switch (p.kind) {
    case 'gap':
      return null;
    case 'heading':
      return `<h3>${esc(p.text)}</h3>`;
    case 'para':
      return `<p class="fact">${esc(spansText(p.spans))}${p.source ? ` (${esc(sourceText(p.source))})` : ''}</p>`;
    case 'table':
      return table(p.table);
    case 'chart':
      return `<figure data-chart="${esc(p.chart.id)}"><figcaption>${esc(p.chart.caption)}</figcaption>${p.chart.bars.length ? barChartSvg(p.chart) : `<p class="none">${esc(p.chart.none)}</p>`}</figure>`;
  }
}

/** The issuer in print: larger than the title, narrowed to keep to one line (issuer-mark.ts). */
function issuerHtml(issuer: string): string {
  const { pt, scale } = issuerMark(issuer);
  return `<p class="issuer" style="--fit: ${pt.toFixed(1)}pt; --narrow: ${scale.toFixed(3)}"><span>${esc(issuer)}</span></p>`;
}

/** The 版记 after the attachments: 抄送, then 印发机关 and 印发日期, between rules. */
const imprint = (i: NonNullable<Notice['imprint']>) =>
  `<div class="imprint">${i.cc ? `<p class="cc">${esc(i.ccLabel)}${esc(i.cc)}</p>` : ''}<p class="printer"><span>${esc(i.printer)}</span><span>${esc(i.printed)}</span></p></div>`;

export function renderHtml(doc: Doc): string {
  const n = doc.notice;
  const foot = n
    ? `<div class="foot">${n.attachments.length ? `<div class="attachments">${n.attachments.map((a, i) => `<p>${i === 0 ? esc(n.label) : ''}${i + 1}. ${esc(a)}</p>`).join('')}</div>` : ''}<div class="sign"><div><p>${esc(n.issuer)}</p><p class="date">${esc(n.date)}</p></div></div></div>`
    : '';
  // The foot (附件说明, signature) printed on the page of the body's last lines, never alone: kept whole with the last part.
  const lastBody = doc.sections.findLastIndex((s) => s.attachment === undefined && s.parts.some((p) => p.kind !== 'gap'));
  const sections = doc.sections.map((s, k) => {
    const parts = s.parts.map((p) => htmlPart(p)).filter((x) => x !== null);
    if (s.attachment === undefined) {
      if (k === lastBody && foot) parts.push(`<div class="keep">${parts.pop()}${foot}</div>`);
      return `<section id="${esc(s.id)}">\n${s.title ? `<h2>${esc(s.title)}</h2>\n` : ''}${parts.join('\n')}\n</section>`;
    }
    const [label, ...rest] = s.title.split(/[　:：]\s*/);
    return `<section class="attachment" id="${esc(s.id)}">\n<p class="att-label">${esc(label)}</p>\n<h2 class="att">${esc(rest.join(' '))}</h2>\n${parts.join('\n')}\n</section>`;
  });
  const body = sections.filter((_, i) => doc.sections[i].attachment === undefined);
  const attachments = sections.filter((_, i) => doc.sections[i].attachment !== undefined);
  const top = n
    ? `<header>${issuerHtml(n.issuer)}${n.number ? `<p class="number">${esc(n.number)}</p>` : ''}<hr class="red"><h1>${esc(n.title)}</h1><p class="to">${esc(n.to)}</p></header>`
    : `<header><h1>${esc(doc.title ?? '')}</h1></header>`;
  return htmlPage({
    lang: doc.lang,
    policy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    title: doc.title ?? '',
    css: CSS,
    body: `${top}
${body.join('\n')}
${lastBody < 0 ? foot : ''}
${attachments.join('\n')}
${n?.imprint ? imprint(n.imprint) : ''}
<footer><p>${esc(doc.footer ?? '')}</p></footer>`,
  });
}

/** A whole page that needs nothing from elsewhere: its language, its Content-Security-Policy, its title, its one style sheet and its body. */
export function htmlPage(p: { lang: 'zh' | 'en'; policy: string; title: string; css: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="${p.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${p.policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>${p.css}</style>
</head>
<body>
${p.body}
</body>
</html>
`;
}
