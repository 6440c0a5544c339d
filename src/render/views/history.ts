// `cxzy log` and `cxzy undo` as documents, and their JSON.
import type { View } from '../formats/index.js';
import type { ImportEntry, UndoCounts } from '../../store/history.js';
import type { SectionCounts } from '../../store/batch/commit.js';
import { SECTIONS, type Section } from '../../core/model.js';
import { t, word, type Lang } from '../i18n/index.js';
import { num, text, type CellValue, type Doc } from '../doc.js';
import { punct } from '../i18n/punctuation.js';

/** 2026-11-23T09:30:00+08:00 → 2026-11-23 09:30:00: the office's own clock. */
export const shownTime = (at: string) => at.slice(0, 19).replace('T', ' ');

function filesCell(lang: Lang, e: ImportEntry): string {
  // A merge's sources are few and each a county: every one named.
  if (e.options.merge) return e.files.map((f) => f.path).join(punct(lang, 'list'));
  const read = e.files.filter((f) => !f.unchanged);
  const first = (read[0] ?? e.files[0])?.path ?? '';
  const shown = e.files.length > 1 ? t(lang, 'log_files_more', { first, n: e.files.length }) : first;
  const skipped = e.files.length - read.length;
  return skipped > 0 ? `${shown}${t(lang, 'log_files_unchanged', { n: skipped })}` : shown;
}

function changesCell(lang: Lang, counts: SectionCounts): string {
  const total = (k: 'inserted' | 'updated' | 'removed') => SECTIONS.reduce((n, s) => n + counts[s][k], 0);
  const parts = (['inserted', 'updated', 'removed'] as const).filter((k) => total(k) > 0).map((k) => `${t(lang, k)} ${total(k)}`);
  return parts.join(punct(lang, 'comma')) || t(lang, 'unchanged');
}

/** The choices made per org, as the options that would say them: --replace D0103,D0104 --add D0105. */
const eachOf = (e: ImportEntry) => {
  const each = Object.entries(e.options.each ?? {});
  return (['replace', 'add'] as const).flatMap((m) => {
    const orgs = each.filter(([, x]) => x === m).map(([org]) => org);
    return orgs.length ? [`--${m} ${orgs.join(',')}`] : [];
  });
};

const optionsOf = (e: ImportEntry) => {
  const m = e.options.merge;
  const merge = m ? ['merge', m.prefixes.some((p) => p !== null) ? '--prefix' : '', m.under ? `--under ${m.under}` : ''] : [];
  return [
    ...merge,
    e.options.replace ? '--replace' : '',
    e.options.add ? '--add' : '',
    ...eachOf(e),
    e.options.org ? `--org ${e.options.org}` : '',
    e.options.strict ? '--strict' : '',
  ]
    .filter(Boolean)
    .join(' ');
};

function logDoc(entries: ImportEntry[], lang: Lang): Doc {
  const headers = [t(lang, 'log_number'), t(lang, 'log_at'), t(lang, 'log_files'), t(lang, 'log_changes'), t(lang, 'log_state')];
  const rows = entries.map((e): CellValue[] => [
    num(e.number),
    text(shownTime(e.at)),
    text(filesCell(lang, e)),
    text(changesCell(lang, e.sections)),
    text([optionsOf(e), e.undone ? t(lang, 'log_undone', { at: shownTime(e.undone) }) : ''].filter(Boolean).join(' '), e.undone ? 'muted' : undefined),
  ]);
  const table = { headers, rows, align: ['right', 'left', 'left', 'left', 'left'] as const, shrink: [2, 4], none: t(lang, 'log_none') };
  return { lang, sections: [{ id: 'log', title: 'cxzy log', parts: [{ kind: 'table', table: { ...table, align: [...table.align] } }] }] };
}

const logJson = (entries: ImportEntry[]) => ({ imports: entries });

function undoDoc(entry: ImportEntry, counts: Record<Section, UndoCounts>, lang: Lang): Doc {
  const headers = [t(lang, 'section'), t(lang, 'undo_deleted'), t(lang, 'undo_reverted'), t(lang, 'undo_restored')];
  const rows = SECTIONS.map((s): CellValue[] => [text(word(lang, s)), num(counts[s].deleted), num(counts[s].reverted), num(counts[s].restored)]);
  const title = t(lang, 'undo_ok', { n: entry.number, at: shownTime(entry.at), files: entry.files.length });
  return { lang, sections: [{ id: 'undo', title, parts: [{ kind: 'table', table: { headers, rows, align: ['left', 'right', 'right', 'right'] } }] }] };
}

/** What undo will revert, said before it asks. */
export const undoPreview = (e: ImportEntry, lang: Lang) =>
  t(lang, 'undo_confirm', { n: e.number, at: shownTime(e.at), files: filesCell(lang, e), changes: changesCell(lang, e.sections), options: optionsOf(e) });

const undoJson = (entry: ImportEntry, counts: Record<Section, UndoCounts>) => ({ undone: entry, sections: counts });

/** What log shows: the imports, newest first. */
export const logView = (entries: ImportEntry[], lang: Lang): View => ({ data: () => logJson(entries), doc: () => logDoc(entries, lang) });

/** What undo says it reverted. */
export const undoView = (entry: ImportEntry, counts: Record<Section, UndoCounts>, lang: Lang): View => ({
  data: () => undoJson(entry, counts),
  doc: () => undoDoc(entry, counts, lang),
});
