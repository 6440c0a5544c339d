// Bulletin section 2, 信息报送: the month's quota, the quarter to date, what
// was adopted, duplicates, each first-level committee's share met, typicals.
import type { Org, Report, Typical } from '../../core/model.js';
import type { Rules } from '../../core/rules.js';
import { countedItems, monthQuota, periodQuota, type CountedItem, type MonthQuota, type MonthQuotaRow, type PeriodQuota } from '../quota.js';
import { monthOf } from '../../core/dates.js';
import { groupBy } from '../../core/collections.js';
import { OrgTree } from '../../core/tree.js';

export interface CommitteeQuota {
  org: string;
  name: string;
  /** Active orgs directly in its charge (itself and its branches) that met / missed the month's quota. */
  met: number;
  missed: number;
}

export interface CommitteeTypicals {
  org: string;
  name: string;
  count: number;
  met: boolean;
  typicals: Typical[];
}

export interface ReportsSection {
  month: MonthQuota;
  quarter: PeriodQuota;
  /** Items of the month adopted above the branch, most points first. */
  adopted: CountedItem[];
  committees: CommitteeQuota[];
  typicals: CommitteeTypicals[];
  typicals_need: number;
  /** What the notice's sentences state: the share of orgs that met the month's quota (null without orgs), those that missed it by code, the three with most points, the adopted items' points, the committees whose typicals met the need. */
  figures: { met_rate: number | null; missed: MonthQuotaRow[]; top: MonthQuotaRow[]; adopted_points: number; typicals_met: number };
}

/** `reports` and `typicals` are the month's quarter's. */
export function reportsSection(month: string, period: string, orgs: Org[], reports: Report[], typicals: Typical[], rules: Rules): ReportsSection {
  const mq = monthQuota(month, orgs, reports, rules);
  const quarter = periodQuota(period, orgs, reports, typicals, rules, month);
  const active = new Set(orgs.filter((o) => o.active).map((o) => o.code));
  const adopted = countedItems(
    reports.filter((r) => monthOf(r.date) === month && active.has(r.org)),
    rules,
  )
    .filter((i) => i.adopted !== 'none')
    .sort((a, b) => b.points - a.points || (a.org < b.org ? -1 : a.org > b.org ? 1 : 0));

  const typicalsOf = groupBy(
    typicals.filter((x) => monthOf(x.date) <= month),
    (x) => x.org,
  );
  const need = rules.quota.typicals_per_quarter;
  const committeeTypicals = quarter.orgs
    .filter((o) => o.type === 'committee')
    .sort((a, b) => (a.org < b.org ? -1 : 1))
    .map((o) => ({ org: o.org, name: o.name, count: o.typicals ?? 0, met: (o.typicals ?? 0) >= need, typicals: typicalsOf.get(o.org) ?? [] }));

  const figures = {
    met_rate: mq.orgs.length ? mq.summary.met / mq.orgs.length : null,
    missed: mq.orgs.filter((o) => !o.met).sort((a, z) => (a.org < z.org ? -1 : 1)),
    top: mq.orgs.filter((o) => o.points > 0).slice(0, 3),
    adopted_points: adopted.reduce((sum, i) => sum + i.points, 0),
    typicals_met: committeeTypicals.filter((c) => c.met).length,
  };
  return { month: mq, quarter, adopted, committees: committeeQuota(orgs, mq), typicals: committeeTypicals, typicals_need: need, figures };
}

/**
 * Every active committee, with the orgs directly in its charge: itself and
 * its branches (a committee below it has a bar of its own). Each org is
 * counted once, at whatever depth it sits.
 */
function committeeQuota(orgs: Org[], mq: MonthQuota): CommitteeQuota[] {
  const metOf = new Map(mq.orgs.map((r) => [r.org, r.met]));
  const tree = new OrgTree(orgs.filter((o) => o.active));
  return orgs
    .filter((o) => o.active && o.type === 'committee')
    .map((c) => {
      const own = [c, ...tree.children(c.code).filter((o) => o.type !== 'committee')];
      const met = own.filter((o) => metOf.get(o.code)).length;
      return { org: c.code, name: c.name, met, missed: own.length - met };
    });
}
