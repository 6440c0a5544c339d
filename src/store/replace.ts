// --replace's scope. A batch is the whole truth only for the orgs it speaks
// for: per period-scoped section and span of the batch (a quarter; for
// reports and typicals a month, as they are submitted), the orgs it has
// records of there (for points, each member's branch in force at that
// quarter, as the import leaves it), and with --org CODE every org of CODE's
// subtree. Stored records of those orgs, sections and spans that the batch
// lacks are removed; nothing of any other org is touched.
import type { DB } from './db.js';
import { batchOf, effectiveOf, exists, SKIPPED, storedOf } from './views.js';
import { SECTION_DEFS, SECTION_LIST, type SectionDef } from '../core/sections.js';
import type { Section } from '../core/model.js';
import { periodMonths, periodOf } from '../core/dates.js';
import { memberOrgAt } from './batch/since.js';

/** The quarters per period-scoped section that a batch gives (files read and files skipped as unchanged). */
export type Periods = Partial<Record<Section, Iterable<string>>>;

/** One section and span of the batch, and the orgs whose records there it replaces. */
export interface ReplaceScope {
  section: Section;
  /** A quarter, or for reports and typicals a month. */
  period: string;
  orgs: string[];
}

/** The sections submitted per month (their declarations' `monthly`), not per quarter. */
export const MONTHLY: ReadonlySet<Section> = new Set(SECTION_LIST.filter((t) => t.monthly).map((t) => t.section));

/** The span of a row of `t` (alias `x`): its month for a monthly section (its stored month, else its date's), else its quarter. */
export const spanOf = (t: SectionDef<unknown>, x: string) =>
  t.monthly ? (t.cols.includes('month') ? `${x}.month` : `substr(${x}.date, 1, 7)`) : `${x}.${t.period}`;

/** The org a row of `t` (alias `x`) belongs to, as the import leaves the tree: for points, its member's branch in force at its quarter. */
export function ownerOrg(t: SectionDef<unknown>, x: string): string {
  if (t.section !== 'points') return `${x}.${t.owner}`;
  return memberOrgAt(`${x}.member`, `${x}.period`);
}

/** Whether `code` names an org of the database or the batch. */
export function orgKnown(db: DB, code: string): boolean {
  return (
    db
      .prepare(`SELECT ${exists('orgs', 'code', '@code')}`)
      .pluck()
      .get({ code }) === 1
  );
}

/** The codes of `root`'s subtree as the import leaves the tree. */
function subtree(db: DB, root: string): string[] {
  const sql = `WITH RECURSIVE t AS (SELECT code, parent FROM ${effectiveOf('orgs')}), sub(code) AS (SELECT ? UNION SELECT t.code FROM t JOIN sub ON t.parent = sub.code) SELECT code FROM sub`;
  return db.prepare(sql).pluck().all(root) as string[];
}

/**
 * Fills temp.scope with --replace's scope and returns it, orgs sorted.
 * `named`: the quarters each file names as its own (its reports and typicals
 * are then the whole truth for every month of them, as they are when they
 * fall in more than one month of it: a month's file has one); `root`: --org's code.
 */
