import { host } from '../core/host.js';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import type { CommandSpec } from './command.js';
import { t, word } from '../render/i18n/index.js';
import { punct } from '../render/i18n/punctuation.js';
import { Diagnostics } from '../core/diagnostic.js';
import { importFiles } from '../pipeline/pipeline.js';
import { loadRulesOrReport } from './rules-loader.js';
import { printIngest } from './ingest-output.js';
import { printTable } from './output.js';
import { openDb } from '../store/db.js';
import { Query } from '../store/query.js';
import { gradeFromStore, monthQuotaFromStore, starsFromStore } from '../analyses/services.js';
import { gradingDoc } from '../render/views/grade.js';
import { starsDoc } from '../render/views/stars.js';
import { monthQuotaDoc } from '../render/views/quota.js';
import { pct } from '../core/numbers.js';
import { VERSION } from '../version.js';

export const EXAMPLES = join(host.root, 'examples/');

export const demoCommand: CommandSpec = {
  define: (lang) => new Command('demo').description(t(lang, 'h_demo')),
  async run(ctx) {
    const rules = loadRulesOrReport(ctx);
    ctx.print(ctx.t('demo_runtime', { version: VERSION, node: process.version, platform: `${process.platform} ${process.arch}` }));
    const dir = mkdtempSync(join(tmpdir(), 'cxzy-demo-'));
    const db = join(dir, 'demo.db');
    try {
      // Read from cxzy's own folder, so the source references are short wherever it was started: examples/2011Q1/reviews.yaml:14
      const examples = 'examples';
      const r = await importFiles([examples], { path: db, name: db }, rules, {
        strict: false,
        replace: false,
        add: false,
        org: null,
        dryRun: false,
        cwd: host.root,
        env: ctx.env,
      });
      // The examples keep a few slips on purpose, to show the checks: said in one line, not one by one.
      const kinds = [...r.diags.warningKinds].map(([code, n]) => ctx.t('demo_warning_kind', { kind: word(ctx.lang, `w_${code}`), n }));
      const quiet = new Diagnostics();
      for (const e of r.diags.errors) quiet.add(e);
      await printIngest({ ...ctx, quiet: false }, { ...r, diags: quiet }, 'table', ctx.t('demo_imported'));
      if (kinds.length) ctx.print(ctx.t('demo_warnings', { n: r.diags.warningCount, kinds: kinds.join(punct(ctx.lang, 'list')) }));
      const workbooks = (readdirSync(EXAMPLES, { recursive: true }) as string[]).filter((f) => f.endsWith('.xlsx')).sort();
      if (workbooks.length) ctx.print(ctx.t('demo_workbooks', { files: workbooks.map((f) => join(examples, f)).join('、') }));
      // The latest quarter, as grade, stars and quota would show it.
      const store = openDb(db, 'read');
      try {
        const q = new Query(store);
        const period = q.reviewPeriods().at(-1)!;
        ctx.print('');
        printTable(
          ctx,
          gradingDoc(gradeFromStore(q, rules, period), ctx.lang, { compact: true, explain: false, belowPct: pct(rules.grading.caps.satisfaction.below) }),
        );
        ctx.print('');
        printTable(ctx, starsDoc(starsFromStore(q, rules, q.pointsPeriods().at(-1)!), ctx.lang, false));
        ctx.print('');
        printTable(ctx, monthQuotaDoc(monthQuotaFromStore(q, rules, q.reportMonths().at(-1)!), ctx.lang));
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
