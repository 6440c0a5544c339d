// The frame of every page: the navigation, the search box, the page's form
// (its choices, all in the address), its downloads and notices, then its
// document — paragraphs, charts and tables as the notice's HTML lays them out,
// in the notice's typefaces. No script: sorting, filtering and paging are
// links and forms, so the page works as it is and prints as it shows.
import { createHash } from 'node:crypto';
import type { Doc } from '../render/doc.js';
import { FANG, HEI, htmlPage, htmlPart, SONG } from '../render/formats/html.js';
import { escapeHtml as esc } from '../render/formats/svg.js';
import { t, type Lang } from '../render/i18n/index.js';
import type { Choice, NoticeLink, Page } from './pages.js';
import { tableHtml, withParams, type Links } from './table.js';

const CSS = `
:root { --ink: #1f2328; --muted: #57606a; --rule: #c8ccd1; --head: #f2f4f7; --red: #c00000; --link: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font-family: ${FANG}; font-size: 16px; line-height: 1.7; }
nav { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 14px; padding: 8px 20px; background: #8b1a1a; font-family: ${HEI}; }
nav a { color: #fff; text-decoration: none; padding: 2px 4px; }
nav a.on { border-bottom: 2px solid #fff; }
nav form { margin-left: auto; }
nav input { width: 14em; }
main { padding: 12px 20px 40px; max-width: 1320px; }
h1 { font-family: ${SONG}; font-size: 22px; margin: 6px 0 10px; }
h2 { font-family: ${HEI}; font-size: 17px; font-weight: normal; margin: 18px 0 6px; border-bottom: 1px solid var(--rule); }
h3 { font-family: ${HEI}; font-size: 15px; font-weight: normal; margin: 10px 0 4px; }
p { margin: 2px 0; }
a { color: var(--link); }
.choices, .filters { font-family: ${HEI}; font-size: 14px; margin: 4px 0 8px; display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; }
.bar { font-family: ${HEI}; font-size: 14px; margin: 4px 0 10px; color: var(--muted); }
.bar a { margin-right: 10px; }
.error { border: 1px solid var(--red); color: var(--red); padding: 10px 14px; font-family: ${HEI}; }
table { border-collapse: collapse; margin: 0 0 6px; font-family: ${SONG}; font-size: 13px; line-height: 1.45; }
th, td { border: 1px solid var(--rule); padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: var(--head); font-family: ${HEI}; font-weight: normal; white-space: nowrap; }
th a { color: var(--ink); text-decoration: none; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.tone-good { color: #2e7d32; } .tone-poor, .tone-bad { color: #c62828; } .tone-muted { color: #8c959f; } .tone-warn { color: #a15c00; }
.none, .pager { color: var(--muted); font-size: 14px; }
figure { margin: 6px 0; } figcaption { font-family: ${HEI}; font-size: 14px; }
svg { max-width: 640px; height: auto; }
.drop { border: 2px dashed var(--rule); padding: 14px; margin: 8px 0; font-family: ${HEI}; font-size: 14px; }
.drop input[type=file] { display: block; margin: 6px 0; width: 100%; min-height: 4em; }
pre { font-family: "SimSun", "NSimSun", "Noto Sans Mono CJK SC", monospace; font-size: 13px; white-space: pre-wrap; background: #f6f8fa; padding: 6px 10px; margin: 4px 0 10px; }
.ok { color: #2e7d32; font-family: ${HEI}; } .bad { color: var(--red); font-family: ${HEI}; }
form.act { font-family: ${HEI}; font-size: 14px; margin: 8px 0; } form.act fieldset { border: 1px solid var(--rule); margin: 6px 0; }
form.act button { font-size: 15px; padding: 3px 14px; margin-right: 10px; }
@media print {
  nav, .choices, .filters, .bar, .pager { display: none; }
  @page { size: A4; margin: 15mm 12mm; }
  main { padding: 0; }
}
`;

/** The page's one style sheet, allowed by its hash: nothing else may style or run on the page. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;
const POLICY = `default-src 'none'; style-src ${STYLE_HASH}; img-src data:; form-action 'self'; base-uri 'none'`;
/** Sent as a header, with frame-ancestors (which a page's own meta element cannot set); the page carries the rest, saved or not. */
export const CSP = `${POLICY}; frame-ancestors 'none'`;

/** A document's sections, its tables numbered in order as the address names them (t=0, 1…). */
function docHtml(doc: Doc, params: URLSearchParams, lang: Lang, links: Links): { html: string; tables: number } {
  const k = { n: 0 };
  const html = doc.sections
    .map((s) => {
      const parts = s.parts.map((p) => htmlPart(p, (tb) => tableHtml(tb, k.n++, params, lang, links))).filter((x) => x !== null);
      return `<section id="${esc(s.id)}">${s.title ? `<h2>${esc(s.title)}</h2>` : ''}\n${parts.join('\n')}\n</section>`;
    })
    .join('\n');
  return { html, tables: k.n };
}

