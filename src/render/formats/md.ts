// A document as GitHub-flavoured Markdown: paragraphs separated by blank
// lines, charts as tables of their figures. Text from the data goes through
// one escaper: it cannot start a tag, a heading, a list or break a table.
import { sourceText } from '../../core/model.js';
import { printable } from '../../core/text.js';
import { cellText, chartTable, isNumeric, spansText, type Doc, type DocTable, type Notice, type Part } from '../doc.js';

/** Text safe inside a Markdown paragraph or a GFM table cell: no tag, no pipe, no line break. */
function mdEscape(s: string): string {
  return printable(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function renderMarkdown(doc: Doc): string {
  const out: string[] = [];
  const n = doc.notice;
  // A notice: issuer and number above the title, the addressee under it; the body's sections come next.
  if (n) out.push(`**${mdEscape(n.issuer)}**`, ...(n.number ? [mdEscape(n.number)] : []), `# ${mdEscape(n.title)}`, mdEscape(n.to));
  else if (doc.title) out.push(`# ${mdEscape(doc.title)}`);
  for (const s of doc.sections) {
    if (n && s.attachment === 1) out.push(...noticeFoot(n));
    if (s.title) out.push(`## ${mdEscape(s.title)}`);
    let list = false;
    for (const p of s.parts) {
      const text = part(p);
      if (text === null) continue;
      // An explanation's lines make one list: each item on the next line.
      const point = p.kind === 'para' && p.point === true;
      if (point && list) out[out.length - 1] += `\n${text}`;
      else out.push(text);
      list = point;
    }
  }
  if (n && !doc.sections.some((s) => s.attachment)) out.push(...noticeFoot(n));
  // The 版记 closes the notice, after its attachments.
  if (n?.imprint) {
    const i = n.imprint;
    out.push('---', ...(i.cc ? [mdEscape(`${i.ccLabel}${i.cc}`)] : []), `${mdEscape(i.printer)}　${mdEscape(i.printed)}`);
  }
  if (doc.footer) out.push('---', mdEscape(doc.footer));
  return `${out.join('\n\n')}\n`;
}

/** After the body: the attachments listed, the issuer and the date, then a rule before the attachments. */
function noticeFoot(n: Notice): string[] {
  const list = n.attachments.map((a, i) => `${i + 1}. ${mdEscape(a)}`).join('\n');
  return [...(list ? [mdEscape(n.label), list] : []), `${mdEscape(n.issuer)}  \n${mdEscape(n.date)}`, '---'];
}

function part(p: Part): string | null {
  switch (p.kind) {
    case 'gap':
      return null;
    case 'heading':
      return `### ${mdEscape(p.text)}`;
    case 'para': {
      const body = mdEscape(spansText(p.spans)) + (p.source ? ` (${mdEscape(sourceText(p.source))})` : '');
      return p.point ? `- ${body}` : body;
    }
    case 'table':
      return mdTable(p.table);
    case 'chart':
      return mdTable(chartTable(p.chart));
  }
}

function mdTable(tb: DocTable): string {
  const head = tb.caption === undefined ? [] : [`**${mdEscape(tb.caption)}**`, ''];
  const rows = [...tb.rows];
  if (rows.length === 0 && tb.none !== undefined) return [...head, tb.none].join('\n');
  const numeric = tb.headers.map((_, i) => rows.some((r) => isNumeric(r[i])) || tb.align?.[i] === 'right');
  const line = (cells: string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
  const rule = `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  const max = tb.cut?.max ?? Infinity;
  const body = rows.slice(0, max).map((r) => line(r.map(cellText)));
  const total = tb.total ?? rows.length;
  const more = total > body.length ? ['', mdEscape(tb.cut!.more(body.length, total))] : [];
  return [...head, line(tb.headers), rule, ...body, ...more].join('\n');
}
