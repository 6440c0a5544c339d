// validate and import share one path: parse and check every file, then write
// in one transaction (which validate, like --dry-run, rolls back). The
// cross-record checks run inside that transaction, so they see exactly the
// database the write will change.
import { existsSync, rmSync } from 'node:fs';
import { Diagnostics } from './load/diagnostic.js';
import { loadBatch, type Batch } from './load/batch.js';
import { checkBatch } from './load/checks.js';
import { RecordPlacer } from './load/place.js';
import { asEnvError, EnvError, openDb, type DB } from './store/db.js';
import { storedLookup } from './store/stored.js';
import { writeBatch, type SectionCounts } from './store/write.js';
import type { Rules } from './rules/types.js';
import { importFast } from './ingest-fast.js';
import { SECTIONS } from './model.js';

export interface IngestOptions {
  strict: boolean;
  onFile?: (done: number, total: number) => void;
}

export interface IngestResult {
  batch: Batch;
  diags: Diagnostics;
  /** Set when an import wrote (or, with --dry-run, would write). */
  counts: SectionCounts | null;
  /** Records in the files, read or recognised as unchanged. */
  records: number;
}

/**
 * Parse and check; write nothing. An absent database counts as empty. The
 * fast path runs as a dry-run import, rolled back; when it meets an error, or
 * cannot write to the database (read-only, locked), the precise path checks
 * read-only and reports everything with its place.
 */
export async function validateFiles(paths: string[], dbPath: string, rules: Rules, opts: IngestOptions): Promise<IngestResult> {
  if (!process.env.CXZY_PRECISE) {
    try {
      const r = await tryFast(paths, dbPath, rules, { ...opts, replace: false, dryRun: true });
      if (r) return { ...r, counts: null };
    } catch (e) {
      // A database locked, unwritable or not cxzy's, or a file that cannot be read: the precise path says which.
      if (!(asEnvError(e, dbPath) instanceof EnvError) && typeof (e as { code?: unknown }).code !== 'string') throw e;
    }
  }
  const diags = new Diagnostics();
  const batch = loadBatch(paths, diags, opts.onFile);
  if (diags.errorCount === 0) {
    const db = existsSync(dbPath) ? openDb(dbPath, 'read') : openDb(':memory:', 'write');
    try {
      crossCheck(db, batch, rules, diags, opts.strict);
    } finally {
      db.close();
    }
  } else if (opts.strict) {
    diags.promoteWarnings();
  }
  return { batch, diags, counts: null, records: recordsIn(batch) };
}

/**
 * The fast path first; when it meets any error it rolls back and the precise
 * path runs, which reports every error with its place. `CXZY_PRECISE=1` skips
 * the fast path (the benchmark's comparison).
 */
export async function importFiles(paths: string[], dbPath: string, rules: Rules, opts: ImportOptions): Promise<IngestResult> {
  try {
    return await importEither(paths, dbPath, rules, opts);
  } catch (e) {
    // Another process holding the database past the timeout is the environment's problem (exit 3), not a bug.
    throw asEnvError(e, dbPath);
  }
}

async function importEither(paths: string[], dbPath: string, rules: Rules, opts: ImportOptions): Promise<IngestResult> {
  const r = process.env.CXZY_PRECISE ? null : await tryFast(paths, dbPath, rules, opts);
  return r ?? importPrecise(paths, dbPath, rules, opts);
}

/** The fast path; null when the precise path must run. A database it created for nothing is removed. */
async function tryFast(paths: string[], dbPath: string, rules: Rules, opts: ImportOptions): Promise<IngestResult | null> {
  const existed = existsSync(dbPath);
  const db = openDb(dbPath, 'write');
  let r: IngestResult | null = null;
  try {
    r = await importFast(paths, db, rules, opts);
  } finally {
    db.close();
    if (!existed && (r === null || opts.dryRun)) removeDb(dbPath);
  }
  return r;
}

export type ImportOptions = IngestOptions & { replace: boolean; dryRun: boolean; workers?: number };

function importPrecise(paths: string[], dbPath: string, rules: Rules, opts: ImportOptions): IngestResult {
  const diags = new Diagnostics();
  const batch = loadBatch(paths, diags, opts.onFile);
  if (diags.errorCount > 0) {
    if (opts.strict) diags.promoteWarnings();
    return { batch, diags, counts: null, records: recordsIn(batch) };
  }
  const existed = existsSync(dbPath);
  const db = openDb(dbPath, 'write');
  let counts: SectionCounts | null = null;
  try {
    counts = writeBatch(db, batch, {
      replace: opts.replace,
      dryRun: opts.dryRun,
      check: () => crossCheck(db, batch, rules, diags, opts.strict),
    });
  } finally {
    db.close();
    // A first import that failed (or a dry run) leaves no database behind.
    if (!existed && (counts === null || opts.dryRun)) removeDb(dbPath);
  }
  return { batch, diags, counts, records: recordsIn(batch) };
}

const recordsIn = (batch: Batch) => SECTIONS.reduce((n, s) => n + batch.records[s].length, 0);

function crossCheck(db: DB, batch: Batch, rules: Rules, diags: Diagnostics, strict: boolean): boolean {
  const placer = new RecordPlacer();
  checkBatch(batch.records, storedLookup(db), rules, (src, field) => ({ ...placer.place(src, field), path: null }), (d) => diags.add(d));
  if (strict) diags.promoteWarnings();
  return diags.errorCount === 0;
}

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
