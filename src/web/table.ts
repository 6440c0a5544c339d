// A document's table on a page: sorted by any column, filtered by the values
// of its few-valued columns, cut into pages on the server (a city's 750,000
// members never go to the browser whole), codes linked to their pages. Every
// choice is in the address: the header and pager links keep the others.
import { cellText, isNumeric, type CellValue, type DocTable } from '../render/doc.js';
import { escapeHtml as esc } from '../render/formats/svg.js';
import { t, type Lang } from '../render/i18n/index.js';

/** Rows a page shows of a table. */
export const PAGE_ROWS = 200;
/** A column with at most this many different values gets a filter, in a table of more than FILTER_PAST rows. */
const FILTER_VALUES = 12;
const FILTER_PAST = 20;

/** What the address asks of table `k`: its sort, its filters, its page. */
export interface TableAsk {
  sort: number | null;
  desc: boolean;
  filters: Map<number, string>;
  page: number;
}

/** The asks of the address for table `k` (the active one, `t`); the others show their first page, unsorted. */
export function askOf(params: URLSearchParams, k: number): TableAsk {
  const active = Number(params.get('t') ?? 0) === k;
  const n = (name: string) => (active && /^\d{1,6}$/.test(params.get(name) ?? '') ? Number(params.get(name)) : null);
  const filters = new Map<number, string>();
  if (active) for (const [name, v] of params) if (/^f\d{1,3}$/.test(name) && v !== '') filters.set(Number(name.slice(1)), v);
  return { sort: n('sort'), desc: active && params.get('dir') === 'desc', filters, page: Math.max(1, n('page') ?? 1) };
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

const blank = (c: CellValue) => c === null || cellText(c) === '';

/** Two cells in order, `sign` -1 for descending: numbers by value, the rest as text; empty cells last whichever way. */
function compare(a: CellValue, b: CellValue, sign: number): number {
  if (blank(a) || blank(b)) return Number(blank(a)) - Number(blank(b));
  if (isNumeric(a) && isNumeric(b)) return sign * ((a!.v as number) - (b!.v as number));
  return sign * collator.compare(cellText(a), cellText(b));
}

/**
 * A table's rows as asked: filtered, then sorted (stably, so a second sort
 * keeps the first's order within ties). `rows` is not changed: a filter or a
 * sort makes a new list, and without either they are given back as they are.
 */
export function askedRows(rows: CellValue[][], columns: number, ask: TableAsk): CellValue[][] {
  for (const [i, v] of ask.filters) rows = rows.filter((r) => cellText(r[i] ?? null) === v);
  if (ask.sort !== null && ask.sort < columns) {
    const i = ask.sort;
    const sign = ask.desc ? -1 : 1;
    rows = rows
      .map((r, n) => [r, n] as const)
      .sort(([a, m], [b, n]) => compare(a[i] ?? null, b[i] ?? null, sign) || m - n)
      .map(([r]) => r);
  }
  return rows;
}

/** The columns worth a filter: few different text values, more than one. */
function filterable(tb: DocTable, rows: CellValue[][]): [number, string[]][] {
  const out: [number, string[]][] = [];
  tb.headers.forEach((_, i) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const c = r[i] ?? null;
      if (c === null || isNumeric(c)) return;
      seen.add(cellText(c));
      if (seen.size > FILTER_VALUES) return;
    }
    if (seen.size > 1) out.push([i, [...seen].sort(collator.compare)]);
  });
  return out;
}

/** The address with `set` changed (an empty value removes the parameter). */
export function withParams(params: URLSearchParams, set: Record<string, string>): string {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(set)) {
    if (v === '') p.delete(k);
    else p.set(k, v);
  }
  return `?${p}`;
}

/** Where a cell's text links to, when it names a stored org or member. */
export type Links = (texts: string[]) => Map<string, string>;

/** Table `k` of a page, as asked, in HTML. */
export function tableHtml(tb: DocTable, k: number, params: URLSearchParams, lang: Lang, links: Links): string {
  const ask = askOf(params, k);
  const all = [...tb.rows];
  if (all.length === 0 && tb.none !== undefined) return `${tb.caption ? `<h3>${esc(tb.caption)}</h3>` : ''}<p class="none">${esc(tb.none)}</p>`;
  const rows = askedRows(all, tb.headers.length, ask);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_ROWS));
  const page = Math.min(ask.page, pages);
  const shown = rows.slice((page - 1) * PAGE_ROWS, page * PAGE_ROWS);
  const href = links(shown.flatMap((r) => r.flatMap((c) => (c?.t === 'text' ? [c.v] : []))));
  const head = tb.headers
    .map((h, i) => {
      const on = ask.sort === i;
      const dir = on && !ask.desc ? 'desc' : 'asc';
      const mark = on ? (ask.desc ? ' ▼' : ' ▲') : '';
      return `<th><a href="${esc(withParams(params, { t: String(k), sort: String(i), dir, page: '' }))}">${esc(h)}${mark}</a></th>`;
    })
    .join('');
  const cell = (c: CellValue) => {
    const s = esc(cellText(c));
    const to = c?.t === 'text' ? href.get(c.v) : undefined;
    const tone = c && 'tone' in c && c.tone ? ` tone-${c.tone}` : '';
    const klass = `${isNumeric(c) ? 'n' : ''}${tone}`.trim();
    return `<td${klass ? ` class="${klass}"` : ''}>${to ? `<a href="${esc(to)}">${s}</a>` : s}</td>`;
  };
  const body = shown.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n');
  return `${tb.caption ? `<h3>${esc(tb.caption)}</h3>` : ''}${filterForm(tb, all, k, ask, params, lang)}
<table data-table="${k}"><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>${pager(k, page, pages, rows.length, params, lang)}`;
}

/** The filters of a table's few-valued columns, as a form that keeps the page's other choices. */
function filterForm(tb: DocTable, rows: CellValue[][], k: number, ask: TableAsk, params: URLSearchParams, lang: Lang): string {
  const cols = rows.length > FILTER_PAST || ask.filters.size ? filterable(tb, rows) : [];
  if (cols.length === 0) return '';
  const keep = [...params].filter(([name]) => !/^f\d+$/.test(name) && !['t', 'page', 'format'].includes(name));
  const hidden = [...keep, ['t', String(k)]].map(([n, v]) => `<input type="hidden" name="${esc(n)}" value="${esc(v)}">`).join('');
  const selects = cols
    .map(([i, values]) => {
      const options = [
        `<option value="">${esc(t(lang, 'web_any'))}</option>`,
        ...values.map((v) => `<option${ask.filters.get(i) === v ? ' selected' : ''}>${esc(v)}</option>`),
      ];
      return `<label>${esc(tb.headers[i])} <select name="f${i}">${options.join('')}</select></label>`;
    })
    .join(' ');
  return `<form class="filters" method="get">${hidden}${selects} <button>${esc(t(lang, 'web_filter'))}</button></form>`;
}

function pager(k: number, page: number, pages: number, total: number, params: URLSearchParams, lang: Lang): string {
  if (pages <= 1) return '';
  const link = (p: number, label: string) => `<a href="${esc(withParams(params, { t: String(k), page: String(p) }))}">${esc(label)}</a>`;
  const from = (page - 1) * PAGE_ROWS + 1;
  const to = Math.min(total, page * PAGE_ROWS);
  return `<p class="pager">${page > 1 ? link(page - 1, t(lang, 'web_prev')) : ''} ${esc(t(lang, 'web_page_of', { page, pages, from, to, total }))} ${page < pages ? link(page + 1, t(lang, 'web_next')) : ''}</p>`;
}
