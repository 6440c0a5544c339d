// 信息报送 and 培树典型 (SPEC §2): pure counting over typed records.
import type { Adoption, Org, Report, Source, Typical } from '../core/model.js';
import { ADOPTIONS } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import { monthOf, periodMonths } from '../core/dates.js';
import { groupBy, ranks, sum } from '../core/collections.js';

/** Reports of one org, month and title, counted once with the highest adoption. */
export interface CountedItem {
  org: string;
  month: string;
  title: string;
  adopted: Adoption;
  points: number;
  /** Every source behind it: more than one means a duplicate. */
  sources: Source[];
}

export function countedItems(reports: Report[], rules: Rules): CountedItem[] {
  const byKey = new Map<string, CountedItem>();
  for (const r of reports) {
    const month = monthOf(r.date);
    const k = `${r.org}\u0000${month}\u0000${r.title}`;
    const item = byKey.get(k);
    if (!item) {
      byKey.set(k, { org: r.org, month, title: r.title, adopted: r.adopted, points: rules.quota.points[r.adopted], sources: [r.src] });
      continue;
    }
    item.sources.push(r.src);
    if (ADOPTIONS.indexOf(r.adopted) > ADOPTIONS.indexOf(item.adopted)) {
      item.adopted = r.adopted;
      item.points = rules.quota.points[r.adopted];
    }
  }
  return [...byKey.values()];
}

/** One org's counted items in one month: how many, and their points. */
export interface ItemTally {
  org: string;
  month: string;
  count: number;
  points: number;
}

/**
 * A span's reports as the quotas use them: every org's items counted per
 * month, and the items worth naming in full — the duplicates, and (when asked
 * for) the adopted ones. The store counts them in SQL (services.ts): a city's
 * quarter is 300,000 reports, too many to read as records only to be counted.
 */
export interface Items {
  tallies: ItemTally[];
  /** Items with more than one source, and those adopted above none (the store names only one month's, when asked). */
  named: CountedItem[];
}

/** `reports` counted as the store counts them: every item tallied, every duplicate and adopted item named. */
export function itemsOf(reports: Report[], rules: Rules): Items {
  const items = countedItems(reports, rules);
  const tallies = new Map<string, ItemTally>();
  for (const i of items) {
    const k = `${i.org}\u0000${i.month}`;
    const t = tallies.get(k);
    if (t) {
      t.count++;
      t.points += i.points;
    } else tallies.set(k, { org: i.org, month: i.month, count: 1, points: i.points });
  }
  return { tallies: [...tallies.values()], named: items.filter((i) => i.sources.length > 1 || i.adopted !== 'none') };
}

/** The tallies of `months`, by org and month. */
function talliesOf(items: Items, months: string[]): Map<string, Map<string, ItemTally>> {
  const out = new Map<string, Map<string, ItemTally>>();
  for (const t of items.tallies) {
    if (!months.includes(t.month)) continue;
    let m = out.get(t.org);
    if (!m) out.set(t.org, (m = new Map()));
    m.set(t.month, t);
  }
  return out;
}

export interface MonthQuotaRow {
  org: string;
  name: string;
  count: number;
  quota: number;
  met: boolean;
  shortfall: number;
  points: number;
  rank: number;
}

export interface MonthQuota {
  month: string;
  orgs: MonthQuotaRow[];
  summary: { met: number; missed: number };
  duplicates: CountedItem[];
}

/** The quota for one month over every active org, ranked by points, then count, then code. */
export function monthQuota(month: string, orgs: Org[], items: Items, rules: Rules): MonthQuota {
  const byOrg = talliesOf(items, [month]);
  const quota = rules.quota.reports_per_month;
  const active = orgs.filter((o) => o.active);
  const activeCodes = new Set(active.map((o) => o.code));
  const rows = active.map((o): MonthQuotaRow => {
    const mine = byOrg.get(o.code)?.get(month);
    const count = mine?.count ?? 0;
    return {
      org: o.code,
      name: o.name,
      count,
      quota,
      met: count >= quota,
      shortfall: Math.max(0, quota - count),
      points: mine?.points ?? 0,
      rank: 0,
    };
  });
  rank(rows);
  return {
    month,
    orgs: rows,
    summary: { met: rows.filter((r) => r.met).length, missed: rows.filter((r) => !r.met).length },
    duplicates: items.named.filter((i) => i.sources.length > 1 && i.month === month && activeCodes.has(i.org)),
  };
}

export interface QuarterQuotaRow {
  org: string;
  name: string;
  type: Org['type'];
  months: Record<string, { count: number; met: boolean }>;
  months_met: number;
  typicals: number | null;
  typicals_met: boolean | null;
  points: number;
  rank: number;
}

export interface PeriodQuota {
  period: string;
  orgs: QuarterQuotaRow[];
  duplicates: CountedItem[];
}

/** The quarter's quota; `through` (a month of the quarter) stops it there: the quarter to date. */
export function periodQuota(period: string, orgs: Org[], items: Items, typicals: Typical[], rules: Rules, through?: string): PeriodQuota {
  const months = periodMonths(period).filter((m) => through === undefined || m <= through);
  const last = months[months.length - 1];
  const byOrg = talliesOf(items, months);
  const typicalsOf = groupBy(
    typicals.filter((x) => x.period === period && monthOf(x.date) <= last),
    (x) => x.org,
  );
  const quota = rules.quota.reports_per_month;
  const rows = orgs
    .filter((o) => o.active)
    .map((o): QuarterQuotaRow => {
      const mine = byOrg.get(o.code);
      const perMonth: QuarterQuotaRow['months'] = {};
      for (const m of months) {
        const count = mine?.get(m)?.count ?? 0;
        perMonth[m] = { count, met: count >= quota };
      }
      const t = o.type === 'committee' ? (typicalsOf.get(o.code)?.length ?? 0) : null;
      return {
        org: o.code,
        name: o.name,
        type: o.type,
        months: perMonth,
        months_met: Object.values(perMonth).filter((m) => m.met).length,
        typicals: t,
        typicals_met: t === null ? null : t >= rules.quota.typicals_per_quarter,
        points: mine ? sum([...mine.values()].map((t) => t.points)) : 0,
        rank: 0,
      };
    });
  rank(rows, (r) => sum(Object.values(r.months).map((m) => m.count)));
  return { period, orgs: rows, duplicates: items.named.filter((i) => i.sources.length > 1 && months.includes(i.month)) };
}

/** Sort by points desc, then count desc, then code; equal points and count share a rank. */
export function rank<R extends { org: string; points: number; rank: number }>(
  rows: R[],
  count: (r: R) => number = (r) => (r as unknown as MonthQuotaRow).count,
): void {
  // Each row's count once: a quarter's is a sum, and a city's sort compares 30,000 rows half a million times.
  const n = new Map(rows.map((r) => [r, count(r)]));
  const c = (r: R) => n.get(r) as number;
  rows.sort((a, b) => b.points - a.points || c(b) - c(a) || (a.org < b.org ? -1 : a.org > b.org ? 1 : 0));
  const r = ranks(rows, (a, b) => a.points === b.points && c(a) === c(b));
  rows.forEach((row, i) => {
    row.rank = r[i];
  });
}
