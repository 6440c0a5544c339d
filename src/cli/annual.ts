// cxzy annual: the year's review — each org's and member's year, the award
// candidates and reserves under the quotas, the grades against the year before.
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { DataError, UsageError } from '../core/errors.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { emitRows, rowFormat } from './output.js';
import { subtree } from '../analyses/scope.js';
import { annualFromStore } from '../analyses/services.js';
import { annualDoc, annualJson } from '../render/annual.js';

export const annualCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('annual').description(t(lang, 'h_annual')).option('--year <year>', t(lang, 'h_annual_year')).option('--all', t(lang, 'h_annual_all')),
      lang,
      'org',
      'explain',
      'out-rows',
    ),
  run(ctx, cmd) {
    const o = cmd.opts<{ year?: string; org?: string; explain?: boolean; all?: boolean; out?: string }>();
    if (o.year !== undefined && !/^\d{4}$/.test(o.year)) throw new UsageError({ id: 'yr_bad_year', params: { value: o.year } });
    const format = rowFormat(ctx, o.out);
    return withStore(ctx, async ({ q, rules }) => {
      const years = [...new Set(q.reviewPeriods().map((p) => p.slice(0, 4)))];
      const year = o.year ?? years.at(-1);
      if (year === undefined || !years.includes(year)) throw new DataError({ id: 'yr_no_year', params: { have: years.join(', ') } });
      const a = annualFromStore(q, rules, year, subtree(q.orgs(), o.org));
      // Files and data get every org and member; the terminal the candidates unless --all.
      const all = o.all === true || o.out !== undefined || format !== 'table';
      await emitRows(
        ctx,
        format,
        o.out,
        () => annualJson(a, ctx.lang, o.explain === true),
        () => annualDoc(a, ctx.lang, { all, explain: o.explain === true }),
      );
    });
  },
};
