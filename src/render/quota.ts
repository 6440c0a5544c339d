// 信息报送 output for a month or a quarter, with duplicates named.
import type { ChalkInstance } from 'chalk';
import type { CountedItem, MonthQuota, PeriodQuota } from '../quota/quota.js';
import { t, type Lang } from './i18n.js';
import { renderRows, type RowFormat } from './rows.js';
import type { Cell } from './table.js';

const yes = (lang: Lang, c: ChalkInstance, ok: boolean): Cell => ({ text: t(lang, ok ? 'yes' : 'no'), style: ok ? c.green : c.red });

function duplicates(list: CountedItem[], lang: Lang): string[] {
  return list.map((d) => t(lang, 'q_duplicate', { org: d.org, month: d.month, title: d.title, where: d.sources.map((s) => `${s.file}:${s.line}`).join(', ') }));
}

export function renderMonthQuota(q: MonthQuota, format: RowFormat, lang: Lang, c: ChalkInstance): string {
  const headers = ['q_rank', 'g_org', 'g_name', 'q_count', 'q_quota', 'q_met', 'q_short', 'q_points'].map((k) => t(lang, k as never));
  const rows = q.orgs.map((o) => [String(o.rank), o.org, o.name, String(o.count), String(o.quota), yes(lang, c, o.met), String(o.shortfall), String(o.points)]);
  const table = renderRows(format, headers, rows, ['right', 'left', 'left', 'right', 'right', 'left', 'right', 'right']);
  if (format === 'csv') return table;
  const title = t(lang, 'q_title_month', { month: q.month });
  return [format === 'md' ? `## ${title}` : c.bold(title), table, '', t(lang, 'q_summary', q.summary), ...duplicates(q.duplicates, lang)].join('\n');
}

export function renderPeriodQuota(q: PeriodQuota, format: RowFormat, lang: Lang, c: ChalkInstance): string {
  const months = q.orgs[0] ? Object.keys(q.orgs[0].months) : [];
  const headers = [t(lang, 'q_rank'), t(lang, 'g_org'), t(lang, 'g_name'), ...months, t(lang, 'q_months_met'), t(lang, 'q_typicals'), t(lang, 'q_points')];
  const rows = q.orgs.map((o) => [
    String(o.rank), o.org, o.name,
    ...months.map((m): Cell => ({ text: String(o.months[m].count), style: o.months[m].met ? (s: string) => s : c.red })),
    `${o.months_met}/${months.length}`,
    o.typicals === null ? '' : ({ text: String(o.typicals), style: o.typicals_met ? (s: string) => s : c.red } as Cell),
    String(o.points),
  ]);
  const table = renderRows(format, headers, rows, ['right', 'left', 'left', ...months.map(() => 'right' as const), 'right', 'right', 'right']);
  if (format === 'csv') return table;
  const title = t(lang, 'q_title_period', { period: q.period });
  return [format === 'md' ? `## ${title}` : c.bold(title), table, '', ...duplicates(q.duplicates, lang)].join('\n');
}

const dupJson = (d: CountedItem) => ({ org: d.org, month: d.month, title: d.title, adopted: d.adopted, sources: d.sources });

export function monthQuotaJson(q: MonthQuota) {
  return {
    month: q.month,
    orgs: q.orgs.map((o) => ({ org: o.org, name: o.name, count: o.count, quota: o.quota, met: o.met, shortfall: o.shortfall, points: o.points, rank: o.rank })),
    summary: q.summary,
    duplicates: q.duplicates.map(dupJson),
  };
}

export function periodQuotaJson(q: PeriodQuota) {
  return {
    period: q.period,
    orgs: q.orgs.map((o) => ({
      org: o.org, name: o.name, months: o.months, months_met: o.months_met, typicals: o.typicals, typicals_met: o.typicals_met, points: o.points, rank: o.rank,
    })),
    duplicates: q.duplicates.map(dupJson),
  };
}
