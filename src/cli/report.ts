// cxzy report: the monthly bulletin in Markdown (default, to stdout), HTML,
// XLSX or JSON. A file given with --out is written whole or not at all.
import { extname } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { formatOf, type Ctx } from './context.js';
import { UsageError } from '../core/errors.js';
import { pct } from '../core/numbers.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { writeWhole } from './output.js';
import { chooseMonth } from '../analyses/period.js';
import { bulletinFromStore } from '../analyses/services.js';
import { bulletinDoc } from '../render/bulletin.js';
import { bulletinJson } from '../render/bulletin-json.js';
import { jsonText } from '../render/json.js';
import { renderMarkdown } from '../render/md.js';
import { renderHtml } from '../render/html.js';
import { renderXlsx } from '../render/xlsx.js';
import { VERSION } from '../version.js';

const FORMATS = ['md', 'html', 'xlsx', 'json'] as const;
type Format = (typeof FORMATS)[number];
const BY_EXTENSION: Record<string, Format> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.xlsx': 'xlsx', '.json': 'json' };

function formatFor(ctx: Ctx, out: string | undefined): Format {
  if (ctx.format !== undefined) return formatOf(ctx, FORMATS);
  if (out === undefined) return 'md';
  const f = BY_EXTENSION[extname(out).toLowerCase()];
  if (!f) throw new UsageError({ id: 'bad_out_ext', params: { file: out } });
  return f;
}

export const reportCommand: CommandSpec = {
  define: (lang) => withOptions(new Command('report').description(t(lang, 'h_report')), lang, 'month', 'out'),
  async run(ctx, cmd) {
    const o = cmd.opts<{ month?: string; out?: string }>();
    const format = formatFor(ctx, o.out);
    if (format === 'xlsx' && o.out === undefined) throw new UsageError({ id: 'xlsx_needs_out' });
    // JSON in pieces: at city size the bulletin's JSON is over 100 MB.
    let output: string | Buffer | Iterable<string> = '';
    const code = await withStore(ctx, async ({ q, rules }) => {
      const bulletin = bulletinFromStore(q, rules, chooseMonth(o.month, q.reportMonths()));
      if (format === 'json') output = jsonText(bulletinJson(bulletin, ctx.lang));
      else {
        const doc = bulletinDoc(bulletin, ctx.lang, { version: VERSION, belowPct: pct(rules.grading.caps.satisfaction.below) });
        output = format === 'md' ? renderMarkdown(doc) : format === 'html' ? renderHtml(doc) : await renderXlsx(doc);
      }
      return 0;
    });
    if (code !== 0) return code;
    if (o.out === undefined) {
      // Markdown, HTML or JSON: XLSX always goes to a file.
      if (typeof output === 'string') ctx.print(output);
      else for (const chunk of output as Iterable<string>) ctx.stdout.write(chunk);
    } else {
      writeWhole(ctx, o.out, output);
      ctx.note(ctx.t('r_wrote', { file: o.out }));
    }
    return 0;
  },
};
