// The pipeline's commit step: what the staged rows change in the stored ones
// (counted before anything is written, so a dry run counts exactly what an
// import does), --replace's removals, and the write itself.
import type { DB } from '../db.js';
import { stagedTable, type Staging } from './stage.js';
import { SECTION_LIST, SRC_COLS, type SectionDef } from '../../core/sections.js';
import { SECTIONS, type Section } from '../../core/model.js';
import { missingWhere, REPLACEABLE } from '../replace.js';
import { inForce, remakeRuns, touchMembers } from '../member-runs.js';

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export type SectionCounts = Record<Section, Counts>;

export const zeroCounts = (): SectionCounts =>
  Object.fromEntries(SECTIONS.map((s) => [s, { inserted: 0, updated: 0, unchanged: 0, removed: 0 } as Counts])) as SectionCounts;

export const keyMatch = (t: SectionDef<unknown>, a: string, b: string) => t.key.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
export const same = (cols: string[], a: string, b: string) => cols.map((c) => `${a}.${c} IS ${b}.${c}`).join(' AND ');

/** A pledge's owner is an org when an org of that code is staged or stored; it was staged as a member's. */
export function settleOwners(db: DB, st: Staging): void {
  const staged = stagedTable(st, 'pledges');
  const org = (table: string) => `EXISTS (SELECT 1 FROM ${table} o WHERE o.code = ${staged}.owner)`;
  const isOrg = st.direct ? org('main.orgs') : `(${org(stagedTable(st, 'orgs'))} OR ${org('main.orgs')})`;
  db.prepare(`UPDATE ${staged} SET owner_org = owner, owner_member = NULL WHERE owner_member IS NOT NULL AND ${isOrg}`).run();
}

/** What a member's statement states, as its run holds it too. */
export const STATE = ['name', 'org', 'role', 'active'];

/** Inserted, updated and unchanged staged rows per section, against the stored rows. */
export function changeCounts(db: DB, st: Staging): SectionCounts {
  const counts = zeroCounts();
  for (const t of SECTION_LIST) {
    const c = counts[t.section];
    const staged = stagedTable(st, t.section);
    if (st.direct) {
      c.inserted = db.prepare(`SELECT COUNT(*) FROM ${staged}`).pluck().get() as number;
      continue;
    }
    const k = `m.${t.key[0]}`; // never null in a stored row: null here means no stored row
    // A member's statement is new when the member is, and changes it when it differs from its state in force then.
    const [cols, against] =
      t.section === 'members'
        ? [STATE, `main.members m ON m.id = x.id AND ${inForce('m', 'x.since')}`]
        : [t.cols, `main.${t.name} m ON ${keyMatch(t, 'm', 'x')}`];
    const [inserted, updated, unchanged] = db
      .prepare(
        `SELECT COUNT(*) - COUNT(${k}), SUM(${k} IS NOT NULL AND NOT (${same(cols, 'm', 'x')})), SUM(${k} IS NOT NULL AND ${same(cols, 'm', 'x')})
         FROM ${staged} x LEFT JOIN ${against}`,
      )
      .raw()
      .get() as (number | null)[];
    Object.assign(c, { inserted, updated: updated ?? 0, unchanged: unchanged ?? 0 });
  }
  return counts;
}

/** Every column of a stored row of `t`, in the order its history table keeps them. */
export const storedCols = (t: SectionDef<unknown>) => [...t.cols, ...SRC_COLS, 'gen'];

/** Stored rows a write removes: of these sections, those `where` (alias `m`) picks. */
export interface Removal {
  sections: SectionDef<unknown>[];
  where: (t: SectionDef<unknown>, alias: string) => string;
}

/** --replace's removals (temp.scope built). */
export const REPLACE: Removal = { sections: REPLACEABLE, where: missingWhere };

/**
 * The write: the removals, --replace's (REPLACE) or a merge's, then the
 * staged rows upserted into the stored tables (a row whose data and source
 * are the same is left as it is). A removal never takes a staged row's
 * identity, so the order is free: removing first looks through fewer rows.
 * Each stored row replaced or removed is first kept in its history table
 * under the import's number, `gen`. Returns the files some of whose stored
 * rows were replaced by another file's or removed: their remembered hash no
 * longer vouches for their rows; and how many stored rows it inserted,
 * changed or removed. Staged straight into the tables, the rows are written
 * already (none here). The runs of the members it touches are made again
 * from their statements.
 */
export function writeStaged(
  db: DB,
  st: Staging,
  gen: number,
  removal: Removal | null,
  sourceRuns: string | null = null,
): { dirty: Set<string>; written: number } {
  const dirty = new Set<string>();
  let written = 0;
  const files = (sql: string) => {
    for (const f of db.prepare(sql).pluck().all() as string[]) dirty.add(f);
  };
  const keep = (t: SectionDef<unknown>, action: string, from: string) => {
    const cols = storedCols(t);
    db.prepare(
      `INSERT INTO main.history_${t.name} (import, action, ${cols.join(', ')}) SELECT ${gen}, '${action}', ${cols.map((c) => `m.${c}`).join(', ')} ${from}`,
    ).run();
  };
  if (st.direct) {
    // A first import: the members' runs were made before the checks (batch/since.ts), unless they did not run.
    if (!db.prepare(`SELECT 1 FROM temp.sqlite_master WHERE name = 'eff_runs'`).get()) remakeRuns(db, gen, true);
    return { dirty, written };
  }
  if (removal) {
    for (const t of removal.sections) {
      const where = `FROM main.${t.name} m WHERE ${removal.where(t, 'm')}`;
      if (t.section === 'members') touchMembers(db, `SELECT m.id ${where}`);
      files(`SELECT DISTINCT m.src_file ${where}`);
      keep(t, 'removed', where);
      written += db.prepare(`DELETE FROM main.${t.name} AS m WHERE ${removal.where(t, 'm')}`).run().changes;
    }
  }
  for (const t of SECTION_LIST) {
    const staged = stagedTable(st, t.section);
    const cols = [...t.cols, ...SRC_COLS];
    files(`SELECT DISTINCT m.src_file FROM ${staged} x JOIN main.${t.name} m ON ${keyMatch(t, 'm', 'x')} WHERE m.src_file <> x.src_file`);
    keep(t, 'updated', `FROM ${staged} x JOIN main.${t.name} m ON ${keyMatch(t, 'm', 'x')} WHERE NOT (${same(cols, 'm', 'x')})`);
    // An upsert's changes count the rows it inserted and those it changed, not those left as they were.
    written += db
      .prepare(
        `INSERT INTO main.${t.name} (${cols.join(', ')}, gen) SELECT ${cols.join(', ')}, ${gen} FROM ${staged} WHERE true
         ON CONFLICT (${t.key.join(', ')}) DO UPDATE SET ${[...cols, 'gen'].map((c) => `${c} = excluded.${c}`).join(', ')}
         WHERE NOT (${same(cols, t.name, 'excluded')})`,
      )
      .run().changes;
    if (t.section === 'members') touchMembers(db, `SELECT id FROM ${staged}`);
  }
  remakeRuns(db, gen, false, sourceRuns);
  return { dirty, written };
}
