// The intake's pages as HTML: the drop form, what each file of a drop was
// found to hold (the terminal's own text of its errors and warnings), and the
// forms that import and undo, each carrying the server's token. Every text
// from a file or a name is escaped here.
import { Chalk } from 'chalk';
import { Diagnostics, SHOWN, type Diagnostic } from '../core/diagnostic.js';
import { groupBy } from '../core/collections.js';
import type { IngestResult } from '../pipeline/pipeline.js';
import type { LeftOut } from '../pipeline/skip.js';
import { formatDiagnostics } from '../render/views/diagnostics.js';
import { changeLines, countsTable, scopeLines } from '../render/views/changes.js';
import { htmlPart } from '../render/formats/html.js';
import { escapeHtml as esc } from '../render/formats/svg.js';
import { t, type Lang } from '../render/i18n/index.js';
import { MAX_FILE_BYTES } from '../read/limits.js';
import { INBOX, type Receipt } from './archive.js';

const plain = new Chalk({ level: 0 });
/** Changes a dry run lists in full on the page. */
const CHANGES_SHOWN = 500;

/** The diagnostics as the terminal prints them, without colour. */
function diagText(list: Diagnostic[], lang: Lang): string {
  const d = new Diagnostics(Infinity);
  for (const x of list) d.add(x);
  return formatDiagnostics(d, lang, plain);
}

/** A file's diagnostics as the terminal shows a run's: the first SHOWN errors, then how many more (a workbook's marked copy has them all). */
function shownText(list: Diagnostic[], lang: Lang, unbuilt = 0): string {
  const errors = list.filter((d) => d.severity === 'error');
  const text = diagText([...errors.slice(0, SHOWN), ...list.filter((d) => d.severity === 'warning')], lang);
  const more = Math.max(0, errors.length - SHOWN) + unbuilt;
  return more > 0 ? `${text}\n${t(lang, 'errors_more', { n: more })}` : text;
}

const pre = (text: string) => (text ? `<pre>${esc(text)}</pre>` : '');
const token = (tk: string) => `<input type="hidden" name="token" value="${esc(tk)}">`;

/** The drop form: files or a folder, posted as they are; dropping files on the field works without script. */
export function dropForm(lang: Lang, tk: string): string {
  return `<p>${esc(t(lang, 'web_intake_hint', { inbox: INBOX }))}</p>
<form class="drop" method="post" action="intake" enctype="multipart/form-data">${token(tk)}
<label>${esc(t(lang, 'web_pick_files'))}<input type="file" name="files" multiple accept=".xlsx,.yaml,.yml"></label>
<label>${esc(t(lang, 'web_pick_folder'))}<input type="file" name="folder" webkitdirectory multiple></label>
<button>${esc(t(lang, 'web_send'))}</button>
</form>`;
}

export function dropsList(lang: Lang, drops: Receipt[]): string {
  const items = drops.map(
    (r) =>
      `<li><a href="intake?drop=${esc(r.id)}">${esc(t(lang, 'web_drop_line', { at: r.at.replace('T', ' ').slice(0, 19), files: r.files.length }))}</a></li>`,
  );
  return `<h2>${esc(t(lang, 'web_drops'))}</h2>${items.length ? `<ul>${items.join('')}</ul>` : `<p class="none">${esc(t(lang, 'web_no_drops'))}</p>`}`;
}

/** What the drop's receipt says beyond its files: those kept under a new name, those not taken. */
function receiptNotes(lang: Lang, r: Receipt): string {
  const lines = [
    ...r.files.filter((k) => k.renamed).map((k) => t(lang, 'web_kept_as', { sent: k.sent, path: k.path })),
    ...r.refused.map((x) =>
      x.why === 'type' ? t(lang, 'web_refused_type', { sent: x.sent }) : t(lang, 'web_refused_size', { sent: x.sent, mb: MAX_FILE_BYTES / 2 ** 20 }),
    ),
  ];
  return lines.map((l) => `<p class="bad">${esc(l)}</p>`).join('\n');
}

