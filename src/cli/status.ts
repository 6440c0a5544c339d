// cxzy status: 报送情况 — what each branch has sent for a quarter, from which
// file and when, the branches missing something first; --missing for the
// 催报名单, --out X.docx for the 催报通知.
import { extname } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { numberArg, withOptions } from './command.js';
import { DataError, UsageError } from '../core/errors.js';
import { isValidDate, localTime, normalizeMonth, periodMonths, periodOf } from '../core/dates.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { emit, rowFormat, writeWhole } from './output.js';
import { dataPeriods, periodFilter } from '../analyses/period.js';
import { subtree } from '../analyses/scope.js';
import { statusFromStore } from '../analyses/status-store.js';
import { reminderNotice, statusView } from '../render/views/status.js';
import { renderAs } from '../render/formats/index.js';
import type { Query } from '../store/query.js';

type Options = { period?: string; month?: string; org?: string; missing?: boolean; out?: string; date?: string; number?: string };

/** The quarter asked (by --period or --month), else the latest with any data; and its months counted: up to --month, or up to `today`'s (the notice's date). */
function quarterOf(o: Options, q: Query, today: string): { period: string; months: string[] } {
  if (o.period !== undefined && o.month !== undefined) throw new UsageError({ id: 'both_month_period' });
  let period = periodFilter(o.period);
  let through = today.slice(0, 7);
  if (o.month !== undefined) {
    const month = normalizeMonth(o.month);
    if (month === null) throw new UsageError({ id: 'bad_month', params: { value: o.month } });
    period = periodOf(`${month}-01`);
    through = month;
  }
  if (period === null) {
    const have = dataPeriods(q);
    if (have.length === 0) throw new DataError({ id: 'no_data_period', params: { period: '', what: 'period_data', have: '' } });
    period = have.at(-1)!;
  }
  return { period, months: periodMonths(period).filter((m) => m <= through) };
}

export const statusCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('status')
        .description(t(lang, 'h_status'))
        .option('--missing', t(lang, 'h_status_missing'))
        .option('--date <date>', t(lang, 'h_status_date'))
        .option('--number <n>', t(lang, 'h_number')),
      lang,
      'period',
      'month',
      'org',
      'out-rows',
    ),
  run(ctx, cmd) {
    const o = cmd.opts<Options>();
    const notice = o.out !== undefined && ['.docx', '.html', '.htm'].includes(extname(o.out).toLowerCase());
    // The 催报通知 is a document of its own; else the table in the format asked for.
    const format = notice ? null : rowFormat(ctx, o.out);
    const today = localTime().slice(0, 10);
    const date = o.date ?? today;
    if (!isValidDate(date)) throw new UsageError({ id: 'bad_date', params: { value: date } });
    const number = numberArg(o.number);
    return withStore(ctx, async ({ db, q, rules }) => {
      const { period, months } = quarterOf(o, q, date);
      const s = statusFromStore(q, db, rules, period, months, subtree(q.orgs(), o.org));
      if (format === null) {
        const doc = reminderNotice(s, { lang: ctx.lang, date, number, office: rules.office });
        writeWhole(ctx, o.out!, await renderAs(extname(o.out!).toLowerCase() === '.docx' ? 'docx' : 'html', doc));
        ctx.note(ctx.t('ss_wrote', { file: o.out!, n: s.summary.missing }));
        return;
      }
      const only = o.missing === true;
      await emit(ctx, format, o.out, statusView(s, ctx.lang, only));
    });
  },
};
