// The precise path's write: a checked batch in one transaction, upserted by
// identity with inserted / updated / unchanged counts, and --replace for
// period-scoped sections — by the same writer the fast path uses.
import type { DB } from './db.js';
import type { Section } from '../model.js';
import type { Batch } from '../load/batch.js';
import { nextGen, StreamWriter } from './stream.js';
import { periodsOf, rowsOf } from './rows.js';

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export type SectionCounts = Record<Section, Counts>;

class DryRun extends Error {
  constructor(readonly counts: SectionCounts) {
    super('dry run');
  }
}

class Refused extends Error {}

/**
 * Writes a checked batch in one IMMEDIATE transaction, with the fast import's
 * writer. `check` runs first inside it; when it returns false nothing is
 * written and the result is null.
 */
export function writeBatch(
  db: DB,
  batch: Batch,
  opts: { replace: boolean; dryRun: boolean; check: () => boolean },
): SectionCounts | null {
  const run = db.transaction((): SectionCounts => {
    if (!opts.check()) throw new Refused();
    // Rows may move between files here: no stored file hash vouches for its rows any more.
    db.exec('DELETE FROM files');
    const w = new StreamWriter(db, nextGen(db));
    // The checks have ruled out duplicates, so the writer cannot meet one.
    if (!w.add(rowsOf(batch.records))) throw new Error('a duplicate identity passed the checks');
    w.fixOwners();
    if (opts.replace) w.removeMissing(periodsOf(batch.records, batch.present));
    if (opts.dryRun) throw new DryRun(w.counts);
    return w.counts;
  });
  try {
    return run.immediate();
  } catch (e) {
    if (e instanceof DryRun) return e.counts;
    if (e instanceof Refused) return null;
    throw e;
  }
}
