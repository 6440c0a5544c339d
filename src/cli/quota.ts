import { Command } from 'commander';
import type { CommandSpec } from './main.js';
import { DataError, formatOf, UsageError } from './context.js';
import { t } from '../render/i18n.js';
import { chooseMonth, choosePeriod, openAnalysis, subtree } from './analysis.js';
import { ROW_FORMATS } from './grade.js';
import { monthQuota, periodQuota } from '../quota/quota.js';
import { monthQuotaJson, periodQuotaJson, renderMonthQuota, renderPeriodQuota } from '../render/quota.js';

export const quotaCommand: CommandSpec = {
  define: (lang) =>
    new Command('quota')
      .description(t(lang, 'h_quota'))
      .option('--month <month>', t(lang, 'h_month'))
      .option('--period <quarter>', t(lang, 'h_period'))
      .option('--org <code>', t(lang, 'h_org')),
  run(ctx, cmd) {
    const format = formatOf(ctx, ROW_FORMATS);
    const o = cmd.opts<{ month?: string; period?: string; org?: string }>();
    if (o.month !== undefined && o.period !== undefined) throw new UsageError('both_month_period');
    const a = openAnalysis(ctx);
    if (!a) return 1;
    try {
      const orgs = a.q.orgs();
      const keep = subtree(orgs, o.org);
      const visible = <R extends { org: string }>(rows: R[]) => (keep ? rows.filter((r) => keep.has(r.org)) : rows);
      const bom = format === 'csv' ? '\ufeff' : '';
      if (o.period !== undefined) {
        const period = choosePeriod(o.period, a.q.reportPeriods(), 'reports_data');
        const pq = periodQuota(period, orgs, a.q.reports(period), a.q.typicals(period), a.rules);
        const shown = { ...pq, orgs: visible(pq.orgs), duplicates: visible(pq.duplicates) };
        if (format === 'json') ctx.printJson(periodQuotaJson(shown));
        else ctx.print(bom + renderPeriodQuota(shown, format, ctx.lang, ctx.c));
        return 0;
      }
      const month = chooseMonth(o.month, a.q.reportMonths());
      const mq = monthQuota(month, orgs, a.q.monthReports(month), a.rules);
      if (mq.orgs.length === 0) throw new DataError('no_data_month', { month, have: '' });
      const rows = visible(mq.orgs);
      const shown = { ...mq, orgs: rows, duplicates: visible(mq.duplicates), summary: { met: rows.filter((r) => r.met).length, missed: rows.filter((r) => !r.met).length } };
      if (format === 'json') ctx.printJson(monthQuotaJson(shown));
      else ctx.print(bom + renderMonthQuota(shown, format, ctx.lang, ctx.c));
      return 0;
    } finally {
      a.close();
    }
  },
};
