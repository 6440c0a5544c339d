// Import history and undo. Every import that writes leaves a row in
// `imports`; the rows it replaced or removed are in the history tables under
// its number (written in its own transaction, by writeStaged), and the rows
// it wrote carry its number as `gen`. Undoing it deletes those and puts the
// kept ones back: the record tables and the remembered files are then, row for
// row, what they were before it.
import type { DB } from './db.js';
import { localTime } from '../core/dates.js';
import { DataError } from '../core/errors.js';
import { SECTION_LIST } from '../core/sections.js';
import type { Section } from '../core/model.js';
import { storedCols, zeroCounts, type SectionCounts } from './batch/commit.js';
import { MADE_TABLES } from './tables.js';

export interface ImportFile {
  path: string;
  hash: string;
  /** Skipped as read before and unchanged since. */
  unchanged: boolean;
}

export interface LoggedOptions {
  replace: boolean;
  /** --add (absent in entries logged before it existed). */
  add?: boolean;
  org: string | null;
  strict: boolean;
  /** Per org, whether its resubmissions replaced or added (the web view's choice per branch). */
  each?: Record<string, 'replace' | 'add'>;
  /**
   * A merge: --under, and each source's prefix, its database's id, its
   * office's area and the label its rows' sources carry (its `files` are the
   * source databases; ids, areas and labels absent in merges logged before
   * they were kept).
   */
  merge?: { under: string | null; prefixes: (string | null)[]; ids?: string[]; areas?: (string | null)[]; labels?: string[] };
}

export interface ImportEntry {
  number: number;
  /** Local time with its offset, e.g. 2026-11-23T09:30:00+08:00. */
  at: string;
  files: ImportFile[];
  sections: SectionCounts;
  options: LoggedOptions;
  /** When it was undone, or null. */
  undone: string | null;
}

/** What undo did to one table: rows the import had added taken out, rows it had changed put back as they were, rows it had removed put back. */
export interface UndoCounts {
  deleted: number;
  reverted: number;
  restored: number;
}

const FILE_COLS = ['path', 'hash', 'rules', 'summary'];

/** Keeps the remembered-file rows of `paths` as they are before the import changes them. */
export function keepFiles(db: DB, gen: number, paths: Iterable<string>): void {
  const keep = db.prepare(
    `INSERT INTO main.history_files (import, action, ${FILE_COLS.join(', ')}) SELECT ?, 'replaced', ${FILE_COLS.join(', ')} FROM main.files WHERE path = ?`,
  );
  for (const p of new Set(paths)) keep.run(gen, p);
}

/**
 * An import that changed no record is not logged and uses up no undo: its
 * number is given back and the remembered files it kept are dropped (the
 * remembered hashes are a cache: an undo forgets them and the files are read
 * again).
 */
export function unlogged(db: DB, n: number): void {
  db.prepare('DELETE FROM main.history_files WHERE import = ?').run(n);
  db.prepare(`UPDATE main.meta SET value = ? WHERE key = 'gen' AND value = ?`).run(n - 1, n);
}

export function recordImport(db: DB, e: Omit<ImportEntry, 'undone'>): void {
  db.prepare('INSERT INTO main.imports (n, at, files, counts, options) VALUES (?, ?, ?, ?, ?)').run(
    e.number,
    e.at,
    JSON.stringify(e.files),
    JSON.stringify(e.sections),
    JSON.stringify(e.options),
  );
}

type ImportRow = { n: number; at: string; files: string; counts: string; options: string; undone: string | null };
const entryOf = (r: ImportRow): ImportEntry => ({
  number: r.n,
  at: r.at,
  files: JSON.parse(r.files),
  // An entry logged before a section existed (the ledger's problems) changed none of it.
  sections: { ...zeroCounts(), ...JSON.parse(r.counts) },
  options: JSON.parse(r.options),
  undone: r.undone,
});

export function listImports(db: DB): ImportEntry[] {
  return (db.prepare('SELECT * FROM main.imports ORDER BY n').all() as ImportRow[]).map(entryOf);
}

/** The latest import not yet undone, or null. */
export function latestImport(db: DB): ImportEntry | null {
  const r = db.prepare('SELECT * FROM main.imports WHERE undone IS NULL ORDER BY n DESC LIMIT 1').get() as ImportRow | undefined;
  return r ? entryOf(r) : null;
}

/** Reverts import `e` (the latest not undone), inside the caller's transaction. */
function undoImport(db: DB, e: ImportEntry, at: string): Record<Section, UndoCounts> {
  const n = e.number;
  const out = {} as Record<Section, UndoCounts>;
  for (const t of SECTION_LIST) {
    const cols = storedCols(t).join(', ');
    const kept = Object.fromEntries(
      db.prepare(`SELECT action, COUNT(*) FROM main.history_${t.name} WHERE import = ? GROUP BY action`).raw().all(n) as [string, number][],
    );
    const written = db.prepare(`DELETE FROM main.${t.name} WHERE gen = ?`).run(n).changes;
    db.prepare(`INSERT INTO main.${t.name} (${cols}) SELECT ${cols} FROM main.history_${t.name} WHERE import = ?`).run(n);
    out[t.section] = { deleted: written - (kept.updated ?? 0), reverted: kept.updated ?? 0, restored: kept.removed ?? 0 };
  }
  // The tables made from the records as they were written, as they were before it.
  for (const t of MADE_TABLES) {
    db.prepare(`DELETE FROM main.${t.name} WHERE gen = ?`).run(n);
    db.prepare(`INSERT INTO main.${t.name} (${t.cols.join(', ')}) SELECT ${t.cols.join(', ')} FROM main.history_${t.name} WHERE import = ?`).run(n);
  }
  // The files it read or forgot are remembered as before: an undone file is read again next time.
  const forget = db.prepare('DELETE FROM main.files WHERE path = ?');
  for (const f of e.files) if (!f.unchanged) forget.run(f.path);
  for (const p of db.prepare('SELECT path FROM main.history_files WHERE import = ?').pluck().all(n) as string[]) forget.run(p);
  db.prepare(`INSERT INTO main.files (${FILE_COLS.join(', ')}) SELECT ${FILE_COLS.join(', ')} FROM main.history_files WHERE import = ?`).run(n);
  db.prepare('UPDATE main.imports SET undone = ? WHERE n = ?').run(at, n);
  return out;
}

/**
 * Undoes the latest import not yet undone, in one transaction; null when
 * there is none. `expected`: the number the user was shown; another import
 * since is an error, nothing undone.
 */
export function undoLatest(db: DB, expected: number | null = null): { entry: ImportEntry; counts: Record<Section, UndoCounts> } | null {
  // The rows go back as they were; their references were checked when they were first written.
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  try {
    const entry = latestImport(db);
    if (expected !== null && entry?.number !== expected) throw new DataError({ id: 'undo_changed', params: { n: expected } });
    if (!entry) return null;
    const at = localTime();
    const counts = undoImport(db, entry, at);
    db.exec('COMMIT');
    return { entry: { ...entry, undone: at }, counts };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.pragma('foreign_keys = ON');
  }
}
