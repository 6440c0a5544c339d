import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { emitRows, rowFormat } from './output.js';
import { choosePeriod } from '../analyses/period.js';
import { starsIn, subtree } from '../analyses/scope.js';
import { starsFromStore } from '../analyses/services.js';
import { starsDoc, starsJson } from '../render/stars.js';

export const starsCommand: CommandSpec = {
  define: (lang) => withOptions(new Command('stars').description(t(lang, 'h_stars')), lang, 'period', 'org', 'out-rows'),
  run(ctx, cmd) {
    const o = cmd.opts<{ period?: string; org?: string; out?: string }>();
    const format = rowFormat(ctx, o.out);
    return withStore(ctx, async ({ q, rules }) => {
      const period = choosePeriod(o.period, q.pointsPeriods(), 'points_data');
      const s = starsIn(starsFromStore(q, rules, period), subtree(q.orgs(), o.org));
      await emitRows(
        ctx,
        format,
        o.out,
        () => starsJson(s, ctx.lang),
        () => starsDoc(s, ctx.lang),
      );
    });
  },
};