export function buildScope(db: DB, periods: Periods, named: Map<string, string[]>, root: string | null): ReplaceScope[] {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS scope (section TEXT, span TEXT, org TEXT, PRIMARY KEY (section, span, org)) WITHOUT ROWID; DELETE FROM temp.scope;
    CREATE TEMP TABLE IF NOT EXISTS named (file TEXT, quarter TEXT, PRIMARY KEY (file, quarter)) WITHOUT ROWID; DELETE FROM temp.named;`);
  const name = db.prepare('INSERT OR IGNORE INTO temp.named VALUES (?, ?)');
  for (const [file, quarters] of named) for (const q of quarters) name.run(file, q);
  // A file whose reports (or typicals) of a quarter fall in more than one of its months is that quarter's, not a month's.
  for (const s of MONTHLY) {
    const t = SECTION_DEFS[s] as SectionDef<unknown>;
    for (const rows of [`${batchOf(s)} x WHERE true`, `${storedOf(s)} x WHERE x.src_file IN ${SKIPPED}`])
      db.prepare(`INSERT OR IGNORE INTO temp.named SELECT x.src_file, x.period FROM ${rows} GROUP BY 1, 2 HAVING COUNT(DISTINCT ${spanOf(t, 'x')}) > 1`).run();
  }
  const sub = root === null ? [] : subtree(db, root);
  const add = db.prepare('INSERT OR IGNORE INTO temp.scope VALUES (?, ?, ?)');
  const out: ReplaceScope[] = [];
  for (const [s, list] of Object.entries(periods) as [Section, Iterable<string>][]) {
    const t = SECTION_DEFS[s] as SectionDef<unknown>;
    if (!t.period) continue;
    for (const rows of [`${batchOf(s)} x WHERE true`, `${storedOf(s)} x WHERE x.src_file IN ${SKIPPED}`]) {
      db.prepare(`INSERT OR IGNORE INTO temp.scope SELECT '${s}', ${spanOf(t, 'x')}, ${ownerOrg(t, 'x')} FROM ${rows}`).run();
      // A month of a quarter its file names as its own: every month of that quarter, for the org.
      if (MONTHLY.has(s))
        db.prepare(
          `INSERT OR IGNORE INTO temp.scope SELECT '${s}', substr(q.period, 1, 4) || '-' || printf('%02d', (CAST(substr(q.period, 6, 1) AS INTEGER) - 1) * 3 + k.k), q.org
           FROM (SELECT DISTINCT x.period, ${ownerOrg(t, 'x')} AS org FROM ${rows} AND EXISTS (SELECT 1 FROM temp.named n WHERE n.file = x.src_file AND n.quarter = x.period)) q,
             (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) k`,
        ).run();
    }
    const given = db.prepare('SELECT DISTINCT span FROM temp.scope WHERE section = ?').pluck().all(s) as string[];
    // A quarter a file names without a record of the section (an empty list): each of its months, with --org.
    const quarters = [...list];
    const spans = MONTHLY.has(s) ? [...new Set([...given, ...quarters.filter((q) => !given.some((m) => periodOf(m) === q)).flatMap(periodMonths)])] : quarters;
    for (const span of spans) for (const code of sub) add.run(s, span, code);
    const orgsOf = db.prepare(`SELECT org FROM temp.scope WHERE section = ? AND span = ? AND org IS NOT NULL ORDER BY org`).pluck();
    const all = [...new Set([...spans, ...given])].sort();
    out.push(...byQuarter(all.map((span) => ({ section: s, period: span, orgs: orgsOf.all(s, span) as string[] }))));
  }
  return out;
}

/** --replace's scope (temp.scope and its list) kept to the orgs `keep` takes: the others' stored records stand. */
export function narrowScope(db: DB, scope: ReplaceScope[], keep: (org: string) => boolean): ReplaceScope[] {
  const drop = db.prepare('DELETE FROM temp.scope WHERE org = ?');
  for (const org of db.prepare('SELECT DISTINCT org FROM temp.scope WHERE org IS NOT NULL').pluck().all() as string[]) if (!keep(org)) drop.run(org);
  // A section and quarter that names no org says so still; one whose orgs all stand is not replaced at all.
  return scope.flatMap((x) => {
    const orgs = x.orgs.filter(keep);
    return orgs.length || !x.orgs.length ? [{ ...x, orgs }] : [];
  });
}

/** The three months of a quarter with the same orgs, said as the quarter. */
function byQuarter(list: ReplaceScope[]): ReplaceScope[] {
  const out: ReplaceScope[] = [];
  for (let i = 0; i < list.length; i++) {
    const [a, b, c] = list.slice(i, i + 3);
    const q = /^\d{4}-\d{2}$/.test(a.period) ? periodOf(a.period) : null;
    const whole = q !== null && c !== undefined && periodMonths(q).join() === [a, b, c].map((x) => x.period).join();
    if (whole && b.orgs.join() === a.orgs.join() && c.orgs.join() === a.orgs.join()) {
      out.push({ ...a, period: q });
      i += 2;
    } else out.push(a);
  }
  return out;
}

/**
 * The stored rows of `t` (alias `m`) that --replace removes: of an org in
 * scope for their section and span, neither staged nor in a file skipped as
 * unchanged. temp.scope must be built.
 */
export function missingWhere(t: SectionDef<unknown>, alias: string): string {
  const scope = `FROM temp.scope sc_ WHERE sc_.section = '${t.section}'`;
  // The quarter first: it is indexed, and a month lies in one quarter.
  const quarters = MONTHLY.has(t.section)
    ? `${alias}.${t.period} IN (SELECT DISTINCT substr(sc_.span, 1, 4) || 'Q' || ((CAST(substr(sc_.span, 6, 2) AS INTEGER) + 2) / 3) ${scope}) AND `
    : '';
  return `${quarters}${spanOf(t, alias)} IN (SELECT DISTINCT sc_.span ${scope})
    AND EXISTS (SELECT 1 ${scope} AND sc_.span = ${spanOf(t, alias)} AND sc_.org = ${ownerOrg(t, alias)})
    AND NOT EXISTS (SELECT 1 FROM ${batchOf(t.section)} st_ WHERE ${t.key.map((k) => `st_.${k} = ${alias}.${k}`).join(' AND ')})
    AND ${alias}.src_file NOT IN ${SKIPPED}`;
}

/** The period-scoped sections --replace may remove rows of. */
export const REPLACEABLE = SECTION_LIST.filter((t) => t.period !== undefined);

/** How many stored rows --replace would remove, per section. */
export function countMissing(db: DB): Partial<Record<Section, number>> {
  return Object.fromEntries(
    REPLACEABLE.map((t) => [
      t.section,
      db
        .prepare(`SELECT COUNT(*) FROM ${storedOf(t.section)} m WHERE ${missingWhere(t, 'm')}`)
        .pluck()
        .get() as number,
    ]),
  );
}
