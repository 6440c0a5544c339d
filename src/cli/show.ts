import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { formatOf } from './context.js';
import { t } from '../render/i18n/index.js';
import { DataError } from '../core/errors.js';
import { withStore } from './store.js';
import { emit, TEXT_FORMATS } from './output.js';
import { Records, MANY } from '../store/lookup.js';
import { periodFilter } from '../analyses/period.js';
import { localTime } from '../core/dates.js';
import { memberProfile, orgProfile } from '../analyses/profile.js';
import { candidatesView, profileView } from '../render/views/show.js';

export const showCommand: CommandSpec = {
  define: (lang) => withOptions(new Command('show').description(t(lang, 'h_show')).argument('<target>', t(lang, 'h_show_target')), lang, 'period'),
  run(ctx, cmd) {
    const format = formatOf(ctx, TEXT_FORMATS);
    const period = periodFilter(cmd.opts<{ period?: string }>().period);
    const target = cmd.args[0];
    return withStore(ctx, ({ db, q, rules }) => {
      const r = new Records(db);
      const found = r.find(target);
      if (found.kind === 'none') {
        const hint = found.closest.map((c) => ({ id: 'candidate' as const, params: { code: c.code, name: c.name } }));
        throw new DataError({ id: 'sh_unknown', params: { text: target, ...(hint.length ? { hint } : {}) } });
      }
      if (found.kind === 'many') {
        return emit(ctx, format, undefined, candidatesView(target, found.found, MANY, ctx.lang));
      }
      const { kind, code } = found.found;
      const today = localTime().slice(0, 10);
      const profile = kind === 'org' ? orgProfile(q, r, rules, code, period, today) : memberProfile(q, r, rules, code, period);
      return emit(ctx, format, undefined, profileView(profile, ctx.lang));
    });
  },
};
