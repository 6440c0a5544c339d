// `cxzy status` read from the store: what each branch has sent for a quarter
// (analyses/status.ts), from the records as they stand and the imports that
// brought them.
import type { Rules } from '../core/rules.js';
import { ADOPTIONS } from '../core/model.js';
import { periodBounds, periodMonths } from '../core/dates.js';
import type { Query } from '../store/query.js';
import type { DB } from '../store/db.js';
import { reviewArrivals } from '../store/arrivals.js';
import { reportStatus, type Status } from './status.js';
import { PLANS } from '../store/plans.js';
import type { Plan } from '../store/prefetch.js';

const weightsOf = (rules: Rules) => ADOPTIONS.map((a) => rules.quota.points[a]);

/** What the status counts, in the order it asks: the members with their points, the reports tallied. */
export const statusReads = (rules: Rules, period: string): Plan[] => [PLANS.countsByOrg(period), PLANS.itemTallies({ period }, weightsOf(rules))];

/**
 * Quarter `period`'s status, its reports counted for `months` (of the quarter); over `within` (--org's subtree) or every branch. `db`: where the arrivals are read.
 * `files` false: without the files that brought each branch's points (the overview's summary), its counts read on the second thread if the caller started them there (statusReads).
 */
export function statusFromStore(q: Query, db: DB, rules: Rules, period: string, months: string[], within: Set<string> | null, files = true): Status {
  const weights = weightsOf(rules);
  // The reports tallied on the second thread, while this one counts the members with the files their points came in.
  if (files) q.prefetch([PLANS.itemTallies({ period }, weights)]);
  const brought = files ? q.pointsFiles(period) : new Map<string, never[]>();
  const reviews = reviewArrivals(db, period);
  const items = new Map<string, Map<string, number>>();
  for (const t of q.itemTallies({ period }, weights)) items.set(t.org, (items.get(t.org) ?? new Map()).set(t.month, t.count));
  const points = new Map([...q.ratedMembers(period)].map(([org, c]) => [org, { ...c, files: brought.get(org) ?? [] }]));
  const typicals = new Map<string, number>();
  for (const x of q.typicals(period)) typicals.set(x.org, (typicals.get(x.org) ?? 0) + 1);
  const end = periodBounds(period)[1];
  return reportStatus({
    period,
    months: months.filter((m) => periodMonths(period).includes(m)),
    end,
    orgs: q.orgs(),
    within,
    reviews,
    points,
    items,
    typicals,
    problems: q.problems(end),
    rules,
  });
}
