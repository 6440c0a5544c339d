import type { Ctx } from './context.js';
import { loadRules } from '../read/rules.js';
import type { Rules } from '../core/rules.js';
import { printDiagnostics } from './ingest-output.js';
import { Reported } from '../core/errors.js';

/** The rules in force; an invalid rules file is reported, each mistake at its line, and ends the command (exit 1). */
export function loadRulesOrReport(ctx: Ctx): Rules {
  const r = loadRules(ctx.rules, ctx.cwd, ctx.db.path);
  if (r.ok) return r.rules;
  printDiagnostics(ctx, r.diagnostics);
  ctx.stderr.write(`${ctx.ce.red(ctx.t('invalid'))}\n`);
  throw new Reported();
}
