// 积分评星 summarised for a terminal (SPEC §3: a table of more than 2,000 rows
// is summarised): per committee, the members rated, the red stars and the
// benchmark branches, from a rating of the red-star candidates only.
import type { Org } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import { sum } from '../core/collections.js';
import type { Query } from '../store/query.js';
import type { StarsResult } from './stars.js';
import { gradeReads, starsFromStore } from './services.js';
import { PLANS } from '../store/plans.js';
import { starsIn } from './scope.js';

/** Members rated past which a list is summarised. */
export const SUMMARY_PAST = 2000;

export interface StarsSummary {
  /** The red-star candidates' rating. */
  s: StarsResult;
  committees: CommitteeStars[];
  /** The members rated. */
  total: number;
}

/**
 * What the summary reads besides the candidates, started on the second thread
 * before anything else is read: the grading's reads, the months that met the
 * quota and the members counted per org, which the counts of active members
 * then come from too.
 */
export function prefetchSummary(q: Query, rules: Rules, period: string): void {
  q.prefetch([...gradeReads(rules, period), PLANS.metMonths(period, rules.quota.reports_per_month), PLANS.countsByOrg(period)]);
  q.countWith(period);
}

/** `period`'s rating within `keep` summarised, or null when it rates no more than SUMMARY_PAST members (then listed whole). */
export function starsSummary(q: Query, rules: Rules, period: string, keep: Set<string> | null): StarsSummary | null {
  // The red stars, benchmark branches and flag committees come out the same from the candidates alone.
  const s = starsIn(starsFromStore(q, rules, period, { redOnly: true }), keep);
  const all = q.ratedByOrg(period);
  const rated = keep ? new Map([...all].filter(([org]) => keep.has(org))) : all;
  const total = sum([...rated.values()]);
  return total <= SUMMARY_PAST ? null : { s, committees: starsByCommittee(s, q.orgs(), rated), total };
}

export interface CommitteeStars {
  code: string;
  name: string;
  rated: number;
  red: number;
  benchmark: number;
}

/**
 * `s` rated only the candidates (its red stars, benchmark branches and flag
 * committees are the full rating's); `rated`: members rated per org. Each
 * member counts under the committee above its branch (a committee's own
 * members under that committee), in the order of the orgs.
 */
function starsByCommittee(s: StarsResult, orgs: Org[], rated: Map<string, number>): CommitteeStars[] {
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const committeeOf = (code: string) => {
    const o = byCode.get(code);
    return o && o.type === 'branch' && o.parent !== null ? o.parent : code;
  };
  const rows = new Map<string, CommitteeStars>();
  const row = (code: string) => {
    const c = committeeOf(code);
    let r = rows.get(c);
    if (!r) rows.set(c, (r = { code: c, name: byCode.get(c)?.name ?? c, rated: 0, red: 0, benchmark: 0 }));
    return r;
  };
  for (const [org, n] of rated) row(org).rated += n;
  for (const m of s.members) if (m.red_star) row(m.org).red++;
  for (const b of s.benchmark) if (b.qualified) row(b.code).benchmark++;
  const order = new Map(orgs.map((o, i) => [o.code, i]));
  return [...rows.values()].sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
}
