// cxzy ledger: the rectification ledger at a date, the problems the analyses
// imply that it lacks (--suggest), and the supervision notices (--out X.docx).
import { extname } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { numberArg, withOptions } from './command.js';
import type { Ctx } from './context.js';
import { t } from '../render/i18n/index.js';
import { withStore, type Store } from './store.js';
import { emit, rowFormat, SUMMARY_FORMATS, summarize, TEXT_FORMATS, writeWhole } from './output.js';
import { formatOf } from './context.js';
import { choosePeriod, ledgerDate, periodFilter } from '../analyses/period.js';
import { subtree } from '../analyses/scope.js';
import { ledgerFromStore, suggestFromStore } from '../analyses/services.js';
import { addDays, localTime, periodBounds } from '../core/dates.js';
import type { Rules } from '../core/rules.js';
import { ledgerView, publishedNoticeDoc, publishedView } from '../render/views/ledger.js';
import { renderAs } from '../render/formats/index.js';
import { suggestView, suggestXlsx } from '../render/views/ledger-suggest.js';
import type { Ledger, ProblemState } from '../analyses/ledger.js';
import { asEnvError, openDb } from '../store/db.js';
import { assignNumbers, recordNumbers, type Numbered } from '../store/notice-numbers.js';
import { wrote } from './interrupt.js';

type Options = {
  period?: string;
  month?: string;
  date?: string;
  org?: string;
  overdue?: boolean;
  suggest?: boolean;
  published?: string;
  out?: string;
  number?: string;
};

export const ledgerCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('ledger')
        .description(t(lang, 'h_ledger'))
        .option('--period <quarter>', t(lang, 'h_ledger_period'))
        .option('--month <month>', t(lang, 'h_ledger_month'))
        .option('--date <date>', t(lang, 'h_ledger_date'))
        .option('--overdue', t(lang, 'h_ledger_overdue'))
        .option('--suggest', t(lang, 'h_ledger_suggest'))
        .option('--published <quarter>', t(lang, 'h_ledger_published'))
        .option('--number <n>', t(lang, 'h_ledger_number')),
      lang,
      'org',
      'out-rows',
    ),
  run(ctx, cmd) {
    const o = cmd.opts<Options>();
    if (o.suggest) return suggest(ctx, o);
    if (o.published !== undefined) return published(ctx, o);
    const end = ledgerDate(o, localTime().slice(0, 10));
    const notices = o.out !== undefined && extname(o.out).toLowerCase() === '.docx';
    // The notices of supervision are a document of their own; else the ledger in the format asked for.
    const format = notices ? null : rowFormat(ctx, o.out);
    // --number: the first number of the notices newly issued.
    const start = numberArg(o.number);
    return withStore(ctx, async ({ q, rules }) => {
      subtree(q.orgs(), o.org); // an unknown --org is an error
      const l = ledgerFromStore(q, rules, end, o.org ?? null);
      if (format === null) return writeNotices(ctx, l, rules, o.out!, start);
      const shown: Ledger = o.overdue ? { ...l, problems: l.problems.filter((s) => s.overdue) } : l;
      await emit(ctx, format, o.out, ledgerView(shown, ctx.lang));
    });
  },
};

/** --suggest: for --period (else the latest graded quarter), listed, or written as a sheet to fill with --out X.xlsx. */
function suggest(ctx: Ctx, o: Options): Promise<void> {
  const sheet = o.out !== undefined && extname(o.out).toLowerCase() === '.xlsx';
  // The sheet to fill is a workbook of its own; else the list in the format asked for.
  const format = sheet ? null : formatOf(ctx, TEXT_FORMATS);
  return withStore(ctx, async (s: Store) => {
    const { q, rules } = s;
    const period = choosePeriod(o.period, q.reviewPeriods(), 'reviews_data');
    const keep = subtree(q.orgs(), o.org);
    const list = suggestFromStore(q, rules, period).filter((x) => keep === null || keep.has(x.org));
    if (format === null) {
      writeWhole(ctx, o.out!, await suggestXlsx(list, periodBounds(period)[1], ctx.lang));
      ctx.note(ctx.t('lg_suggest_wrote', { n: list.length, file: o.out! }));
    } else await emit(ctx, format, undefined, suggestView(period, list, ctx.lang));
  });
}

