// `cxzy merge`: county databases rolled up into a city's (SPEC §3 "Merge").
// Each source is staged on its own (merge/stage.ts), then one transaction
// checks the codes against what is stored, counts, and writes through the
// import's own write (batch/commit.ts): the rows a source brought before and
// no longer has removed, its rows upserted, each replaced or removed row kept
// in the history under the merge's number, so that `cxzy undo` reverts it.
import type { DB } from '../db.js';
import { dropIndexes, journalOffWal } from '../bulk.js';
import { SECTIONS, type Section } from '../../core/model.js';
import { SECTION_LIST } from '../../core/sections.js';
import { STORED_TABLES } from '../tables.js';
import { localTime } from '../../core/dates.js';
import { DataError } from '../../core/errors.js';
import { writeStaged, zeroCounts, type SectionCounts } from '../batch/commit.js';
import { nextGen } from '../batch/batch.js';
import { keepFiles, recordImport } from '../history.js';
import { createMergeTables, SOURCE_RUNS, stageSource, type Collisions } from './stage.js';
import { sourceCounts, storedCollisions } from './counts.js';
import { removal } from './owned.js';
import type { MergeSource } from './sources.js';
import { keepEarlier } from './earlier.js';

export interface MergeOptions {
  under: string | null;
  dryRun: boolean;
}

export interface MergeOutcome {
  /** The sources that kept the prefix they were merged with before (not given again), and that merge's number. */
  kept: { source: MergeSource; n: number; under: string | null }[];
  /** Per source, in the order given: what it inserts, updates, leaves and removes. */
  counts: SectionCounts[];
  /** Identities two sources, or a source and the target, both hold: the merge then writes nothing. */
  collisions: Collisions;
  /** The merge's number in `cxzy log`, when it wrote. */
  number: number | null;
}

const NONE: Collisions = { named: [], count: 0 };

/** The org --under names: a committee stored in the target. */
function checkUnder(db: DB, code: string): void {
  const type = db.prepare('SELECT type FROM main.orgs WHERE code = ?').pluck().get(code) as string | undefined;
  if (type === undefined) throw new DataError({ id: 'mg_under_missing', params: { code } });
  if (type !== 'committee') throw new DataError({ id: 'mg_under_branch', params: { code } });
}

function total(all: SectionCounts[]): SectionCounts {
  const sum = zeroCounts();
  for (const c of all) for (const s of SECTIONS) for (const k of ['inserted', 'updated', 'unchanged', 'removed'] as const) sum[s][k] += c[s][k];
  return sum;
}

/** Every source staged, in order; the collisions between them. */
function stageAll(db: DB, sources: MergeSource[], under: string | null): { copied: Record<Section, number>[]; collisions: Collisions } {
  createMergeTables(db);
  const collisions: Collisions = { named: [], count: 0 };
  const copied = sources.map((s, i) => {
    const r = stageSource(db, s, i, under);
    collisions.named.push(...r.collisions.named);
    collisions.count += r.collisions.count;
    return r.copied;
  });
  return { copied, collisions };
}

/**
 * A merge that brings more rows than the target holds writes as a first
 * import does: the indexes dropped and built once after (inside the
 * transaction). Returns what builds them again.
 */
function forBulk(db: DB, staged: number): () => void {
  const stored = SECTION_LIST.reduce((n, t) => n + (db.prepare(`SELECT COUNT(*) FROM main.${t.name}`).pluck().get() as number), 0);
  return stored >= staged ? () => {} : dropIndexes(db, STORED_TABLES);
}

/** The write, inside the transaction: removals, rows, the history and the log entry. */
function write(db: DB, sources: MergeSource[], counts: SectionCounts[], under: string | null, staged: number): number {
  const gen = nextGen(db);
  const reindex = forBulk(db, staged);
  const { dirty } = writeStaged(db, { direct: false }, gen, removal(sources), `temp.${SOURCE_RUNS}`);
  reindex();
  keepFiles(db, gen, dirty);
  const forget = db.prepare('DELETE FROM main.files WHERE path = ?');
  for (const f of dirty) forget.run(f);
  recordImport(db, {
    number: gen,
    at: localTime(),
    files: sources.map((s) => ({ path: s.name, hash: '', unchanged: false })),
    sections: total(counts),
    options: {
      replace: false,
      org: null,
      strict: false,
      merge: {
        under,
        prefixes: sources.map((s) => s.prefix),
        ids: sources.map((s) => s.id),
        areas: sources.map((s) => s.area),
        labels: sources.map((s) => s.label),
      },
    },
  });
  return gen;
}

/** Stages every source, then checks, counts and (unless a dry run, or codes collide) writes, in one transaction. */
export function mergeInto(db: DB, sources: MergeSource[], opts: MergeOptions): MergeOutcome {
  if (opts.under !== null) checkUnder(db, opts.under);
  const kept = keepEarlier(db, sources, opts.under).map((k) => ({ source: k.source, n: k.earlier.n, under: k.earlier.under }));
  db.pragma('cache_size = -131072');
  const { copied, collisions } = stageAll(db, sources, opts.under);
  if (collisions.count > 0) return { kept, counts: [], collisions, number: null };
  const staged = copied.reduce((n, c) => n + SECTIONS.reduce((m, s) => m + c[s], 0), 0);
  // The rows go in as their sources hold them: each source's references were checked when it was imported.
  db.pragma('foreign_keys = OFF');
  // The pages straight into the file: in WAL mode each would be written twice.
  const restoreJournal = opts.dryRun ? () => {} : journalOffWal(db);
  db.exec(opts.dryRun ? 'BEGIN' : 'BEGIN IMMEDIATE');
  try {
    const stored = storedCollisions(db, sources);
    if (stored.count > 0) return { kept, counts: [], collisions: stored, number: null };
    const counts = sourceCounts(db, sources, copied);
    if (opts.dryRun) return { kept, counts, collisions: NONE, number: null };
    const number = write(db, sources, counts, opts.under, staged);
    db.exec('COMMIT');
    return { kept, counts, collisions: NONE, number };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    restoreJournal();
    db.pragma('foreign_keys = ON');
  }
}
