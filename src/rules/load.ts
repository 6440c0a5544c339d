// The rules in force: --rules PATH, else ./cxzy.rules.yaml where present, else
// the built-in defaults. A rules file overrides only the keys it names.
import { existsSync } from 'node:fs';
import type { Diagnostic, Msg } from '../load/diagnostic.js';
import { Diagnostics } from '../load/diagnostic.js';
import { parseDocuments } from '../load/parse.js';
import { validator } from '../load/schemas.js';
import { GRADES } from '../model.js';
import { defaultRules } from './defaults.js';
import type { Rules } from './types.js';

export const RULES_FILE = 'cxzy.rules.yaml';

export type RulesResult = { ok: true; rules: Rules; source: string | null } | { ok: false; diagnostics: Diagnostics };

export function loadRules(explicit: string | undefined): RulesResult {
  const file = explicit ?? (existsSync(RULES_FILE) ? RULES_FILE : undefined);
  if (!file) return { ok: true, rules: defaultRules(), source: null };
  const diags = new Diagnostics();
  const parsed = parseDocuments(file, diags);
  if (!parsed || diags.errorCount) return { ok: false, diagnostics: diags };
  const doc = parsed.docs[0];
  const data = doc?.data ?? {};
  const place = parsed.placer(doc);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diags.add({ severity: 'error', ...place([]), path: null, code: 'type', msg: { id: 'not_mapping' } });
    return { ok: false, diagnostics: diags };
  }
  const validate = validator('rules');
  if (!validate(data)) {
    parsed.schemaErrors(validate.errors ?? [], doc).forEach((d) => diags.add(d));
    return { ok: false, diagnostics: diags };
  }
  const rules = merge(defaultRules(), data) as Rules;
  const err = (path: (string | number)[], msg: Msg) =>
    diags.add({ severity: 'error', ...place(path, true), path: path.join('.'), code: 'rules', msg } as Diagnostic);
  checkRules(rules, err);
  if (diags.errorCount) return { ok: false, diagnostics: diags };
  return { ok: true, rules, source: file };
}

/** The meaning checks the schema cannot express. */
export function checkRules(r: Rules, err: (path: (string | number)[], msg: Msg) => void): void {
  const w = r.grading.weights;
  const sum = Math.round((w.self + w.masses + w.superior) * 1e9) / 1e9;
  if (sum !== 1) err(['grading', 'weights'], { id: 'rules_weights', params: { sum } });
  const levels = r.grading.levels;
  const ordered = levels.every((l, i) => {
    const last = i === levels.length - 1;
    if (last !== (l.min === undefined)) return false;
    if (i === 0) return true;
    const prev = levels[i - 1];
    return GRADES.indexOf(prev.grade) < GRADES.indexOf(l.grade) && (last || (l.min as number) < (prev.min as number));
  });
  if (!ordered) err(['grading', 'levels'], { id: 'rules_levels' });
  const used = new Set(levels.map((l) => l.grade));
  const caps = r.grading.caps;
  if (!used.has(caps.satisfaction.max)) err(['grading', 'caps', 'satisfaction', 'max'], { id: 'rules_grade_unused', params: { grade: caps.satisfaction.max } });
  if (!used.has(caps.overdue_pledge.max)) err(['grading', 'caps', 'overdue_pledge', 'max'], { id: 'rules_grade_unused', params: { grade: caps.overdue_pledge.max } });
  if (!used.has(r.stars.benchmark.grade)) err(['stars', 'benchmark', 'grade'], { id: 'rules_grade_unused', params: { grade: r.stars.benchmark.grade } });
}

/** Deep merge of plain objects; arrays and scalars in `over` replace those in `base`. */
function merge(base: unknown, over: unknown): unknown {
  if (isObject(base) && isObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
    return out;
  }
  return over;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
