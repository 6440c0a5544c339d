// A member's state per quarter (SPEC §1 members), made from the statements
// files make of it. `member_statements` keeps each record as stated, from its
// quarter (`since`, '' from the start); `members` holds its runs: the
// quarters from one statement up to the next that changes the member's
// branch, role or active flag, `since` inclusive ('' for the first: a member
// is as first stated in every quarter before it too), `until` exclusive ('~'
// open). The state in force at quarter Q is the run with since ≤ Q < until:
// one row per member, found by a plain filter that SQLite folds into any
// query. The name is the latest statement's, in every run. A statement that
// restates the state in force changes no run, but is kept: it pins its
// quarter against an older roster imported later.
import type { DB } from './db.js';
import { RUNS } from './tables.js';

/** The state in force at quarter `q` (an SQL expression) of the run table `alias`. */
export const inForce = (alias: string, q: string) => `${alias}.since <= ${q} AND ${alias}.until > ${q}`;

/** The open end of a member's last run. */
export const OPEN = '~';

/**
 * The runs of the statements `from` (a table or subquery with id, since,
 * name, org, role, active and the source). A member stated once (almost
 * every one) is one run, from the start on, taken as it is; only the others
 * go through the windows, which sort.
 */
export function runsOf(from: string): string {
  const cols = 'id, since, name, org, role, active, src_file, src_line, src_sheet';
  return `WITH src AS MATERIALIZED (SELECT ${cols} FROM ${from}),
    many AS MATERIALIZED (SELECT id FROM src GROUP BY id HAVING COUNT(*) > 1),
    s AS (
      SELECT id, since, org, role, active, src_file, src_line, src_sheet,
        LAG(org) OVER w AS p_org, LAG(role) OVER w AS p_role, LAG(active) OVER w AS p_active,
        LAST_VALUE(name) OVER (PARTITION BY id ORDER BY since ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_name
      FROM src WHERE id IN many WINDOW w AS (PARTITION BY id ORDER BY since)
    ), starts AS (SELECT * FROM s WHERE p_org IS NULL OR org <> p_org OR role <> p_role OR active <> p_active)
    SELECT id, '' AS since, '${OPEN}' AS until, name, org, role, active, src_file, src_line, src_sheet FROM src WHERE id NOT IN many
    UNION ALL
    SELECT id, CASE WHEN LAG(since) OVER r IS NULL THEN '' ELSE since END, COALESCE(LEAD(since) OVER r, '${OPEN}'),
      last_name, org, role, active, src_file, src_line, src_sheet
    FROM starts WINDOW r AS (PARTITION BY id ORDER BY since)`;
}

const COLS = RUNS.cols.filter((c) => c !== 'gen');
const same = (a: string, b: string) => COLS.map((c) => `${a}.${c} IS ${b}.${c}`).join(' AND ');

const touched = (db: DB) => db.exec('CREATE TEMP TABLE IF NOT EXISTS touched_members (id TEXT PRIMARY KEY) WITHOUT ROWID');

/** The members whose statements a write touches (`idsSql` selects their ids): their runs are made again (remakeRuns). */
export function touchMembers(db: DB, idsSql: string): void {
  touched(db);
  db.prepare(`INSERT OR IGNORE INTO temp.touched_members ${idsSql}`).run();
}

/**
 * The runs of the touched members made again from their stored statements,
 * under import `gen`: a run no longer made is kept in history_members and
 * removed, a new one inserted; a run made as it was is left as it is. `all`:
 * every member (a first import, whose statements went straight into the table);
 * `given`: the runs a merge's sources made of the same statements (their
 * members, when none of them is stored yet, take those).
 */
