// Bulletin section 2, 信息报送: the month's quota, the quarter to date, what
// was adopted, duplicates, each first-level committee's share met, typicals.
import type { Org, Report, Typical } from '../model.js';
import type { Rules } from '../rules/types.js';
import { countedItems, monthQuota, periodQuota, type CountedItem, type MonthQuota, type PeriodQuota } from '../quota/quota.js';
import { monthOf } from '../load/dates.js';
import { groupBy } from '../grade/grade.js';

export interface CommitteeQuota {
  org: string;
  name: string;
  /** Active orgs in its subtree, itself included, that met / missed the month's quota. */
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
}

/** `reports` and `typicals` are the month's quarter's. */
export function reportsSection(month: string, period: string, orgs: Org[], reports: Report[], typicals: Typical[], rules: Rules): ReportsSection {
  const mq = monthQuota(month, orgs, reports, rules);
  const quarter = periodQuota(period, orgs, reports, typicals, rules, month);
  const active = new Set(orgs.filter((o) => o.active).map((o) => o.code));
  const adopted = countedItems(reports.filter((r) => monthOf(r.date) === month && active.has(r.org)), rules)
    .filter((i) => i.adopted !== 'none')
    .sort((a, b) => b.points - a.points || (a.org < b.org ? -1 : a.org > b.org ? 1 : 0));

  const typicalsOf = groupBy(typicals.filter((x) => monthOf(x.date) <= month), (x) => x.org);
  const need = rules.quota.typicals_per_quarter;
  const committeeTypicals = quarter.orgs
    .filter((o) => o.type === 'committee')
    .sort((a, b) => (a.org < b.org ? -1 : 1))
    .map((o) => ({ org: o.org, name: o.name, count: o.typicals ?? 0, met: (o.typicals ?? 0) >= need, typicals: typicalsOf.get(o.org) ?? [] }));

  return { month: mq, quarter, adopted, committees: committeeQuota(orgs, mq), typicals: committeeTypicals, typicals_need: need };
}

/** The committees right below the top of the tree (乡镇党委), each with its subtree's quota. */
function committeeQuota(orgs: Org[], mq: MonthQuota): CommitteeQuota[] {
  const metOf = new Map(mq.orgs.map((r) => [r.org, r.met]));
  const kids = groupBy(orgs.filter((o) => o.active && o.parent), (o) => o.parent!);
  const roots = orgs.filter((o) => o.active && o.parent === null);
  const firstLevel = roots.flatMap((r) => (kids.get(r.code) ?? []).filter((o) => o.type === 'committee'));
  return firstLevel.map((c) => {
    let met = 0;
    let missed = 0;
    const walk = (o: Org) => {
      if (metOf.get(o.code)) met++;
      else missed++;
      for (const k of kids.get(o.code) ?? []) walk(k);
    };
    walk(c);
    return { org: c.code, name: c.name, met, missed };
  });
}
