// The bulletin as GitHub-flavoured Markdown: charts become tables of their
// figures; text from the data cannot start a tag or break a table.
import { cellText, chartTable, isNumeric, MAX_TEXT_ROWS, type Doc, type DocTable } from './doc.js';

/** Cell text safe inside a GFM table: no pipe, line break or HTML. */
export function mdEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function mdTable(tb: DocTable, doc: Doc): string {
  const none = doc.none;
  const head = `**${mdEscape(tb.caption)}**`;
  if (tb.rows.length === 0) return `${head}\n\n${none}`;
  const numeric = tb.headers.map((_, i) => tb.rows.some((r) => isNumeric(r[i])));
  const line = (cells: string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
  const rule = `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`;
  const rows = tb.rows.slice(0, MAX_TEXT_ROWS).map((r) => line(r.map(cellText)));
  const more = tb.rows.length > MAX_TEXT_ROWS ? ['', mdEscape(doc.more(MAX_TEXT_ROWS, tb.rows.length))] : [];
  return [head, '', line(tb.headers), rule, ...rows, ...more].join('\n');
}

export function renderMarkdown(doc: Doc): string {
  const out: string[] = [`# ${mdEscape(doc.title)}`, '', mdEscape(doc.subtitle)];
  for (const s of doc.sections) {
    out.push('', `## ${mdEscape(s.title)}`);
    for (const b of s.blocks) {
      out.push('');
      if (b.kind === 'facts') out.push(b.lines.map(mdEscape).join('\n\n'));
      else if (b.kind === 'table') out.push(mdTable(b.table, doc));
      else out.push(mdTable(chartTable(b.chart), doc));
    }
  }
  out.push('', '---', '', mdEscape(doc.footer), '');
  return out.join('\n');
}
