// --replace's scope. A batch is the whole truth only for the orgs it speaks
// for: per period-scoped section and quarter of the batch, the orgs it has
// records of there (for points, each member's org as the import leaves it),
// and with --org CODE every org of CODE's subtree. Stored records of those
// orgs, sections and quarters that the batch lacks are removed; nothing of any
// other org is touched.
import type { DB } from './db.js';
import { batchOf, effectiveOf, exists, lookup, SKIPPED, storedOf } from './views.js';
import { SECTION_DEFS, SECTION_LIST, type SectionDef } from '../core/sections.js';
import type { Section } from '../core/model.js';

/** The quarters per period-scoped section that a batch gives (files read and files skipped as unchanged). */
export type Periods = Partial<Record<Section, Iterable<string>>>;

/** One section and quarter of the batch, and the orgs whose records there it replaces. */
export interface ReplaceScope {
  section: Section;
  period: string;
  orgs: string[];
}

/** The org a row of `t` (alias `x`) belongs to, as the import leaves the tree: for points, its member's org. */
export function ownerOrg(t: SectionDef<unknown>, x: string): string {
  if (t.section !== 'points') return `${x}.${t.owner}`;
  return lookup('members', 'org', 'id', `${x}.member`);
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

/** Fills temp.scope with --replace's scope and returns it, orgs sorted. `root`: --org's code. */
export function buildScope(db: DB, periods: Periods, root: string | null): ReplaceScope[] {
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS scope (section TEXT, period TEXT, org TEXT, PRIMARY KEY (section, period, org)) WITHOUT ROWID; DELETE FROM temp.scope;`,
  );
  const sub =
    root === null
      ? []
      : (db
          .prepare(
            `WITH RECURSIVE t AS (SELECT code, parent FROM ${effectiveOf('orgs')}), sub(code) AS (SELECT ? UNION SELECT t.code FROM t JOIN sub ON t.parent = sub.code) SELECT code FROM sub`,
          )
          .pluck()
          .all(root) as string[]);
  const add = db.prepare('INSERT OR IGNORE INTO temp.scope VALUES (?, ?, ?)');
  const out: ReplaceScope[] = [];
  for (const [s, list] of Object.entries(periods) as [Section, Iterable<string>][]) {
    const t = SECTION_DEFS[s] as SectionDef<unknown>;
    if (!t.period) continue;
    const quarters = [...list];
    db.prepare(`INSERT OR IGNORE INTO temp.scope SELECT '${s}', x.${t.period}, ${ownerOrg(t, 'x')} FROM ${batchOf(s)} x`).run();
    db.prepare(`INSERT OR IGNORE INTO temp.scope SELECT '${s}', x.${t.period}, ${ownerOrg(t, 'x')} FROM ${storedOf(s)} x WHERE x.src_file IN ${SKIPPED}`).run();
    for (const q of quarters) for (const code of sub) add.run(s, q, code);
    const orgsOf = db.prepare(`SELECT org FROM temp.scope WHERE section = ? AND period = ? AND org IS NOT NULL ORDER BY org`).pluck();
    for (const q of quarters.sort()) out.push({ section: s, period: q, orgs: orgsOf.all(s, q) as string[] });
  }
  return out;
}

/**
 * The stored rows of `t` (alias `m`) that --replace removes: of an org in
 * scope for their section and quarter, neither staged nor in a file skipped as
 * unchanged. temp.scope must be built.
 */
export function missingWhere(t: SectionDef<unknown>, alias: string): string {
  const scope = `FROM temp.scope sc_ WHERE sc_.section = '${t.section}'`;
  return `${alias}.${t.period} IN (SELECT DISTINCT sc_.period ${scope})
    AND EXISTS (SELECT 1 ${scope} AND sc_.period = ${alias}.${t.period} AND sc_.org = ${ownerOrg(t, alias)})
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
