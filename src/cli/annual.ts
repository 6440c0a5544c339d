// cxzy annual: the year's review — each org's and member's year, the award
// candidates and reserves under the quotas, the grades against the year before.
import { reviewYears } from '../analyses/period.js';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { numberArg, withOptions } from './command.js';
import { DataError, UsageError } from '../core/errors.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { chooseFormat, emit, ROW_FORMATS, writeWhole } from './output.js';
import { extname } from 'node:path';
import type { Ctx } from './context.js';
import type { Annual } from '../analyses/annual.js';
import type { Org } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import { isValidDate, localTime } from '../core/dates.js';
import { renderAs } from '../render/formats/index.js';
import { publicityDoc, workingDaysEnd } from '../render/views/annual-notice.js';
import { subtree } from '../analyses/scope.js';
import { collectGarbage } from '../core/collect.js';
import { annualFromStore, annualStreamFromStore, memberYearsOf } from '../analyses/services.js';
import { YEAR_RUN, yearRuns } from '../render/views/annual-parts.js';
import { MEMBERS_INDENT, runSize } from '../render/views/runs.js';
import { Written } from '../render/formats/json.js';
import type { Query } from '../store/query.js';
import { annualListView, annualView } from '../render/views/annual.js';

type Options = { year?: string; org?: string; explain?: boolean; all?: boolean; out?: string; date?: string; number?: string };

/** The extensions --out writes the 公示 notice in; the others get the review's data. */
const NOTICE_EXTS = ['.docx', '.html', '.htm', '.md', '.markdown'];

/** --out X.docx (html, md): the public notice of the proposed awards, from --date (else today) for annual.publicity_days working days. */
async function publicity(ctx: Ctx, a: Annual, orgs: Org[], rules: Rules, o: Options, date: string, number: number | null): Promise<void> {
  const doc = publicityDoc(a, new Map(orgs.map((x) => [x.code, x.name])), new Map(orgs.map((x) => [x.code, x.parent])), {
    lang: ctx.lang,
    date,
    number,
    office: rules.office,
    days: rules.annual.publicity_days,
  });
  const ext = extname(o.out!).toLowerCase();
  const format = ext === '.docx' ? 'docx' : ext.startsWith('.htm') ? 'html' : 'md';
  writeWhole(ctx, o.out!, await renderAs(format, doc));
  ctx.note(ctx.t('yr_p_wrote', { file: o.out!, from: date, to: workingDaysEnd(date, rules.annual.publicity_days) }));
}

/**
 * The year's review of the contenders and every member's year, made as it is written: in runs on both threads
 * (annual-parts.ts), or with --explain, whose criteria weigh each member against its branch's year, on this one.
 */
function yearList(ctx: Ctx, q: Query, rules: Rules, year: string, keep: Set<string> | null, explain: boolean) {
  const { annual, basis } = annualStreamFromStore(q, rules, year, keep);
  // The review's reads are let go: collected now, not carried through the list.
  collectGarbage();
  if (explain) return { annual, members: memberYearsOf(q, rules, basis) };
  return { annual, members: new Written(yearRuns(q, rules, basis, runSize(ctx.env, YEAR_RUN)), MEMBERS_INDENT) };
}

export const annualCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('annual')
        .description(t(lang, 'h_annual'))
        .option('--year <year>', t(lang, 'h_annual_year'))
        .option('--all', t(lang, 'h_annual_all'))
        .option('--date <date>', t(lang, 'h_annual_date'))
        .option('--number <n>', t(lang, 'h_number')),
      lang,
      'org',
      'explain',
      'out-rows',
    ),
  run(ctx, cmd) {
    const o = cmd.opts<Options>();
    if (o.year !== undefined && !/^\d{4}$/.test(o.year)) throw new UsageError({ id: 'yr_bad_year', params: { value: o.year } });
    const date = o.date ?? localTime().slice(0, 10);
    if (!isValidDate(date)) throw new UsageError({ id: 'bad_date', params: { value: date } });
    const number = numberArg(o.number);
    const notice = o.out !== undefined && NOTICE_EXTS.includes(extname(o.out).toLowerCase());
    // The notice is a document of its own (publicity); --format html on stdout is the review with its chart of the grades against the year before.
    const format = notice ? null : chooseFormat(ctx, o.out, [...ROW_FORMATS, 'html']);
    return withStore(ctx, async ({ q, rules }) => {
      const years = reviewYears(q);
      const year = o.year ?? years.at(-1);
      if (year === undefined || !years.includes(year)) throw new DataError({ id: 'yr_no_year', params: { have: years.join(', ') } });
      // The notice and the terminal's compact view name only candidates and reserves: the other members are only counted.
      const named = !o.explain && (format === null || (format === 'table' && o.all !== true && o.out === undefined));
      const keep = subtree(q.orgs(), o.org);
      const whole = () => annualFromStore(q, rules, year, keep, named);
      if (format === null) return publicity(ctx, whole(), q.orgs(), rules, o, date, number);
      // Files and data get every org and member; the terminal and the page the candidates unless --all.
      const all = o.all === true || o.out !== undefined || (format !== 'table' && format !== 'html');
      const opts = { all, explain: o.explain === true, rules };
      // Every member's year is written as it is made (a city's 750,000), in JSON; a document is laid out from the whole review.
      const view = all ? annualListView(() => yearList(ctx, q, rules, year, keep, opts.explain), whole, ctx.lang, opts) : annualView(whole(), ctx.lang, opts);
      await emit(ctx, format, o.out, view);
    });
  },
};
