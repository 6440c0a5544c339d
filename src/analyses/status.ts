// 报送情况 (SPEC §3 `status`): per active branch, what it has sent for a
// quarter — its review, points for how many of its active members then, its
// reports per month against the quota, its typicals, its problems whose
// rectification is due — with the file each came in and when; the branches
// missing something first. Pure: the store's reads in, the list out.
import type { Org, Problem } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import { stateAt } from './ledger.js';

import type { Arrival } from '../store/arrivals.js';

/** What a branch lacks: its review, points of some members, a month's reports. */
export type Missing = 'review' | 'points' | `reports:${string}`;

export interface BranchStatus {
  org: string;
  name: string;
  review: Arrival | null;
  /** Its active members in the quarter, and how many of them have points. */
  points: { members: number; rated: number; files: Arrival[] };
  reports: Record<string, { count: number; quota: number; met: boolean }>;
  typicals: number;
  /** Its problems not done by the quarter's end whose deadline has passed: their progress is due. */
  problems: { open: number; overdue: number };
  missing: Missing[];
}

export interface Status {
  period: string;
  /** The months of the quarter counted (up to the month asked, or the last one begun). */
  months: string[];
  branches: BranchStatus[];
  summary: { branches: number; complete: number; missing: number };
}

export interface StatusInput {
  period: string;
  months: string[];
  /** The quarter's last day: the ledger's date. */
  end: string;
  orgs: Org[];
  /** The orgs listed (--org's subtree), or all. */
  within: Set<string> | null;
  reviews: Map<string, Arrival>;
  /** Per org: its active members then, those with points, and the files their points came in. */
  points: Map<string, { members: number; rated: number; files: Arrival[] }>;
  /** Per org and month, the items counted as the quota counts them. */
  items: Map<string, Map<string, number>>;
  typicals: Map<string, number>;
  problems: Problem[];
  rules: Rules;
}

export function reportStatus(input: StatusInput): Status {
  const quota = input.rules.quota.reports_per_month;
  const problemsOf = new Map<string, { open: number; overdue: number }>();
  for (const p of input.problems) {
    const s = stateAt(p, input.end, input.rules);
    if (s.done) continue;
    const c = problemsOf.get(p.org) ?? { open: 0, overdue: 0 };
    c.open++;
    if (s.overdue) c.overdue++;
    problemsOf.set(p.org, c);
  }
  const branches = input.orgs
    .filter((o) => o.active && o.type === 'branch' && (input.within === null || input.within.has(o.code)))
    .map((o): BranchStatus => {
      const review = input.reviews.get(o.code) ?? null;
      const points = input.points.get(o.code) ?? { members: 0, rated: 0, files: [] };
      const reports = Object.fromEntries(
        input.months.map((m) => {
          const count = input.items.get(o.code)?.get(m) ?? 0;
          return [m, { count, quota, met: count >= quota }];
        }),
      );
      const missing: Missing[] = [
        ...(review === null ? ['review' as const] : []),
        ...(points.rated < points.members ? ['points' as const] : []),
        ...input.months.filter((m) => !reports[m].met).map((m): Missing => `reports:${m}`),
      ];
      return {
        org: o.code,
        name: o.name,
        review,
        points,
        reports,
        typicals: input.typicals.get(o.code) ?? 0,
        problems: problemsOf.get(o.code) ?? { open: 0, overdue: 0 },
        missing,
      };
    });
  // The branches to chase first, each group in code order.
  branches.sort((a, b) => Number(b.missing.length > 0) - Number(a.missing.length > 0) || (a.org < b.org ? -1 : a.org > b.org ? 1 : 0));
  const missing = branches.filter((b) => b.missing.length > 0).length;
  return { period: input.period, months: input.months, branches, summary: { branches: branches.length, complete: branches.length - missing, missing } };
}
