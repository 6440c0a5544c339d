// cxzy report: the monthly bulletin in Markdown (default, to stdout), HTML,
// Word, XLSX or JSON, for everything or one committee's subtree (--org). A
// file given with --out is written whole or not at all.
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { numberArg, withOptions } from './command.js';
import { UsageError } from '../core/errors.js';
import { pct } from '../core/numbers.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { chooseFormat, NOTICE_FORMATS, writeWhole } from './output.js';
import { chooseMonth } from '../analyses/period.js';
import { bulletinFromStore } from '../analyses/services.js';
import { bulletinDoc, MAX_TEXT_ROWS } from '../render/views/bulletin.js';
import { bulletinJson } from '../render/views/bulletin-json.js';
import { render } from '../render/formats/index.js';
import { subtree } from '../analyses/scope.js';
import { isValidDate, localTime } from '../core/dates.js';
import { VERSION } from '../version.js';
import { dirname, join, resolve } from 'node:path';
import type { Ctx } from './context.js';
import type { Rules } from '../core/rules.js';
import { RULES_FILE, rulesFile } from '../read/rules.js';
import { punct } from '../render/i18n/punctuation.js';

/** A notice without the office's name, or numbered without its prefix, still comes out, and says which settings to add, and to which file. */
function warnOffice(ctx: Ctx, office: Rules['office'], numbered: boolean): void {
  if (ctx.quiet) return;
  // The file in force, else where to put one: beside the database.
  const file = resolve(ctx.cwd, rulesFile(ctx.rules, ctx.cwd, ctx.db.path) ?? join(dirname(resolve(ctx.cwd, ctx.db.path)), RULES_FILE));
  const keys = (['name', 'area', 'number_prefix'] as const).filter((k) => office[k] === undefined).map((k) => `office.${k}`);
  if (office.name === undefined) ctx.stderr.write(`${ctx.ce.yellow(ctx.t('bulletin_office_missing', { keys: keys.join(punct(ctx.lang, 'list')), file }))}\n`);
  else if (numbered && office.number_prefix === undefined) ctx.stderr.write(`${ctx.ce.yellow(ctx.t('bulletin_prefix_missing', { file }))}\n`);
}

export const bulletinCommand: CommandSpec = {
  define: (lang) =>
    withOptions(new Command('report').description(t(lang, 'h_report')), lang, 'month', 'org', 'out')
      .option('--number <n>', t(lang, 'h_number'))
      .option('--date <date>', t(lang, 'h_date')),
  async run(ctx, cmd) {
    const o = cmd.opts<{ month?: string; out?: string; org?: string; number?: string; date?: string }>();
    const format = chooseFormat(ctx, o.out, NOTICE_FORMATS);
    const number = numberArg(o.number);
    if (o.date !== undefined && !isValidDate(o.date)) throw new UsageError({ id: 'bad_issue_date', params: { value: o.date } });
    // JSON in pieces: at city size the bulletin's JSON is over 100 MB.
    let output: string | Buffer | Iterable<string> = '';
    await withStore(ctx, async ({ q, rules }) => {
      // The orgs read here only for --org: without it the second thread starts before they are read (bulletinFromStore).
      const keep = o.org === undefined ? null : subtree(q.orgs(), o.org);
      // Markdown and HTML show the first rows of a long table: the bulletin keeps no more of its long lists.
      const shown = format === 'md' || format === 'html' ? MAX_TEXT_ROWS : Infinity;
      const bulletin = bulletinFromStore(q, rules, chooseMonth(o.month, q.reportMonths()), keep, shown);
      const scope = o.org === undefined ? null : { code: o.org, name: q.orgs().find((x) => x.code === o.org)!.name };
      const notice = () => {
        warnOffice(ctx, rules.office, o.number !== undefined);
        return bulletinDoc(bulletin, ctx.lang, {
          version: VERSION,
          belowPct: pct(rules.grading.caps.satisfaction.below),
          office: rules.office,
          scope,
          issued: o.date ?? localTime().slice(0, 10),
          number,
          shown,
        });
      };
      output = await render(format, { data: () => bulletinJson(bulletin, ctx.lang), doc: notice });
    });
    if (o.out === undefined) {
      // Markdown, HTML or JSON: Word and XLSX always go to a file.
      if (typeof output === 'string') ctx.print(output);
      else for (const chunk of output as Iterable<string>) ctx.stdout.write(chunk);
    } else {
      writeWhole(ctx, o.out, output);
      ctx.note(ctx.t('bulletin_wrote', { file: o.out }));
    }
  },
};
