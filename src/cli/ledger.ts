// cxzy ledger: the rectification ledger at a date, the problems the analyses
// imply that it lacks (--suggest), and the supervision notices (--out X.docx).
import { extname } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import type { Ctx } from './context.js';
import { t } from '../render/i18n/index.js';
import { withStore, type Store } from './store.js';
import { emitRows, printDoc, rowFormat, TEXT_FORMATS, writeWhole } from './output.js';
import { formatOf } from './context.js';
import { choosePeriod, ledgerDate } from '../analyses/period.js';
import { subtree } from '../analyses/scope.js';
import { ledgerFromStore, suggestFromStore } from '../analyses/services.js';
import { localTime, periodBounds } from '../core/dates.js';
import { ledgerDoc, ledgerJson } from '../render/ledger.js';
import { suggestDoc, suggestJson, suggestXlsx } from '../render/ledger-suggest.js';
import type { Ledger } from '../analyses/ledger.js';

type Options = { period?: string; month?: string; date?: string; org?: string; overdue?: boolean; suggest?: boolean; out?: string };

export const ledgerCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('ledger')
        .description(t(lang, 'h_ledger'))
        .option('--period <quarter>', t(lang, 'h_ledger_period'))
        .option('--month <month>', t(lang, 'h_ledger_month'))
        .option('--date <date>', t(lang, 'h_ledger_date'))
        .option('--overdue', t(lang, 'h_ledger_overdue'))
        .option('--suggest', t(lang, 'h_ledger_suggest')),
      lang,
      'org',
      'out-rows',
    ),
  run(ctx, cmd) {
    const o = cmd.opts<Options>();
    if (o.suggest) return suggest(ctx, o);
    const end = ledgerDate(o, localTime().slice(0, 10));
    const format = rowFormat(ctx, o.out);
    return withStore(ctx, async ({ q, rules }) => {
      subtree(q.orgs(), o.org); // an unknown --org is an error
      const l = ledgerFromStore(q, rules, end, o.org ?? null);
      const shown: Ledger = o.overdue ? { ...l, problems: l.problems.filter((s) => s.overdue) } : l;
      await emitRows(
        ctx,
        format,
        o.out,
        () => ledgerJson(shown),
        () => ledgerDoc(shown, ctx.lang),
      );
    });
  },
};

/** --suggest: for --period (else the latest graded quarter), listed, or written as a sheet to fill with --out X.xlsx. */
function suggest(ctx: Ctx, o: Options): Promise<void> {
  const sheet = o.out !== undefined && extname(o.out).toLowerCase() === '.xlsx';
  const format = sheet ? 'table' : formatOf(ctx, TEXT_FORMATS);
  return withStore(ctx, async (s: Store) => {
    const { q, rules } = s;
    const period = choosePeriod(o.period, q.reviewPeriods(), 'reviews_data');
    const keep = subtree(q.orgs(), o.org);
    const list = suggestFromStore(q, rules, period).filter((x) => keep === null || keep.has(x.org));
    if (sheet) {
      writeWhole(ctx, o.out!, await suggestXlsx(list, periodBounds(period)[1], ctx.lang));
      ctx.note(ctx.t('lg_suggest_wrote', { n: list.length, file: o.out! }));
    } else if (format === 'json') ctx.printJson(suggestJson(period, list, ctx.lang));
    else printDoc(ctx, suggestDoc(period, list, ctx.lang), format);
  });
}