export function remakeRuns(db: DB, gen: number, all = false, given: string | null = null): void {
  touched(db);
  // No member touched (every file skipped as unchanged): nothing to make again.
  if (!all && db.prepare('SELECT NOT EXISTS (SELECT 1 FROM temp.touched_members)').pluck().get() === 1) return;
  const mine = (alias: string) => (all ? 'true' : `${alias}.id IN (SELECT id FROM temp.touched_members)`);
  const cols = RUNS.cols.join(', ');
  // No run of these members stored yet (a first import, a county merged for the first time): written as they are made,
  // a member stated once straight from its statement, the others through the windows.
  if (
    db
      .prepare(`SELECT NOT EXISTS (SELECT 1 FROM main.members m WHERE ${mine('m')})`)
      .pluck()
      .get() === 1
  ) {
    // A merge's sources made their members' runs already (`given`, mapped as the statements are): taken as they are.
    if (given !== null && !all) {
      db.prepare(
        `INSERT INTO main.members (${cols}) SELECT ${COLS.map((c) => `g.${c}`).join(', ')}, ${gen} FROM temp.touched_members t JOIN ${given} g ON g.id = t.id`,
      ).run();
      db.exec('DELETE FROM temp.touched_members');
      return;
    }
    const from = all ? 'main.member_statements s' : 'temp.touched_members t JOIN main.member_statements s ON s.id = t.id';
    // The few stated more than once, listed first: one pass, not a lookup per member (a city's first import has 750,000).
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS restated (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.restated;
      INSERT INTO temp.restated SELECT s.id FROM ${from} GROUP BY s.id HAVING COUNT(*) > 1`);
    const own = COLS.filter((c) => c !== 'since' && c !== 'until').map((c) => `s.${c}`);
    db.prepare(
      `INSERT INTO main.members (${cols}) SELECT ${own[0]}, '', '${OPEN}', ${own.slice(1).join(', ')}, ${gen} FROM ${from} WHERE s.id NOT IN temp.restated`,
    ).run();
    db.prepare(`INSERT INTO main.members (${cols}) SELECT *, ${gen} FROM (${runsOf(`(SELECT s.* FROM ${from} WHERE s.id IN temp.restated)`)})`).run();
    db.exec('DELETE FROM temp.touched_members');
    return;
  }
  db.exec('DROP TABLE IF EXISTS temp.new_runs');
  db.exec(`CREATE TEMP TABLE new_runs AS ${runsOf(`(SELECT * FROM main.member_statements s WHERE ${mine('s')})`)}`);
  // Each stored run is looked up among the new ones by its key: without an index, a county's merged again takes minutes.
  db.exec('CREATE UNIQUE INDEX temp.new_runs_key ON new_runs(id, since)');
  replaceRuns(db, gen, 'temp.new_runs', all);
  db.exec('DROP TABLE temp.new_runs');
}

/** The touched members' stored runs replaced by those of `runs` (runs made again, keyed by id and since), each stored run no longer there kept in history_members. */
function replaceRuns(db: DB, gen: number, runs: string, all = false): void {
  touched(db);
  const mine = all ? 'true' : 'm.id IN (SELECT id FROM temp.touched_members)';
  const stale = `${mine} AND NOT EXISTS (SELECT 1 FROM ${runs} n WHERE n.id = m.id AND n.since = m.since AND ${same('n', 'm')})`;
  const cols = RUNS.cols.join(', ');
  db.prepare(
    `INSERT INTO main.history_members (import, action, ${cols}) SELECT ${gen}, 'removed', ${RUNS.cols.map((c) => `m.${c}`).join(', ')} FROM main.members m WHERE ${stale}`,
  ).run();
  db.prepare(`DELETE FROM main.members AS m WHERE ${stale}`).run();
  db.prepare(
    `INSERT INTO main.members (${cols}) SELECT ${COLS.map((c) => `n.${c}`).join(', ')}, ${gen} FROM ${runs} n
     WHERE NOT EXISTS (SELECT 1 FROM main.members m WHERE m.id = n.id AND m.since = n.since)`,
  ).run();
  db.exec('DELETE FROM temp.touched_members');
}