/**
 * --out X.docx: a notice of supervision (督办通知单) for each supervised
 * problem, one a page, issued at the ledger's date under the numbers kept in
 * the database: recorded only once the document is written whole.
 */
async function writeNotices(ctx: Ctx, l: Ledger, rules: Rules, out: string, start: number | null): Promise<void> {
  const supervised = l.problems.filter((s) => s.supervised);
  const office = rules.office;
  const prefix = office.number_prefix ?? '';
  const year = Number(l.date.slice(0, 4));
  // What is said of the notices once written: the format is checked before anything is.
  const format = formatOf(ctx, SUMMARY_FORMATS);
  const reportBy = addDays(l.date, rules.ledger.report_within_days);
  const db = openDb(ctx.db.path, 'write', ctx.db.name);
  try {
    db.exec('BEGIN IMMEDIATE');
    const numbers = assignNumbers(
      db,
      prefix,
      year,
      supervised.map((s) => s.problem.id),
      start,
    );
    // Loaded when notices are written: docx is a fifth of cxzy's start.
    const { noticesDocx } = await import('../render/views/ledger-notices.js');
    const doc = await noticesDocx(
      supervised,
      numbers.map((n) => n.number),
      { lang: ctx.lang, date: l.date, reportBy, issuer: office.name ?? '', prefix },
    );
    recordNumbers(db, prefix, year, numbers, l.date);
    writeWhole(ctx, out, doc);
    db.exec('COMMIT');
    wrote(ctx.t('interrupted_db', { db: ctx.db.name }));
    ctx.note(ctx.t('lg_n_wrote', { n: supervised.length, file: out }));
    await summarize(ctx, format, {
      data: () => noticesJson(l.date, out, supervised, numbers, (n) => ctx.t('lg_n_number', { prefix, year, n })),
      print: () => {},
    });
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw asEnvError(e, ctx.db.name);
  } finally {
    db.close();
  }
}

/** What ledger --out X.docx --format json says: each notice's problem, org and number, and whether the number was issued before. */
function noticesJson(date: string, file: string, supervised: ProblemState[], numbers: Numbered[], numberText: (n: number) => string) {
  return {
    date,
    file,
    notices: supervised.map((s, i) => ({
      problem: s.problem.id,
      org: s.problem.org,
      number: numbers[i].number,
      number_text: numberText(numbers[i].number),
      issued_before: numbers[i].again,
    })),
  };
}

/** --published Q: the problems closed in quarter Q, as the 公示表 (published notice of closed problems). */
function published(ctx: Ctx, o: Options): Promise<void> {
  const period = periodFilter(o.published)!;
  const docx = o.out !== undefined && extname(o.out).toLowerCase() === '.docx';
  const format = docx ? null : rowFormat(ctx, o.out);
  return withStore(ctx, async ({ q, rules }) => {
    subtree(q.orgs(), o.org);
    const [start, end] = periodBounds(period);
    const l = ledgerFromStore(q, rules, end, o.org ?? null);
    const closed = l.problems.filter((s) => s.problem.closed !== null && s.problem.closed >= start && s.closedAt);
    if (format === null) {
      writeWhole(
        ctx,
        o.out!,
        await renderAs('docx', publishedNoticeDoc(period, closed, ctx.lang, rules.office, ledgerDate({ date: o.date }, localTime().slice(0, 10)))),
      );
      return ctx.note(ctx.t('wrote_file', { file: o.out! }));
    }
    await emit(ctx, format, o.out, publishedView(period, closed, ctx.lang));
  });
}
