// The stored records `cxzy export` writes back out: all of them, or one org's
// subtree (with the chain of orgs above it, so the export imports on its own
// into an empty database), or one quarter's reviews, points, reports and
// typicals and problems found in it (with every org, member and pledge they refer to).
import type { DB } from './db.js';
import { SECTION_DEFS, SECTION_LIST, selectOf, type Readable, type Row, type SectionDef } from '../core/sections.js';
import { emptySections, type SectionRecords } from '../core/model.js';
import { OrgTree } from '../core/tree.js';
import { inForce, OPEN } from './member-runs.js';

export interface ExportScope {
  period: string | null;
  /** The root of the subtree; its code must exist (checked by the caller). */
  org: string | null;
  /** With the chain of orgs above the root (the default), so the file imports on its own. */
  ancestors?: boolean;
}

const read = <R>(db: DB, t: Readable<R>, rest: string, params: object = {}): R[] =>
  (db.prepare(selectOf(t, rest)).raw().all(params) as Row[]).map((r) => t.fromRow(r));

export function exportRecords(db: DB, scope: ExportScope): SectionRecords {
  const out = emptySections();
  const all = read(db, SECTION_DEFS.orgs, `ORDER BY ${SECTION_DEFS.orgs.exportOrder}`);
  let orgs = all;
  if (scope.org !== null) {
    const tree = new OrgTree(all);
    const sub = new Set(tree.subtree(scope.org).map((o) => o.code));
    const above = new Set(scope.ancestors === false ? [] : tree.ancestors(scope.org).chain);
    orgs = all.filter((o) => sub.has(o.code) || above.has(o.code));
  }
  // Members, pledges and the rest are those of the subtree only; the chain above is there for the tree's sake.
  const inScope = scope.org === null ? null : JSON.stringify(new OrgTree(all).subtree(scope.org).map((o) => o.code));
  const orgIn = (col: string) => (inScope === null ? 'true' : `${col} IN (SELECT value FROM json_each(@orgs))`);
  const periodIs = (col: string) => (scope.period === null ? 'true' : `${col} = @period`);
  const params = { ...(inScope === null ? {} : { orgs: inScope }), ...(scope.period === null ? {} : { period: scope.period }) };
  // A member of the subtree: in it at the quarter exported, or at any time.
  const at = scope.period === null ? '' : ` AND ${inForce('m', '@period')}`;
  const memberIn = (col: string) => (inScope === null ? 'true' : `${col} IN (SELECT id FROM members m WHERE ${orgIn('org')}${at})`);
  out.orgs = orgs;
  // Every other section by its owner (an org, a member, or either: a pledge's) and its quarter, in its declared order.
  const owned = (t: SectionDef<unknown>): string => {
    const ref = t.columns.find((c) => c.column === t.owner)?.ref;
    return ref === 'members' ? memberIn(t.owner) : ref === 'owner' ? `(${orgIn(`${t.owner}_org`)} OR ${memberIn(`${t.owner}_member`)})` : orgIn(t.owner);
  };
  for (const t of SECTION_LIST.filter((x) => x.section !== 'orgs'))
    (out[t.section] as unknown[]) = read(db, t, `WHERE ${owned(t)}${t.period ? ` AND ${periodIs(t.period)}` : ''} ORDER BY ${t.exportOrder}`, params);
  return out;
}

/** Every member as it is at quarter `at` (its run then), or now (its last run): one row each, for a workbook to fill in. */
export function membersAt(db: DB, at: string | null): SectionRecords['members'] {
  return read(
    db,
    { ...SECTION_DEFS.members, name: 'members m' },
    `WHERE ${at === null ? `m.until = '${OPEN}'` : inForce('m', '@at')} ORDER BY id`,
    at === null ? {} : { at },
  );
}
