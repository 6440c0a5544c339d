// cxzy report: the monthly bulletin in Markdown (default, to stdout), HTML,
// XLSX or JSON. A file given with --out is written whole or not at all.
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { extname } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './main.js';
import { formatOf, UsageError, type Ctx } from './context.js';
import { t } from '../render/i18n.js';
import { chooseMonth, openAnalysis } from './analysis.js';
import { gradeFromStore } from './grade.js';
import { starsFromStore } from './stars.js';
import { periodOf } from '../load/dates.js';
import { buildBulletin, gradedPeriodFor } from '../report/bulletin.js';
import { bulletinDoc } from '../render/bulletin.js';
import { bulletinJson } from '../render/bulletin-json.js';
import { jsonText } from '../render/json.js';
import { renderMarkdown } from '../render/md.js';
import { renderHtml } from '../render/html.js';
import { renderXlsx } from '../render/xlsx.js';
import { EnvError } from '../store/db.js';
import { pct } from '../grade/grade.js';
import { VERSION } from '../version.js';

const FORMATS = ['md', 'html', 'xlsx', 'json'] as const;
type Format = (typeof FORMATS)[number];
const BY_EXTENSION: Record<string, Format> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.xlsx': 'xlsx', '.json': 'json' };

function formatFor(ctx: Ctx, out: string | undefined): Format {
  if (ctx.format !== undefined) return formatOf(ctx, FORMATS);
  if (out === undefined) return 'md';
  const f = BY_EXTENSION[extname(out).toLowerCase()];
  if (!f) throw new UsageError('bad_out_ext', { file: out });
  return f;
}

/** Write beside the target, then rename: a failure never leaves half a bulletin. */
function writeWhole(file: string, data: string | Buffer | Iterable<string>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    if (typeof data === 'string' || Buffer.isBuffer(data)) writeFileSync(tmp, data);
    else {
      const fd = openSync(tmp, 'w');
      try {
        for (const chunk of data) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new EnvError({ id: 'write_failed', params: { file, reason: (e as Error).message } });
  }
}

export const reportCommand: CommandSpec = {
  define: (lang) =>
    new Command('report')
      .description(t(lang, 'h_report'))
      .option('--month <month>', t(lang, 'h_month'))
      .option('--out <file>', t(lang, 'h_out')),
  async run(ctx, cmd) {
    const o = cmd.opts<{ month?: string; out?: string }>();
    const format = formatFor(ctx, o.out);
    if (format === 'xlsx' && o.out === undefined) throw new UsageError('xlsx_needs_out');
    const a = openAnalysis(ctx);
    if (!a) return 1;
    // JSON in pieces: at city size the bulletin's JSON is over 100 MB.
    let output: string | Buffer | Iterable<string>;
    try {
      const { q, rules } = a;
      const month = chooseMonth(o.month, q.reportMonths());
      const period = periodOf(`${month}-01`);
      const graded = gradedPeriodFor(month, q.reviewPeriods());
      const grading = graded ? gradeFromStore(q, rules, graded) : null;
      const bulletin = buildBulletin({
        month,
        period,
        orgs: q.orgs(),
        activeMembers: q.activeMembers(),
        pledges: q.ownedPledges(),
        reports: q.reports(period),
        typicals: q.typicals(period),
        grading,
        stars: graded && grading ? starsFromStore(q, rules, graded, { grading, redOnly: true }) : null,
        rated: graded ? q.ratedCount(graded) : 0,
        pointsRecords: graded ? q.pointsCount(graded) : 0,
        rules,
      });
      if (format === 'json') output = jsonText(bulletinJson(bulletin, ctx.lang));
      else {
        const doc = bulletinDoc(bulletin, ctx.lang, { version: VERSION, belowPct: pct(rules.grading.caps.satisfaction.below) });
        output = format === 'md' ? renderMarkdown(doc) : format === 'html' ? renderHtml(doc) : await renderXlsx(doc);
      }
    } finally {
      a.close();
    }
    if (o.out === undefined) {
      // Markdown, HTML or JSON: XLSX always goes to a file.
      if (typeof output === 'string') ctx.print(output);
      else for (const chunk of output as Iterable<string>) ctx.stdout.write(chunk);
    } else {
      writeWhole(o.out, output);
      ctx.note(t(ctx.lang, 'r_wrote', { file: o.out }));
    }
    return 0;
  },
};
