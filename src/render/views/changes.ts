// The change preview of `import --dry-run` and --replace's scope, as lines for
// the terminal: grouped by org and section, every change (SPEC §3); past
// `--limit N` changes, lists cut with a count and a pointer to the JSON output,
// which lists everything.
import type { ChalkInstance } from 'chalk';
import type { Change } from '../../store/changes.js';
import type { ReplaceScope } from '../../store/replace.js';
import type { SectionCounts } from '../../store/batch/commit.js';
import { num, text, type DocTable } from '../doc.js';
import { SECTIONS, sourceText } from '../../core/model.js';
import { groupBy } from '../../core/collections.js';
import { printable } from '../../core/text.js';
import { fieldLabel } from '../../core/columns.js';
import { t, word, type Lang } from '../i18n/index.js';
import { punct } from '../i18n/punctuation.js';

/** Past the limit asked for: records per org and section, and orgs, listed before the rest is counted. */
const PER_GROUP = 5;
const ORGS = 20;
/** Orgs named per section and quarter in the replace scope. */
const SCOPE_ORGS = 10;

const ORDER = { inserted: 0, updated: 1, removed: 2, moved: 3 } as const;

/** Fields holding an enumeration: shown by their label (县级, not county), as a file may write them. */
const LABELLED: Record<string, string> = { adopted: '', status: '', kind: '', grade: '', type: 'type_', category: 'cat_', role: 'role_' };

function value(lang: Lang, v: unknown, field: string): string {
  if (v === null || v === undefined) return lang === 'zh' ? '（空）' : '(none)';
  if (typeof v === 'string' && field in LABELLED) v = word(lang, LABELLED[field] + v);
  if (typeof v === 'string') return printable(lang === 'zh' ? `“${v}”` : JSON.stringify(v));
  return printable(typeof v === 'object' ? JSON.stringify(v) : String(v));
}

const cut = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

function entry(lang: Lang, c: Change, col: ChalkInstance): string {
  const sep = punct(lang, 'clause');
  const who = printable([c.key, c.label !== null && !c.key.includes(c.label) ? cut(c.label, 24) : null].filter((x) => x !== null).join(' '));
  // A workbook's record by its sheet and row (file.xlsx:党员积分!A5), as everywhere else.
  const src = printable(sourceText(c));
  if (c.action === 'inserted') return `    ${col.green('+')} ${t(lang, 'inserted')} ${who}（${src}）`;
  if (c.action === 'removed') return `    ${col.red('-')} ${t(lang, 'removed')} ${who}（${t(lang, 'change_was', { src })}）`;
  // Chinese names a field by its sheet header (带头学习提高, not study).
  const name = (field: string) => (lang === 'zh' ? (fieldLabel(c.section, field) ?? field) : field);
  const fields = c.fields.map((f) => `${name(f.field)} ${value(lang, f.old, f.field)} → ${value(lang, f.new, f.field)}`).join(sep);
  return `    ${col.yellow('~')} ${t(lang, 'updated')} ${who}${punct(lang, 'colon')}${fields}（${src}）`;
}

/** The preview: per org (with its name), per section, each record; past `limit` changes, the first of each, and what was left out. */
export function changeLines(lang: Lang, changes: Change[], names: Map<string, string>, col: ChalkInstance, limit = Infinity): string[] {
  const shown = changes.filter((c) => c.action !== 'moved');
  const moved = changes.length - shown.length;
  const out: string[] = [];
  if (shown.length === 0) out.push(t(lang, 'changes_none'));
  const byOrg = [...groupBy(shown, (c) => c.org ?? '')].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const whole = shown.length <= limit;
  const perGroup = whole ? Infinity : PER_GROUP;
  for (const [org, list] of whole ? byOrg : byOrg.slice(0, ORGS)) {
    out.push(col.bold(org === '' ? '—' : printable([org, names.get(org)].filter((x) => x !== undefined).join(' '))));
    const bySection = groupBy(list, (c) => c.section);
    for (const s of SECTIONS) {
      const items = bySection.get(s);
      if (!items) continue;
      items.sort((a, b) => ORDER[a.action] - ORDER[b.action] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const n = (a: Change['action']) => items.filter((c) => c.action === a).length;
      const counts = (['inserted', 'updated', 'removed'] as const)
        .filter((a) => n(a) > 0)
        .map((a) => `${t(lang, a)} ${n(a)}`)
        .join(punct(lang, 'comma'));
      out.push(t(lang, 'changes_section', { section: word(lang, s), counts }));
      for (const c of items.slice(0, perGroup)) out.push(entry(lang, c, col));
      if (items.length > perGroup) out.push(t(lang, 'changes_more', { n: items.length - PER_GROUP }));
    }
  }
  const rest = whole ? [] : byOrg.slice(ORGS);
  if (rest.length > 0) out.push(t(lang, 'changes_more_orgs', { orgs: rest.length, n: rest.reduce((k, [, l]) => k + l.length, 0) }));
  if (moved > 0) out.push(t(lang, 'changes_moved', { n: moved }));
  if (!whole) out.push(t(lang, 'changes_all_json', { n: shown.length, limit }));
  return out;
}

/** --replace's scope: per section and quarter (or month), the orgs whose records the batch replaced. */
export function scopeLines(lang: Lang, scope: ReplaceScope[], names: Map<string, string>): string[] {
  const out = [t(lang, 'replace_scope')];
  for (const x of scope) {
    const section = word(lang, x.section);
    if (x.orgs.length === 0) {
      out.push(t(lang, 'replace_scope_none', { section, period: x.period }));
      continue;
    }
    const named = x.orgs.slice(0, SCOPE_ORGS).map((o) => [o, names.get(o)].filter((v) => v !== undefined).join(' '));
    const more = x.orgs.length > SCOPE_ORGS ? [t(lang, 'more_orgs', { n: x.orgs.length })] : [];
    out.push(t(lang, 'replace_scope_line', { section, period: x.period, orgs: [...named, ...more].join(punct(lang, 'list')) }));
  }
  return out.map(printable);
}

/** Inserted, updated, unchanged and removed records per section: what an import, a dry run or a merge did, on the terminal and on the web view's page alike. */
export function countsTable(lang: Lang, counts: SectionCounts): DocTable {
  const rows = SECTIONS.map((s) => {
    const c = counts[s];
    return [text(word(lang, s)), num(c.inserted), num(c.updated), num(c.unchanged), num(c.removed)];
  });
  const headers = [t(lang, 'section'), t(lang, 'inserted'), t(lang, 'updated'), t(lang, 'unchanged'), t(lang, 'removed')];
  return { headers, rows, align: ['left', 'right', 'right', 'right', 'right'] };
}