/** Each file of the drop: where it is kept, what the check found, its marked copy; then its diagnostics as the terminal shows them. */
export function dropReport(lang: Lang, r: Receipt, check: IngestResult, copies: boolean[]): string {
  const byFile = groupBy([...check.diags.errors, ...check.diags.warnings], (d) => d.file);
  const rows = r.files.map((k, i) => {
    const found = byFile.get(k.path) ?? [];
    const errors = found.filter((d) => d.severity === 'error').length + (check.unbuilt.get(k.path) ?? 0);
    const warnings = found.filter((d) => d.severity === 'warning').length;
    const result = found.length
      ? `<span class="${errors ? 'bad' : 'ok'}">${esc(t(lang, 'web_file_counts', { errors, warnings }))}</span>`
      : `<span class="ok">${esc(t(lang, 'web_file_ok'))}</span>`;
    const copy = copies[i] ? `<a href="intake/copy?drop=${esc(r.id)}&amp;k=${i}">${esc(t(lang, 'web_annotated'))}</a>` : '';
    const kept = `<a href="intake/file?drop=${esc(r.id)}&amp;k=${i}">${esc(k.path)}</a>`;
    return `<tr><td><a href="#f${i}">${esc(k.sent)}</a></td><td>${kept}</td><td>${result}</td><td>${copy}</td></tr>`;
  });
  const heads = ['web_file_h', 'web_file_h_kept', 'web_file_h_result', 'web_file_h_copy'] as const;
  const table = `<table><thead><tr>${heads.map((h) => `<th>${esc(t(lang, h))}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
  const all = copies.filter(Boolean).length;
  const zip = all > 1 ? `<p class="bar"><a href="intake/copies.zip?drop=${esc(r.id)}">${esc(t(lang, 'web_annotated_all', { n: all }))}</a></p>` : '';
  const ours = new Set(r.files.map((k) => k.path));
  const each = r.files
    .map((k, i) => {
      const found = byFile.get(k.path);
      return found ? `<h3 id="f${i}">${esc(k.sent)}</h3>${pre(shownText(found, lang, check.unbuilt.get(k.path) ?? 0))}` : '';
    })
    .join('\n');
  const others = [...byFile].filter(([file]) => !ours.has(file)).flatMap(([, list]) => list);
  const rest = others.length ? `<h3>${esc(t(lang, 'web_other_findings'))}</h3>${pre(shownText(others, lang))}` : '';
  const verdict =
    check.diags.errorCount === 0
      ? `<p class="ok">${esc(t(lang, 'web_check_ok', { files: check.files, records: check.records }))}</p>`
      : `<p class="bad">${esc(t(lang, 'web_check_failed', { errors: check.diags.errorCount }))}</p>${check.crossChecked ? '' : `<p>${esc(t(lang, 'web_cross_not_run'))}</p>`}`;
  return `${receiptNotes(lang, r)}\n${verdict}\n${table}\n${zip}\n${each}\n${rest}`;
}

export interface ImportChoice {
  drop: string;
  /** How every resubmission goes in, unless its org's own choice says otherwise. */
  mode: '' | 'replace' | 'add';
  /** Per org (a branch that resubmits), its own choice. */
  each: Map<string, 'replace' | 'add'>;
  skip: boolean;
}

/** An org that resubmits, with its name: a line of the form to choose for it. */
export interface Resubmitter {
  org: string;
  name: string;
}

/** The orgs whose resubmissions `diags` name, each once, in order. */
export function resubmitters(diags: Diagnostic[]): Resubmitter[] {
  const out = new Map<string, Resubmitter>();
  for (const d of diags) {
    const org = d.code === 'resubmission' ? d.extra?.org : undefined;
    if (typeof org === 'string' && !out.has(org)) out.set(org, { org, name: String((d.msg.params as { name?: string } | undefined)?.name ?? '') });
  }
  return [...out.values()];
}

/**
 * The import form: how resubmissions go in (for all, and branch by branch),
 * whether files with errors are left out, then a dry run or the import itself.
 */
