// The fast import: files are read on worker threads and written as they
// arrive, in one transaction; unchanged files are skipped by their hash.
// Memory follows the largest file. On the first sign of an error (a bad file,
// a conflict, a broken reference) it rolls back and returns null, and the
// caller imports on the precise path, which reports every error in full.
import { Diagnostics, type Diagnostic } from './load/diagnostic.js';
import { expandPaths } from './load/files.js';
import { readFiles, workerCount } from './load/pool.js';
import { hashFile, type FileResult, type FileTask } from './load/file-records.js';
import { statSync } from 'node:fs';
import { RecordPlacer } from './load/place.js';
import type { DB } from './store/db.js';
import { nextGen, StreamWriter, type FileSummary } from './store/stream.js';
import { batchUnsound, duplicateTitleWarnings, noPointsWarnings, type Warning } from './store/batch-checks.js';
import { emptySections, SECTIONS, type Section, type Source } from './model.js';
import type { Rules } from './rules/types.js';
import type { ImportOptions, IngestResult } from './ingest.js';
import type { SectionCounts } from './store/write.js';

class Fallback extends Error {}

/** Null when the precise path must take over; nothing has been written then. */
export async function importFast(paths: string[], db: DB, rules: Rules, opts: ImportOptions): Promise<IngestResult | null> {
  const { files, problems } = expandPaths(paths);
  if (problems.length > 0 || files.length === 0) return null;
  const fileIndex = new Map(files.map((f, i) => [f, i]));
  const order = (s: Source) => [fileIndex.get(s.file) ?? files.length, s.line];
  const rulesKey = JSON.stringify(rules.pledges);

  // Records arrive in any order (a pledge before its owner org), so SQLite's
  // deferred foreign keys would search child tables on every insert; the
  // references are checked below in bulk instead.
  db.pragma('foreign_keys = OFF');
  // A larger page cache keeps the transaction's pages in memory instead of spilling them to the WAL as it goes.
  db.pragma('cache_size = -131072');
  // Into a new database, write the pages straight into the file: in WAL mode every
  // page would be written twice, once to the WAL and again when it is checkpointed.
  const isEmpty = () => db.prepare('SELECT NOT EXISTS (SELECT 1 FROM orgs) AND NOT EXISTS (SELECT 1 FROM members)').pluck().get() === 1;
  const direct = isEmpty() && db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  db.exec('BEGIN IMMEDIATE');
  let open = true;
  try {
    const gen = nextGen(db);
    const rows = db.prepare('SELECT path, hash, summary FROM files WHERE rules = ?').raw().all(rulesKey) as [string, string, string][];
    const known = new Map(rows.map(([path, hash, summary]) => [path, [hash, summary] as const]));
    const summaries = new Map<string, { hash: string; summary: FileSummary }>();
    // Into an empty database, rows go in faster without the secondary indexes; they are built once at the end.
    const empty = isEmpty();
    const indexes = empty ? (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).raw().all() as [string, string][]) : [];
    for (const [name] of indexes) db.exec(`DROP INDEX ${name}`);
    const w = new StreamWriter(db, gen, empty);
    const fileWarnings: Diagnostic[][] = files.map(() => []);
    const periods = new Map<Section, Set<string>>();
    const addPeriods = (p: FileSummary['periods']) => {
      for (const [s, list] of Object.entries(p) as [Section, string[]][]) for (const q of list) (periods.get(s) ?? periods.set(s, new Set()).get(s)!).add(q);
    };
    let bytes = 0;
    let done = 0;
    let failed = false;

    const accept = (r: FileResult): boolean => {
      if (r.status === 'invalid') return false;
      bytes += r.bytes;
      if (r.status === 'skipped') {
        const summary = JSON.parse(known.get(r.file)![1]) as FileSummary;
        if (!w.skip(r.file, summary)) return false;
        fileWarnings[r.index] = summary.warnings as Diagnostic[];
        addPeriods(summary.periods);
        return true;
      }
      if (!w.add(r.rows)) return false;
      const summary = summarize(r);
      summaries.set(r.file, { hash: r.hash, summary });
      fileWarnings[r.index] = r.warnings;
      addPeriods(summary.periods);
      return true;
    };

    const onResult = (r: FileResult) => {
      done++; // not inside onFile?.(): without a progress bar it would never count
      opts.onFile?.(done, files.length);
      failed = !accept(r);
      return !failed;
    };
    // Unchanged files are recognised here by their hash, without starting a worker for them.
    const changed: FileTask[] = [];
    files.forEach((file, index) => {
      const k = known.get(file);
      const hash = k ? hashFile(file) : null;
      if (k && hash === k[0]) onResult({ index, file, status: 'skipped', hash, bytes: statSync(file).size });
      else changed.push({ index, file });
    });
    if (!failed) await readFiles(changed, rules.pledges, opts.workers ?? workerCount(), onResult);
    if (failed || done < files.length) throw new Fallback();

    for (const [, sql] of indexes) db.exec(sql);
    w.fixOwners();
    if (opts.replace) w.removeMissing(Object.fromEntries(periods));
    if (summaries.size > 0 && batchUnsound(db, gen, rules)) throw new Fallback();

    const diags = new Diagnostics();
    // The precise path's order: each file's own warnings, then vague pledges, then the cross-record ones.
    const flat = fileWarnings.flat();
    for (const d of flat) if (d.code !== 'vague_pledge') diags.add(d);
    for (const d of flat) if (d.code === 'vague_pledge') diags.add(d);
    const placer = new RecordPlacer();
    const place = (x: Warning): Diagnostic => ({ severity: 'warning', ...placer.place(x.src, x.field), path: null, code: x.code, msg: x.msg });
    for (const x of duplicateTitleWarnings(db, gen, order)) diags.add(place(x));
    for (const x of noPointsWarnings(db, gen, order)) diags.add(place(x));
    if (opts.strict && diags.warningCount > 0) throw new Fallback();

    const save = db.prepare('INSERT OR REPLACE INTO files (path, hash, rules, summary) VALUES (?, ?, ?, ?)');
    for (const [file, s] of summaries) save.run(file, s.hash, rulesKey, JSON.stringify(s.summary));
    const forget = db.prepare('DELETE FROM files WHERE path = ?');
    for (const f of w.dirty) forget.run(f);

    const counts: SectionCounts = w.counts;
    db.exec(opts.dryRun ? 'ROLLBACK' : 'COMMIT');
    open = false;
    const records = SECTIONS.reduce((n, s) => n + counts[s].inserted + counts[s].updated + counts[s].unchanged, 0);
    return { batch: { files, bytes, records: emptySections(), present: [] }, diags, counts, records };
  } catch (e) {
    if (open) db.exec('ROLLBACK');
    open = false;
    if (e instanceof Fallback) return null;
    throw e;
  } finally {
    db.pragma('foreign_keys = ON');
    if (direct) db.pragma('journal_mode = WAL');
  }
}

function summarize(r: Extract<FileResult, { status: 'ok' }>): FileSummary {
  const counts: FileSummary['counts'] = {};
  for (const s of SECTIONS) if (r.rows[s]?.length) counts[s] = r.rows[s]!.length;
  return { counts, periods: r.periods, warnings: r.warnings };
}
