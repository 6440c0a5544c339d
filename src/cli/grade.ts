import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { printDoc, ROW_FORMATS } from './output.js';
import { choosePeriod } from '../analyses/period.js';
import { gradingIn, subtree } from '../analyses/scope.js';
import { gradeFromStore } from '../analyses/services.js';
import { gradingDoc, gradingJson } from '../render/grade.js';
import { pct } from '../core/numbers.js';

export const gradeCommand: CommandSpec = {
  define: (lang) => withOptions(new Command('grade').description(t(lang, 'h_grade')), lang, 'period', 'org', 'explain'),
  run(ctx, cmd) {
    const format = formatOf(ctx, ROW_FORMATS);
    const o = cmd.opts<{ period?: string; org?: string; explain?: boolean }>();
    return withStore(ctx, ({ q, rules }) => {
      const period = choosePeriod(o.period, q.reviewPeriods(), 'reviews_data');
      const explain = o.explain === true;
      const g = gradingIn(gradeFromStore(q, rules, period, explain), subtree(q.orgs(), o.org));
      if (format === 'json') ctx.printJson(gradingJson(g, ctx.lang, explain));
      else printDoc(ctx, gradingDoc(g, ctx.lang, { compact: format === 'table', explain, explainColumn: explain && format === 'csv', belowPct: pct(rules.grading.caps.satisfaction.below) }), format);
      return 0;
    });
  },
};
