import type { Ctx } from './context.js';
import { loadRules } from '../read/rules.js';
import type { Rules } from '../core/rules.js';
import { printDiagnostics } from './ingest-output.js';

/** The rules in force, or null after printing why the rules file is invalid (exit 1). */
export function loadRulesOrReport(ctx: Ctx): Rules | null {
  const r = loadRules(ctx.rules, ctx.cwd);
  if (r.ok) return r.rules;
  printDiagnostics(ctx, r.diagnostics);
  ctx.stderr.write(`${ctx.ce.red(ctx.t('invalid'))}\n`);
  return null;
}
