// Storing a checked batch in one transaction: upsert by identity with
// inserted / updated / unchanged counts, and --replace for period-scoped sections.
import type { DB } from './db.js';
import { TABLES, type Table } from './tables.js';
import { SECTIONS, type Section } from '../model.js';
import type { Batch } from '../load/batch.js';

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
 * Writes the batch in one IMMEDIATE transaction. `check` runs first inside it;
 * when it returns false nothing is written and the result is null.
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
    const counts = {} as SectionCounts;
    const orgExists = db.prepare('SELECT 1 FROM orgs WHERE code = ?').pluck();
    const ownerIsOrg = (code: string) => orgExists.get(code) !== undefined;
    for (const s of SECTIONS) {
      counts[s] = upsert(db, TABLES[s] as Table<unknown>, batch.records[s], ownerIsOrg);
    }
    if (opts.replace) removeMissing(db, batch, counts);
    if (opts.dryRun) throw new DryRun(counts);
    return counts;
  });
  try {
    return run.immediate();
  } catch (e) {
    if (e instanceof DryRun) return e.counts;
    if (e instanceof Refused) return null;
    throw e;
  }
}

function upsert<R>(db: DB, t: Table<R>, records: R[], ownerIsOrg: (c: string) => boolean): Counts {
  const c: Counts = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  if (records.length === 0) return c;
  const where = t.key.map((k) => `${k} = ?`).join(' AND ');
  const all = [...t.cols, 'src_file', 'src_line'];
  const select = db.prepare(`SELECT ${all.join(', ')} FROM ${t.name} WHERE ${where}`).raw();
  const insert = db.prepare(`INSERT INTO ${t.name} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
  const update = db.prepare(`UPDATE ${t.name} SET ${all.map((k) => `${k} = ?`).join(', ')} WHERE ${where}`);
  const keyIdx = t.key.map((k) => t.cols.indexOf(k));
  for (const r of records) {
    const src = (r as { src: { file: string; line: number } }).src;
    const row = [...t.toRow(r, ownerIsOrg), src.file, src.line];
    const key = keyIdx.map((i) => row[i]);
    const old = select.get(...key) as unknown[] | undefined;
    if (!old) {
      insert.run(...row);
      c.inserted++;
      continue;
    }
    const n = t.cols.length;
    const same = row.slice(0, n).every((v, i) => v === old[i]);
    if (same) c.unchanged++;
    else c.updated++;
    // A moved but identical record still gets its new source line.
    if (!same || old[n] !== row[n] || old[n + 1] !== row[n + 1]) update.run(...row, ...key);
  }
  return c;
}

/** --replace: for each period-scoped section and quarter in the batch, drop stored records the batch lacks. */
function removeMissing(db: DB, batch: Batch, counts: SectionCounts): void {
  for (const s of SECTIONS) {
    const t = TABLES[s] as Table<unknown>;
    if (!t.period) continue;
    const periods = new Set<string>();
    for (const p of batch.present) if (p.section === s && p.period) periods.add(p.period);
    for (const r of batch.records[s]) periods.add((r as { period: string }).period);
    if (periods.size === 0) continue;
    const keyIdx = t.key.map((k) => t.cols.indexOf(k));
    const keep = new Set(
      batch.records[s].map((r) => {
        const row = t.toRow(r, () => true);
        return JSON.stringify(keyIdx.map((i) => row[i]));
      }),
    );
    const list = db.prepare(`SELECT ${t.key.join(', ')} FROM ${t.name} WHERE ${t.period} = ?`).raw();
    const del = db.prepare(`DELETE FROM ${t.name} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`);
    for (const period of periods) {
      for (const key of list.all(period) as unknown[][]) {
        if (keep.has(JSON.stringify(key))) continue;
        del.run(...key);
        counts[s].removed++;
      }
    }
  }
}