export function importForm(lang: Lang, tk: string, c: ImportChoice, offer: { resubmitted: Resubmitter[]; invalid: boolean }): string {
  const radio = (name: string, v: string, checked: boolean, label: string) =>
    `<label><input type="radio" name="${esc(name)}" value="${v}"${checked ? ' checked' : ''}> ${esc(label)}</label>`;
  const all = `<p>${esc(t(lang, 'web_mode_all'))}${radio('mode', 'replace', c.mode === 'replace', t(lang, 'web_mode_replace'))} ${radio('mode', 'add', c.mode === 'add', t(lang, 'web_mode_add'))} ${radio('mode', '', c.mode === '', t(lang, 'web_mode_none'))}</p>`;
  const each = offer.resubmitted.map(({ org, name }) => {
    const mine = c.each.get(org);
    const field = `org:${org}`;
    return `<p>${esc(`${org} ${name}`)}：${radio(field, 'replace', mine === 'replace', t(lang, 'web_mode_replace'))} ${radio(field, 'add', mine === 'add', t(lang, 'web_mode_add'))} ${radio(field, '', mine === undefined, t(lang, 'web_mode_as_all'))}</p>`;
  });
  const mode =
    offer.resubmitted.length || c.mode
      ? `<fieldset><legend>${esc(t(lang, 'web_mode'))}</legend><p>${esc(t(lang, 'web_resubmitted'))}</p>${all}${each.join('')}</fieldset>`
      : '';
  const skip =
    offer.invalid || c.skip
      ? `<p><label><input type="checkbox" name="skip" value="1"${c.skip ? ' checked' : ''}> ${esc(t(lang, 'web_skip_invalid'))}</label></p>`
      : '';
  return `<h2>${esc(t(lang, 'web_import'))}</h2>
<form class="act" method="post" action="import">${token(tk)}<input type="hidden" name="drop" value="${esc(c.drop)}">
${mode}${skip}<button name="dry" value="1">${esc(t(lang, 'web_dry_run'))}</button><button name="dry" value="0">${esc(t(lang, 'web_do_import'))}</button>
</form>`;
}

/** The counts of an import or a dry run, per section: the terminal's table. */
const countsHtml = (lang: Lang, r: IngestResult) => (r.counts ? (htmlPart({ kind: 'table', table: countsTable(lang, r.counts) }) ?? '') : '');

/** What an import or a dry run did: its errors, or its changes and counts, as the terminal says them. `r` null: every file was left out. */
export function importReport(lang: Lang, r: IngestResult | null, left: LeftOut[], dry: boolean): string {
  const leftLines = left.map((l) => `<p class="bad">${esc(t(lang, 'web_left_out', { file: l.file, n: l.errors.length }))}</p>${pre(diagText(l.errors, lang))}`);
  const parts: string[] = [...leftLines];
  if (r === null) return [...parts, `<p class="bad">${esc(t(lang, 'all_left_out'))}</p>`].join('\n');
  if (r.diags.errorCount > 0 || (r.counts === null && r.files > 0)) {
    parts.push(
      `<p class="bad">${esc(t(lang, 'web_not_imported', { errors: r.diags.errorCount }))}</p>`,
      pre(diagText([...r.diags.errors, ...r.diags.warnings], lang)),
    );
    return parts.join('\n');
  }
  if (r.diags.warnings.length) parts.push(pre(diagText(r.diags.warnings, lang)));
  // The page's title says it is a dry run; a county's batch lists the first of each kind past CHANGES_SHOWN, as --limit does.
  if (dry) parts.push(pre(changeLines(lang, r.changes ?? [], r.orgNames, plain, CHANGES_SHOWN).join('\n')));
  else if (r.number !== null) parts.push(`<p class="ok">${esc(t(lang, 'web_imported', { n: r.number, files: r.files }))}</p>`);
  else if (r.counts) parts.push(`<p>${esc(t(lang, 'web_unchanged'))}</p>`);
  parts.push(countsHtml(lang, r));
  if (r.replace) parts.push(pre(scopeLines(lang, r.replace, r.orgNames).join('\n')));
  return parts.join('\n');
}

/** The undo's confirmation: what it will revert (as the terminal asks), and the button. */
export function undoForm(lang: Lang, tk: string, n: number, preview: string): string {
  return `${pre(preview)}
<form class="act" method="post" action="undo">${token(tk)}<input type="hidden" name="n" value="${n}"><button>${esc(t(lang, 'web_undo_button', { n }))}</button></form>`;
}

/** Where to go after an import: the drop again, the overview, the log. */
export const backLinks = (lang: Lang, drop: string) =>
  `<p class="bar"><a href="intake?drop=${esc(drop)}">${esc(t(lang, 'web_back_to_drop'))}</a> <a href="./">${esc(t(lang, 'web_overview'))}</a> <a href="log">${esc(t(lang, 'web_log'))}</a></p>`;
