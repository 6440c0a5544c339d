import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { emit, printTable, rowFormat } from './output.js';
import type { Ctx } from './context.js';
import type { Query } from '../store/query.js';
import type { Rules } from '../core/rules.js';
import { prefetchSummary, starsSummary, SUMMARY_PAST } from '../analyses/stars-summary.js';
import { choosePeriod } from '../analyses/period.js';
import { starsIn, subtree } from '../analyses/scope.js';
import { starsFromStore } from '../analyses/services.js';
import { STARS_RUN, starsRuns } from '../render/views/stars-parts.js';
import { runSize } from '../render/views/runs.js';
import { starsListView, starsSummaryDoc } from '../render/views/stars.js';

/** The summary a terminal gets of more than SUMMARY_PAST members rated; false (nothing printed) for fewer. */
function summary(ctx: Ctx, q: Query, rules: Rules, period: string, keep: Set<string> | null): boolean {
  const sm = starsSummary(q, rules, period, keep);
  if (sm) printTable(ctx, starsSummaryDoc(sm.s, sm.committees, sm.total, ctx.lang));
  return sm !== null;
}

export const starsCommand: CommandSpec = {
  define: (lang) =>
    withOptions(new Command('stars').description(t(lang, 'h_stars')).option('--all', t(lang, 'h_stars_all')), lang, 'period', 'org', 'out-rows'),
  run(ctx, cmd) {
    const o = cmd.opts<{ period?: string; org?: string; out?: string; all?: boolean }>();
    const format = rowFormat(ctx, o.out);
    return withStore(ctx, async ({ q, rules }) => {
      const period = choosePeriod(o.period, q.pointsPeriods(), 'points_data');
      // A terminal shown a city's 750,000 members gets their summary (SPEC §3); a file, a pipe and --all get every one.
      // Fewer points records than that rate fewer members: listed whole.
      const summarised = format === 'table' && o.out === undefined && ctx.stdout.isTTY && !o.all && q.pointsMoreThan(period, SUMMARY_PAST);
      if (summarised) {
        // What the grading reads and the counts run on a second thread, started before the orgs are read here, while
        // this one reads the red-star candidates.
        prefetchSummary(q, rules, period);
      }
      const keep = subtree(q.orgs(), o.org);
      if (summarised && summary(ctx, q, rules, period, keep)) return;
      const view = starsListView(
        () => starsRuns(q, rules, period, o.org ?? null, runSize(ctx.env, STARS_RUN)),
        () => starsIn(starsFromStore(q, rules, period), keep),
        ctx.lang,
      );
      await emit(ctx, format, o.out, view);
    });
  },
};
