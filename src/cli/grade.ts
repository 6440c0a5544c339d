import { Command } from 'commander';
import type { CommandSpec } from './main.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n.js';
import { choosePeriod, openAnalysis, subtree } from './analysis.js';
import { gradePeriod, pct, type Grading } from '../grade/grade.js';
import { addDays, periodBounds, previousPeriod } from '../load/dates.js';
import { gradingJson, renderGrading } from '../render/grade.js';
import type { Query } from '../store/query.js';
import type { Rules } from '../rules/types.js';

export const ROW_FORMATS = ['table', 'json', 'csv', 'md'] as const;

/** The grading of a period from the store: what grade, stars and report all start from. */
/** `explain`: build each org's explanation (only `grade --explain` prints it). */
export function gradeFromStore(q: Query, rules: Rules, period: string, explain = false): Grading {
  // Only what this quarter and the previous one can use: commentaries inside their windows, pledges due by the end.
  const end = periodBounds(period)[1];
  const since = addDays(periodBounds(previousPeriod(period))[1], -rules.grading.commentary_days);
  return gradePeriod({
    period,
    orgs: q.orgs(),
    reviews: q.reviews(period),
    previousReviews: q.reviews(previousPeriod(period)),
    commentaries: q.commentaries(since, end),
    pledges: q.orgPledgesDueBy(end),
    rules,
    explain,
  });
}

export const gradeCommand: CommandSpec = {
  define: (lang) =>
    new Command('grade')
      .description(t(lang, 'h_grade'))
      .option('--period <quarter>', t(lang, 'h_period'))
      .option('--org <code>', t(lang, 'h_org'))
      .option('--explain', t(lang, 'h_explain')),
  run(ctx, cmd) {
    const format = formatOf(ctx, ROW_FORMATS);
    const o = cmd.opts<{ period?: string; org?: string; explain?: boolean }>();
    const a = openAnalysis(ctx);
    if (!a) return 1;
    try {
      const period = choosePeriod(o.period, a.q.reviewPeriods(), 'reviews_data');
      const g = gradeFromStore(a.q, a.rules, period, o.explain === true);
      const keep = subtree(a.q.orgs(), o.org);
      const shown: Grading = keep ? { ...g, orgs: g.orgs.filter((x) => keep.has(x.org)), remedial: g.remedial.filter((x) => keep.has(x)) } : g;
      if (keep) {
        shown.summary = { good: 0, fair: 0, average: 0, poor: 0, ungraded: 0 };
        for (const x of shown.orgs) shown.summary[x.grade]++;
      }
      if (format === 'json') ctx.printJson(gradingJson(shown, ctx.lang, o.explain === true));
      else {
        const below = pct(a.rules.grading.caps.satisfaction.below);
        ctx.print((format === 'csv' ? '\ufeff' : '') + renderGrading(shown, format, ctx.lang, ctx.c, o.explain === true, below));
      }
      return 0;
    } finally {
      a.close();
    }
  },
};
