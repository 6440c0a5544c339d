import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { emit, rowFormat } from './output.js';
import { choosePeriod } from '../analyses/period.js';
import { gradingIn, subtree } from '../analyses/scope.js';
import { gradeFromStore } from '../analyses/services.js';
import { gradingView } from '../render/views/grade.js';
import { pct } from '../core/numbers.js';

export const gradeCommand: CommandSpec = {
  define: (lang) => withOptions(new Command('grade').description(t(lang, 'h_grade')), lang, 'period', 'org', 'explain', 'out-rows'),
  run(ctx, cmd) {
    const o = cmd.opts<{ period?: string; org?: string; explain?: boolean; out?: string }>();
    const format = rowFormat(ctx, o.out);
    return withStore(ctx, async ({ q, rules }) => {
      const period = choosePeriod(o.period, q.reviewPeriods(), 'reviews_data');
      const explain = o.explain === true;
      const g = gradingIn(gradeFromStore(q, rules, period, explain), subtree(q.orgs(), o.org));
      // A spreadsheet, like CSV, keeps each explanation in a column of its org's row.
      const explainColumn = explain && (format === 'csv' || format === 'xlsx');
      await emit(
        ctx,
        format,
        o.out,
        gradingView(g, ctx.lang, { compact: format === 'table', explain, explainColumn, belowPct: pct(rules.grading.caps.satisfaction.below) }),
      );
    });
  },
};