function choicesHtml(choices: Choice[], lang: Lang): string {
  if (choices.length === 0) return '';
  const controls = choices.map((c) => {
    const label = c.label ? `${esc(c.label)} ` : '';
    if (c.kind === 'select')
      return `<label>${label}<select name="${esc(c.name)}">${(c.options ?? [])
        .map((o) => `<option value="${esc(o)}"${o === c.value ? ' selected' : ''}>${esc(o || t(lang, 'web_all_rows'))}</option>`)
        .join('')}</select></label>`;
    if (c.kind === 'check') return `<label><input type="checkbox" name="${esc(c.name)}" value="1"${c.value ? ' checked' : ''}> ${esc(c.label)}</label>`;
    if (!c.label) return `<input type="hidden" name="${esc(c.name)}" value="${esc(c.value)}">`;
    return `<label>${label}<input name="${esc(c.name)}" value="${esc(c.value)}" placeholder="${esc(t(lang, 'web_org_hint'))}"></label>`;
  });
  return `<form class="choices" method="get">${controls.join(' ')} <button>${esc(t(lang, 'web_go'))}</button></form>`;
}

export interface Frame {
  lang: Lang;
  db: string;
  /** The page shown, to mark in the navigation (null: an error page or one of the intake's). */
  page: Page | null;
  /** The address of a page of the intake's, to mark in the navigation. */
  path?: string;
  pages: Page[];
  title: string;
  params: URLSearchParams;
  search?: string;
  choices?: Choice[];
  notices?: NoticeLink[];
  actions?: NoticeLink[];
  note?: string;
  /** The page's document, an error's text, or a page of forms made (and escaped) by web/intake-html.ts. */
  body: { doc: Doc; links: Links; bare?: boolean } | { error: string } | { html: string };
  /** The intake, import and undo offered (serve without --read-only). */
  writable?: boolean;
}

/** A whole page. Links are relative: the view works under any address it is served at. */
export function pageHtml(f: Frame): string {
  const { lang } = f;
  const nav = f.pages
    .filter((p) => p.nav !== null)
    .map((p) => `<a href="./${p.path}"${p === f.page ? ' class="on"' : ''}>${esc(t(lang, p.nav!))}</a>`)
    .join('');
  const intake = f.writable ? `<a href="./intake"${f.path === 'intake' ? ' class="on"' : ''}>${esc(t(lang, 'web_intake'))}</a>` : '';
  const search = `<form method="get" action="search" role="search"><input name="q" value="${esc(f.search ?? '')}" placeholder="${esc(t(lang, 'web_search_hint'))}" aria-label="${esc(t(lang, 'web_search_label'))}"> <button>${esc(t(lang, 'web_search'))}</button></form>`;
  let main: string;
  if ('error' in f.body) main = `<p class="error">${esc(f.body.error)}</p>`;
  else if ('html' in f.body) main = f.body.html;
  else {
    const { html, tables } = docHtml(f.body.doc, f.params, lang, f.body.links);
    const keep = (format: string, k?: number) => esc(withParams(f.params, { format, ...(k === undefined ? {} : { t: String(k) }) }));
    const downloads = [
      `<a href="${keep('json')}">JSON</a>`,
      ...Array.from({ length: tables }, (_, k) => {
        const which = tables > 1 ? `${t(lang, 'web_download_table', { n: k + 1 })} ` : '';
        return `${esc(which)}<a href="${keep('xlsx', k)}">Excel</a> <a href="${keep('csv', k)}">CSV</a>`;
      }),
    ];
    const notices = (f.notices ?? []).map((n) => `<a href="${esc(n.href)}">${esc(n.label)}</a>`);
    // A document that answers a request that wrote (the undo's) has no address to download again.
    const bar = f.body.bare
      ? ''
      : `<p class="bar">${esc(t(lang, 'web_download'))}：${downloads.join(' · ')}${notices.length ? ` ｜ ${esc(t(lang, 'web_notice'))}：${notices.join(' ')}` : ''}</p>`;
    main = `${choicesHtml(f.choices ?? [], lang)}
${bar}
${f.note ? `<p class="bar">${esc(f.note)}</p>` : ''}
${(f.actions ?? []).map((a) => `<p class="bar"><a href="${esc(a.href)}">${esc(a.label)}</a></p>`).join('')}
${html}`;
  }
  return htmlPage({
    lang,
    policy: POLICY,
    title: `${f.title} · ${t(lang, 'web_title')}`,
    css: CSS,
    body: `<nav>${nav}${intake}${search}</nav>
<main>
<h1>${esc(f.title)}</h1>
${main}
<p class="bar">${esc(t(lang, f.writable ? 'web_writable' : 'web_read_only', { db: f.db }))}</p>
</main>`,
  });
}
