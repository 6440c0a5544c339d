// The bulletin as one self-contained HTML file: inline CSS and SVG, no script,
// and a Content-Security-Policy that forbids every request, so it opens the
// same offline, in a mail attachment or printed to A4.
import { sourceText } from '../core/model.js';
import { cellText, isNumeric, spansText, type Doc, type DocTable, type Part } from './doc.js';
import { barChartSvg, escapeHtml as esc } from './svg.js';

const CSS = `
:root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --head: #f3f4f6; --red: #b71c1c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1080px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: 15px; line-height: 1.75; }
header { border-bottom: 3px solid var(--red); margin-bottom: 20px; padding-bottom: 8px; }
h1 { font-size: 26px; color: var(--red); text-align: center; letter-spacing: 0.08em; margin: 8px 0; }
.sub { text-align: center; color: var(--muted); margin: 0; }
h2 { font-size: 20px; border-left: 5px solid var(--red); padding-left: 10px; margin: 32px 0 12px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.fact { text-indent: 2em; margin: 4px 0; text-align: justify; }
table { border-collapse: collapse; min-width: 40%; margin: 4px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--rule); padding: 3px 8px; vertical-align: top; }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:nth-child(even) td { background: #fafbfc; }
.none { color: var(--muted); margin: 0 0 12px; }
figure { margin: 8px 0 16px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { max-width: 100%; height: auto; }
svg.chart text { fill: var(--ink); font-family: inherit; }
svg.chart text.value { fill: var(--muted); }
footer { margin-top: 40px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  h3, figcaption { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 9pt; }
  tr:nth-child(even) td { background: none; }
}
`;

function htmlTable(tb: DocTable): string {
  const caption = tb.caption === undefined ? '' : `<h3>${esc(tb.caption)}</h3>`;
  const rows = [...tb.rows];
  if (rows.length === 0 && tb.none !== undefined) return `${caption}<p class="none">${esc(tb.none)}</p>`;
  const head = `<thead><tr>${tb.headers.map((x) => `<th>${esc(x)}</th>`).join('')}</tr></thead>`;
  const max = tb.cut?.max ?? Infinity;
  const body = rows.slice(0, max).map((r) => `<tr>${r.map((c) => `<td${isNumeric(c) ? ' class="n"' : ''}>${esc(cellText(c))}</td>`).join('')}</tr>`).join('\n');
  const more = rows.length > max ? `<p class="none">${esc(tb.cut!.more(max, rows.length))}</p>` : '';
  return `${caption}\n<table>${head}<tbody>\n${body}\n</tbody></table>${more}`;
}

function htmlPart(p: Part): string | null {
  switch (p.kind) {
    case 'gap':
      return null;
    case 'heading':
      return `<h3>${esc(p.text)}</h3>`;
    case 'para':
      return `<p class="fact">${esc(spansText(p.spans))}${p.source ? ` (${esc(sourceText(p.source))})` : ''}</p>`;
    case 'table':
      return htmlTable(p.table);
    case 'chart':
      return `<figure data-chart="${esc(p.chart.id)}"><figcaption>${esc(p.chart.caption)}</figcaption>${p.chart.bars.length ? barChartSvg(p.chart) : `<p class="none">${esc(p.chart.none)}</p>`}</figure>`;
  }
}

export function renderHtml(doc: Doc): string {
  const sections = doc.sections.map((s) => {
    const parts = s.parts.map(htmlPart).filter((x) => x !== null);
    return `<section id="${esc(s.id)}">\n<h2>${esc(s.title)}</h2>\n${parts.join('\n')}\n</section>`;
  });
  return `<!DOCTYPE html>
<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title ?? '')}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(doc.title ?? '')}</h1><p class="sub">${esc(doc.subtitle ?? '')}</p></header>
${sections.join('\n')}
<footer><p>${esc(doc.footer ?? '')}</p></footer>
</body>
</html>
`;
}
