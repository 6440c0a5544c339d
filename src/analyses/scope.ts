// --org: an analysis limited to one org's subtree. The figures are computed
// over the whole database (a branch's grade does not depend on which subtree
// is shown); only what is listed is limited, and the quota's ranks are the
// subtree's own (a county's ranks are the same in a city's database).
import { DataError } from '../core/errors.js';
import type { Org } from '../core/model.js';
import { OrgTree } from '../core/tree.js';
import type { Grading } from './grade.js';
import type { StarsResult } from './stars.js';
import { rank, type MonthQuota, type PeriodQuota } from './quota.js';
import { sum } from '../core/collections.js';

/** The codes of `code` and every org below it; null when no --org was given. */
export function subtree(orgs: Org[], code: string | undefined): Set<string> | null {
  if (code === undefined) return null;
  if (!orgs.some((o) => o.code === code)) throw new DataError({ id: 'unknown_org', params: { code } });
  return new Set(new OrgTree(orgs).subtree(code).map((o) => o.code));
}

export function gradingIn(g: Grading, keep: Set<string> | null): Grading {
  if (!keep) return g;
  const orgs = g.orgs.filter((x) => keep.has(x.org));
  const summary: Grading['summary'] = { good: 0, fair: 0, average: 0, poor: 0, ungraded: 0 };
  for (const x of orgs) summary[x.grade]++;
  return { ...g, orgs, summary, remedial: g.remedial.filter((x) => keep.has(x)) };
}

export function starsIn(s: StarsResult, keep: Set<string> | null): StarsResult {
  if (!keep) return s;
  return {
    ...s,
    members: s.members.filter((m) => keep.has(m.org)),
    benchmark: s.benchmark.filter((b) => keep.has(b.code)),
    flag: s.flag.filter((f) => keep.has(f.code)),
  };
}

export function monthQuotaIn(q: MonthQuota, keep: Set<string> | null): MonthQuota {
  if (!keep) return q;
  // Ranked within the subtree: a county's own ranks, in its database or in a city's.
  const orgs = q.orgs.filter((r) => keep.has(r.org)).map((r) => ({ ...r }));
  rank(orgs);
  return {
    ...q,
    orgs,
    duplicates: q.duplicates.filter((d) => keep.has(d.org)),
    summary: { met: orgs.filter((r) => r.met).length, missed: orgs.filter((r) => !r.met).length },
  };
}

export function periodQuotaIn(q: PeriodQuota, keep: Set<string> | null): PeriodQuota {
  if (!keep) return q;
  const orgs = q.orgs.filter((r) => keep.has(r.org)).map((r) => ({ ...r, months: { ...r.months } }));
  rank(orgs, (r) => sum(Object.values(r.months).map((m) => m.count)));
  return { ...q, orgs, duplicates: q.duplicates.filter((d) => keep.has(d.org)) };
}
