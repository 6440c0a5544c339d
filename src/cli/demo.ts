import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { pct } from '../grade/grade.js';
import type { CommandSpec } from './main.js';
import { t } from '../render/i18n.js';
import { importFiles } from '../ingest.js';
import { loadRulesOrReport } from './rules-loader.js';
import { printIngest } from './ingest-output.js';
import { openDb } from '../store/db.js';
import { Query } from '../store/query.js';
import { gradeFromStore } from './grade.js';
import { starsFromStore } from './stars.js';
import { monthQuota } from '../quota/quota.js';
import { renderGrading } from '../render/grade.js';
import { renderStars } from '../render/stars.js';
import { renderMonthQuota } from '../render/quota.js';

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

export const demoCommand: CommandSpec = {
  define: (lang) =>
    new Command('demo').description(t(lang, 'h_demo')),
  async run(ctx, cmd) {
    const rules = loadRulesOrReport(ctx);
    if (!rules) return 1;
    const dir = mkdtempSync(join(tmpdir(), 'cxzy-demo-'));
    const db = join(dir, 'demo.db');
    try {
      // Relative paths keep the source references short: examples/2011Q1/reviews.yaml:14
      const examples = relative(process.cwd(), EXAMPLES) || '.';
      const r = await importFiles([examples], db, rules, { strict: false, replace: false, dryRun: false });
      const code = printIngest({ ...ctx, quiet: false }, r, 'table', ctx.t('demo_imported', { db }));
      if (code !== 0) return code;
      // The latest quarter, as grade, stars and quota would show it.
      const store = openDb(db, 'read');
      try {
        const q = new Query(store);
        const period = q.reviewPeriods().at(-1)!;
        const below = pct(rules.grading.caps.satisfaction.below);
        ctx.print(`\n${renderGrading(gradeFromStore(q, rules, period), 'table', ctx.lang, ctx.c, false, below)}\n`);
        ctx.print(`${renderStars(starsFromStore(q, rules, period), 'table', ctx.lang, ctx.c, false)}\n`);
        const month = q.reportMonths().at(-1)!;
        ctx.print(renderMonthQuota(monthQuota(month, q.orgs(), q.monthReports(month), rules), 'table', ctx.lang, ctx.c));
      } finally {
        store.close();
      }
      return 0;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
