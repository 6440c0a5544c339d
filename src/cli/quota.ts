import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { formatOf } from './context.js';
import { DataError, UsageError } from '../core/errors.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { printDoc, ROW_FORMATS } from './output.js';
import { chooseMonth, choosePeriod } from '../analyses/period.js';
import { monthQuotaIn, periodQuotaIn, subtree } from '../analyses/scope.js';
import { monthQuotaFromStore, periodQuotaFromStore } from '../analyses/services.js';
import { monthQuotaDoc, monthQuotaJson, periodQuotaDoc, periodQuotaJson } from '../render/quota.js';

export const quotaCommand: CommandSpec = {
  define: (lang) => withOptions(new Command('quota').description(t(lang, 'h_quota')), lang, 'month', 'period', 'org'),
  run(ctx, cmd) {
    const format = formatOf(ctx, ROW_FORMATS);
    const o = cmd.opts<{ month?: string; period?: string; org?: string }>();
    if (o.month !== undefined && o.period !== undefined) throw new UsageError({ id: 'both_month_period' });
    return withStore(ctx, ({ q, rules }) => {
      const keep = subtree(q.orgs(), o.org);
      if (o.period !== undefined) {
        const pq = periodQuotaIn(periodQuotaFromStore(q, rules, choosePeriod(o.period, q.reportPeriods(), 'reports_data')), keep);
        if (format === 'json') ctx.printJson(periodQuotaJson(pq));
        else printDoc(ctx, periodQuotaDoc(pq, ctx.lang), format);
        return 0;
      }
      const month = chooseMonth(o.month, q.reportMonths());
      const whole = monthQuotaFromStore(q, rules, month);
      if (whole.orgs.length === 0) throw new DataError({ id: 'no_data_month', params: { month, have: '' } });
      const mq = monthQuotaIn(whole, keep);
      if (format === 'json') ctx.printJson(monthQuotaJson(mq));
      else printDoc(ctx, monthQuotaDoc(mq, ctx.lang), format);
      return 0;
    });
  },
};
