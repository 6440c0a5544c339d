// Bulletin section 2, 信息报送: the month's quota, the quarter to date, what
// was adopted, duplicates, each first-level committee's share met, typicals.
import type { Org, Typical } from '../../core/model.js';
import type { Rules } from '../../core/rules.js';
import { monthQuota, periodQuota, type CountedItem, type Items, type MonthQuota, type MonthQuotaRow, type PeriodQuota } from '../quota.js';
import { monthOf } from '../../core/dates.js';
import { groupBy, ranks } from '../../core/collections.js';
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

/** A committee right below the bulletin's root (a city's county, a county's town), over its whole subtree. */
export interface UnitQuota {
  rank: number;
  org: string;
  name: string;
  orgs: number;
  met: number;
  rate: number;
}

export interface ReportsSection {
  month: MonthQuota;
  quarter: PeriodQuota;
  /** Items of the month adopted above the branch, most points first. */
  adopted: CountedItem[];
  committees: CommitteeQuota[];
  /** The root's committees ranked by the share of their subtree that met the month's quota; none unless the bulletin has one root with two or more that have committees below them (a city's counties). */
  units: UnitQuota[];
  typicals: CommitteeTypicals[];
  typicals_need: number;
  /** What the notice's sentences state: the share of orgs that met the month's quota (null without orgs), those that missed it by code, the three with most points, the adopted items' points, the committees whose typicals met the need. */
  figures: { met_rate: number | null; missed: MonthQuotaRow[]; top: MonthQuotaRow[]; adopted_points: number; typicals_met: number };
}

/** `items`: the month's quarter's reports to the month's end, with the adopted items named; `typicals`: the quarter's. */
export function reportsSection(month: string, period: string, orgs: Org[], items: Items, typicals: Typical[], rules: Rules): ReportsSection {
  const mq = monthQuota(month, orgs, items, rules);
  const quarter = periodQuota(period, orgs, items, typicals, rules, month);
  const active = new Set(orgs.filter((o) => o.active).map((o) => o.code));
  const adopted = items.named
    .filter((i) => i.month === month && active.has(i.org) && i.adopted !== 'none')
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
  return {
    month: mq,
    quarter,
    adopted,
    committees: committeeQuota(orgs, mq),
    units: unitQuota(orgs, mq),
    typicals: committeeTypicals,
    typicals_need: need,
    figures,
  };
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

/**
 * The committees right below the one root of the bulletin's orgs, each over
 * its whole subtree, ranked by the share that met the month's quota (then by
 * code; an equal share, an equal rank): how `report --org CITY` ranks the
 * counties of a merged city. Only when two or more of them have committees
 * below them: a county's towns, which have only branches, are in its
 * committees' table already.
 */
function unitQuota(orgs: Org[], mq: MonthQuota): UnitQuota[] {
  const active = orgs.filter((o) => o.active);
  const codes = new Set(active.map((o) => o.code));
  const roots = active.filter((o) => o.parent === null || !codes.has(o.parent));
  if (roots.length !== 1) return [];
  const tree = new OrgTree(active);
  const units = tree.children(roots[0].code).filter((o) => o.type === 'committee');
  // Committees with only branches below have their bars and rows already (committeeQuota): rank only units of units.
  const deep = units.filter((u) => tree.children(u.code).some((o) => o.type === 'committee'));
  if (units.length < 2 || deep.length < 2) return [];
  const metOf = new Map(mq.orgs.map((r) => [r.org, r.met]));
  const rows = units.map((u) => {
    const sub = tree.subtree(u.code);
    const met = sub.filter((o) => metOf.get(o.code)).length;
    return { rank: 0, org: u.code, name: u.name, orgs: sub.length, met, rate: met / sub.length };
  });
  rows.sort((a, b) => b.rate - a.rate || (a.org < b.org ? -1 : 1));
  const r = ranks(rows, (a, b) => a.rate === b.rate);
  return rows.map((row, i) => ({ ...row, rank: r[i] }));
}
