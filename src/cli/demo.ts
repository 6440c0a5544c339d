import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { CommandSpec } from './main.js';
import { t } from '../render/i18n.js';
import { importFiles } from '../ingest.js';
import { loadRulesOrReport } from './rules-loader.js';
import { printIngest } from './ingest-output.js';

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

export const demoCommand: CommandSpec = {
  define: (lang) =>
    new Command('demo').description(t(lang, 'h_demo')),
  run(ctx, cmd) {
    const rules = loadRulesOrReport(ctx);
    if (!rules) return 1;
    const dir = mkdtempSync(join(tmpdir(), 'cxzy-demo-'));
    const db = join(dir, 'demo.db');
    try {
      // Relative paths keep the source references short: examples/2011Q1/reviews.yaml:14
      const examples = relative(process.cwd(), EXAMPLES) || '.';
      const r = importFiles([examples], db, rules, { strict: false, replace: false, dryRun: false });
      const code = printIngest({ ...ctx, quiet: false }, r, 'table', ctx.t('demo_imported', { db }));
      return code;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
