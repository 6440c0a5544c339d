import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { DataError, UsageError } from '../core/errors.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { emit, rowFormat } from './output.js';
import { chooseMonth, choosePeriod } from '../analyses/period.js';
import { monthQuotaIn, periodQuotaIn, subtree } from '../analyses/scope.js';
import { monthQuotaFromStore, periodQuotaFromStore } from '../analyses/services.js';
import { monthQuotaView, periodQuotaView } from '../render/views/quota.js';

export const quotaCommand: CommandSpec = {
  define: (lang) => withOptions(new Command('quota').description(t(lang, 'h_quota')), lang, 'month', 'period', 'org', 'out-rows'),
  run(ctx, cmd) {
    const o = cmd.opts<{ month?: string; period?: string; org?: string; out?: string }>();
    const format = rowFormat(ctx, o.out);
    if (o.month !== undefined && o.period !== undefined) throw new UsageError({ id: 'both_month_period' });
    return withStore(ctx, async ({ q, rules }) => {
      const keep = subtree(q.orgs(), o.org);
      if (o.period !== undefined) {
        const pq = periodQuotaIn(periodQuotaFromStore(q, rules, choosePeriod(o.period, q.reportPeriods(), 'reports_data')), keep);
        await emit(ctx, format, o.out, periodQuotaView(pq, ctx.lang));
        return;
      }
      const month = chooseMonth(o.month, q.reportMonths());
      const whole = monthQuotaFromStore(q, rules, month);
      if (whole.orgs.length === 0) throw new DataError({ id: 'no_data_month', params: { month, have: '' } });
      const mq = monthQuotaIn(whole, keep);
      await emit(ctx, format, o.out, monthQuotaView(mq, ctx.lang));
    });
  },
};
