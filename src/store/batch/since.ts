// A member's record that names no quarter states the member as things are
// now (SPEC §1 members): from the latest quarter the database holds period
// data for, the batch's included, or from the start for a member not stored
// yet. Staged as from the start, it is settled here before the checks; then the
// batch's members get their runs as the import leaves them (temp.eff_runs),
// which the checks look a member's branch at a quarter up in.
import type { DB } from '../db.js';
import { SECTION_LIST, UNDATED } from '../../core/sections.js';
import { sourceOf } from '../../core/model.js';
import { inForce, remakeRuns, runsOf } from '../member-runs.js';
import { RUNS } from '../tables.js';
import { stagedTable, type Duplicate, type Staging } from './stage.js';

/** The latest quarter of any period-scoped record, stored or staged; null when there is none. */
function latestQuarter(db: DB, st: Staging): string | null {
  const tables = SECTION_LIST.filter((t) => t.period).flatMap((t) => [`main.${t.name}`, ...(st.direct ? [] : [stagedTable(st, t.section)])]);
  return db
    .prepare(`SELECT MAX(q) FROM (${tables.map((t) => `SELECT MAX(period) AS q FROM ${t}`).join(' UNION ALL ')})`)
    .pluck()
    .get() as string | null;
}

/**
 * Each undated statement of a member stored already given the latest quarter;
 * one that then falls on a quarter the batch states the member for already is
 * a duplicate (added to `dups`). Staged as from the start, the undated
 * statements of new members stand as they are (a first import's, all of them).
 */
export function settleSince(db: DB, st: Staging, dups: Duplicate[]): void {
  if (st.direct) return;
  const staged = stagedTable(st, 'members');
  const now = latestQuarter(db, st);
  if (now === null) return;
  const stored = `EXISTS (SELECT 1 FROM main.member_statements m WHERE m.id = x.id)`;
  db.prepare(`UPDATE OR IGNORE ${staged} AS x SET since = @now WHERE since = @undated AND ${stored}`).run({ now, undated: UNDATED });
  const left = db
    .prepare(
      `SELECT x.id, x.src_file, x.src_line, x.src_sheet, y.src_file, y.src_line, y.src_sheet FROM ${staged} x
       JOIN ${staged} y ON y.id = x.id AND y.since = @now WHERE x.since = @undated AND ${stored}`,
    )
    .raw()
    .all({ now, undated: UNDATED }) as unknown[][];
  const drop = db.prepare(`DELETE FROM ${staged} WHERE id = ? AND since = ?`);
  for (const [id, file, line, sheet, ffile, fline, fsheet] of left) {
    dups.push({ section: 'members', key: [id, now], src: sourceOf(file, line, sheet), first: sourceOf(ffile, fline, fsheet) });
    drop.run(id, UNDATED);
  }
}

/**
 * The runs of every member the batch states, as the import leaves them (the
 * staged statements with the stored ones they do not replace), in
 * temp.eff_runs; every other member's are the stored ones (main.members).
 * Staged straight into the tables (a first import, `gen` its number), every
 * member is the batch's: their runs go straight into main.members, and
 * eff_runs stays empty.
 */
export function batchRuns(db: DB, st: Staging, gen: number | null): void {
  const staged = stagedTable(st, 'members');
  const cols = 'id, since, name, org, role, active, src_file, src_line, src_sheet';
  db.exec('DROP TABLE IF EXISTS temp.eff_runs');
  if (st.direct) {
    const runCols = RUNS.cols.filter((c) => c !== 'gen').join(', ');
    db.exec(`CREATE TEMP TABLE eff_runs AS SELECT ${runCols} FROM main.members WHERE false`);
    remakeRuns(db, gen!, true);
  } else {
    const kept = ` UNION ALL SELECT ${cols} FROM main.member_statements m WHERE m.id IN (SELECT id FROM ${staged})
        AND NOT EXISTS (SELECT 1 FROM ${staged} y WHERE y.id = m.id AND y.since = m.since)`;
    db.exec(`CREATE TEMP TABLE eff_runs AS ${runsOf(`(SELECT ${cols} FROM ${staged}${kept})`)}`);
  }
  db.exec('CREATE INDEX temp.eff_runs_id ON eff_runs(id, since)');
}

/** The org of member `m` at quarter `q` (SQL expressions) as the import leaves it; null for a member nobody states. */
export const memberOrgAt = (m: string, q: string) =>
  // A member the batch states has a run in eff_runs for every quarter (or, in a first import, only stored ones).
  `COALESCE((SELECT r.org FROM temp.eff_runs r WHERE r.id = ${m} AND ${inForce('r', q)}), (SELECT r.org FROM main.members r WHERE r.id = ${m} AND ${inForce('r', q)}))`;
