import { Command } from 'commander';
import type { CommandSpec } from './main.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n.js';
import { choosePeriod, openAnalysis, subtree } from './analysis.js';
import { gradeFromStore, ROW_FORMATS } from './grade.js';
import { rateStars, type StarsResult } from '../stars/stars.js';
import { periodQuota } from '../quota/quota.js';
import { starsLines, starsJson } from '../render/stars.js';
import type { Query } from '../store/query.js';
import type { Rules } from '../rules/types.js';
import type { Grading } from '../grade/grade.js';

/**
 * `grading` may be passed when the caller has graded the period already.
 * `redOnly` rates only the members who can be red stars: the red stars,
 * benchmark branches and flag committees come out the same, the member list
 * holds only those candidates.
 */
export function starsFromStore(q: Query, rules: Rules, period: string, opts: { grading?: Grading; redOnly?: boolean } = {}): StarsResult {
  const { grading = gradeFromStore(q, rules, period), redOnly = false } = opts;
  const orgs = q.orgs();
  const typicals = q.typicals(period);
  return rateStars({
    period,
    orgs,
    points: redOnly ? q.redStarCandidates(period, rules.stars.star_min, rules.stars.red_star.stars) : q.memberPoints(period),
    activeMembers: q.activeMembers(),
    grading,
    quota: periodQuota(period, orgs, q.reports(period), typicals, rules),
    typicals,
    rules,
  });
}

export const starsCommand: CommandSpec = {
  define: (lang) =>
    new Command('stars')
      .description(t(lang, 'h_stars'))
      .option('--period <quarter>', t(lang, 'h_period'))
      .option('--org <code>', t(lang, 'h_org')),
  run(ctx, cmd) {
    const format = formatOf(ctx, ROW_FORMATS);
    const o = cmd.opts<{ period?: string; org?: string }>();
    const a = openAnalysis(ctx);
    if (!a) return 1;
    try {
      const period = choosePeriod(o.period, a.q.reviewPeriods(), 'reviews_data');
      const s = starsFromStore(a.q, a.rules, period);
      const keep = subtree(a.q.orgs(), o.org);
      const shown: StarsResult = keep
        ? { ...s, members: s.members.filter((m) => keep.has(m.org)), benchmark: s.benchmark.filter((b) => keep.has(b.code)), flag: s.flag.filter((f) => keep.has(f.code)) }
        : s;
      if (format === 'json') ctx.printJson(starsJson(shown, ctx.lang));
      else {
        if (format === 'csv') ctx.stdout.write('\ufeff');
        ctx.printLines(starsLines(shown, format, ctx.lang, ctx.c));
      }
      return 0;
    } finally {
      a.close();
    }
  },
};
