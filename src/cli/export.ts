// cxzy export: the stored records (all, one quarter's, one subtree's) as a
// YAML file or a workbook in the SPEC layout, written whole or not at all.
import { extname } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { withOptions } from './command.js';
import { DataError, UsageError } from '../core/errors.js';
import { SECTIONS } from '../core/model.js';
import { t } from '../render/i18n/index.js';
import { withStore } from './store.js';
import { writeWhole } from './output.js';
import { periodFilter } from '../analyses/period.js';
import { exportRecords } from '../store/export.js';
import { exportXlsx, exportYaml } from '../render/views/export.js';
import { VERSION } from '../version.js';

export const exportCommand: CommandSpec = {
  define: (lang) =>
    withOptions(
      new Command('export')
        .description(t(lang, 'h_export'))
        .requiredOption('--out <file>', t(lang, 'h_export_out'))
        .option('--period <quarter>', t(lang, 'h_period_export')),
      lang,
      'org',
    ),
  async run(ctx, cmd) {
    const o = cmd.opts<{ out: string; period?: string; org?: string }>();
    const ext = extname(o.out).toLowerCase();
    if (!['.yaml', '.yml', '.xlsx'].includes(ext)) throw new UsageError({ id: 'export_ext', params: { file: o.out } });
    const period = periodFilter(o.period);
    let data: string | Buffer = '';
    let n = 0;
    await withStore(ctx, async ({ db, q }) => {
      if (o.org !== undefined && !q.orgs().some((x) => x.code === o.org)) throw new DataError({ id: 'unknown_org', params: { code: o.org } });
      const records = exportRecords(db, { period, org: o.org ?? null });
      n = SECTIONS.reduce((k, s) => k + records[s].length, 0);
      const scope = [period, o.org].filter(Boolean).join(' ');
      data = ext === '.xlsx' ? await exportXlsx(records) : exportYaml(records, `# cxzy ${VERSION} export${scope ? ` (${scope})` : ''}`);
    });
    writeWhole(ctx, o.out, data);
    ctx.note(ctx.t('exported', { n, file: o.out }));
  },
};
