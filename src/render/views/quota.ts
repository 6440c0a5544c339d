// 信息报送 for a month or a quarter as a document, with duplicates named; and
// its JSON (SPEC §3 keys).
import type { View } from '../formats/index.js';
import { sourceText } from '../../core/model.js';
import type { CountedItem, MonthQuota, PeriodQuota } from '../../analyses/quota.js';
import type { PlainId } from '../../core/messages/index.js';
import { t, type Lang } from '../i18n/index.js';
import { GAP, num, para, text, type CellValue, type Doc, type Part } from '../doc.js';

const yes = (lang: Lang, ok: boolean): CellValue => text(t(lang, ok ? 'yes' : 'no'), ok ? 'ok' : 'bad');

function duplicates(list: CountedItem[], lang: Lang): Part[] {
  return list.map((d) => para(t(lang, 'q_duplicate', { org: d.org, month: d.month, title: d.title, where: d.sources.map(sourceText).join(', ') })));
}

export function monthQuotaDoc(q: MonthQuota, lang: Lang): Doc {
  const headers = (['q_rank', 'g_org', 'g_name', 'q_count', 'q_quota', 'q_met', 'q_short', 'q_points'] as PlainId[]).map((k) => t(lang, k));
  const rows = q.orgs.map((o) => [num(o.rank), text(o.org), text(o.name), num(o.count), num(o.quota), yes(lang, o.met), num(o.shortfall), num(o.points)]);
  const parts: Part[] = [
    { kind: 'table', table: { headers, rows, align: ['right', 'left', 'left', 'right', 'right', 'left', 'right', 'right'], shrink: [2] } },
    GAP,
    para(t(lang, 'q_summary', q.summary)),
    ...duplicates(q.duplicates, lang),
  ];
  return { lang, sections: [{ id: 'quota', title: t(lang, 'q_title_month', { month: q.month }), parts }] };
}

function periodQuotaDoc(q: PeriodQuota, lang: Lang): Doc {
  const months = q.orgs[0] ? Object.keys(q.orgs[0].months) : [];
  const headers = [t(lang, 'q_rank'), t(lang, 'g_org'), t(lang, 'g_name'), ...months, t(lang, 'q_months_met'), t(lang, 'q_typicals'), t(lang, 'q_points')];
  const rows = q.orgs.map((o): CellValue[] => [
    num(o.rank),
    text(o.org),
    text(o.name),
    ...months.map((m): CellValue => ({ t: 'num', v: o.months[m].count, ...(o.months[m].met ? {} : { tone: 'bad' as const }) })),
    text(`${o.months_met}/${months.length}`),
    o.typicals === null ? null : { t: 'num', v: o.typicals, ...(o.typicals_met ? {} : { tone: 'bad' as const }) },
    num(o.points),
  ]);
  const parts: Part[] = [
    {
      kind: 'table',
      table: { headers, rows, align: ['right', 'left', 'left', ...months.map(() => 'right' as const), 'right', 'right', 'right'], shrink: [2] },
    },
    GAP,
    ...duplicates(q.duplicates, lang),
  ];
  return { lang, sections: [{ id: 'quota', title: t(lang, 'q_title_period', { period: q.period }), parts }] };
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
      org: o.org,
      name: o.name,
      months: o.months,
      months_met: o.months_met,
      typicals: o.typicals,
      typicals_met: o.typicals_met,
      points: o.points,
      rank: o.rank,
    })),
    duplicates: q.duplicates.map(dupJson),
  };
}

/** What quota shows for a month: each org's reports against its quota. */
export const monthQuotaView = (q: MonthQuota, lang: Lang): View => ({ data: () => monthQuotaJson(q), doc: () => monthQuotaDoc(q, lang) });

/** What quota shows for a quarter: each org's months. */
export const periodQuotaView = (q: PeriodQuota, lang: Lang): View => ({ data: () => periodQuotaJson(q), doc: () => periodQuotaDoc(q, lang) });
