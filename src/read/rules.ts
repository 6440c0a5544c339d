// The rules in force: --rules PATH, else the cxzy.rules.yaml beside the
// database, else ./cxzy.rules.yaml, else the built-in defaults (SPEC §3). A
// rules file overrides only the keys it names.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Diagnostics, wholeFile, type Diagnostic, type Path } from '../core/diagnostic.js';
import { formatPath } from '../core/diagnostic.js';
import type { Msg } from '../core/messages/index.js';
import { GRADES } from '../core/model.js';
import { defaultRules, type Rules } from '../core/rules.js';
import { UsageError } from '../core/errors.js';
import { readText } from './files.js';
import { findingKey, placeFinding } from './findings.js';
import { schemaFindings } from './schema-errors.js';
import { readSchema, validator, withSlugs } from './schemas.js';
import { lineIndex, problemMsg, readYaml } from './yaml/index.js';

export const RULES_FILE = 'cxzy.rules.yaml';

export type RulesResult = { ok: true; rules: Rules; source: string | null } | { ok: false; diagnostics: Diagnostics };

/**
 * The rules file in force, as messages name it: --rules, else the one beside
 * the database `db` (so --db other/cxzy.db keeps that office's settings),
 * else the working folder's; null for the built-in rules.
 */
export function rulesFile(explicit: string | undefined, cwd: string, db: string | null): string | null {
  if (explicit !== undefined) return explicit;
  const beside = db === null ? null : join(dirname(resolve(cwd, db)), RULES_FILE);
  if (beside !== null && existsSync(beside)) return relative(cwd, beside) || RULES_FILE;
  return existsSync(resolve(cwd, RULES_FILE)) ? RULES_FILE : null;
}

export function loadRules(explicit: string | undefined, cwd: string, db: string | null = null): RulesResult {
  const file = rulesFile(explicit, cwd, db) ?? undefined;
  if (!file) return { ok: true, rules: defaultRules(), source: null };
  if (!existsSync(resolve(cwd, file))) throw new UsageError({ id: 'rules_missing', params: { file } });
  if (statSync(resolve(cwd, file)).isDirectory()) throw new UsageError({ id: 'rules_folder', params: { file, beside: join(file, RULES_FILE) } });
  const diags = new Diagnostics();
  const fail = () => ({ ok: false as const, diagnostics: diags });
  const read = readText(resolve(cwd, file));
  if (!read.ok) {
    diags.add({ severity: 'error', ...wholeFile(file), path: null, code: 'encoding', msg: read.msg });
    return fail();
  }
  const lineText = lineIndex(read.text);
  const yaml = readYaml(read.text, { places: true });
  const at = (pos: { line: number; col: number; endCol: number }) => ({ file, ...pos, source: lineText(pos.line) });
  for (const p of yaml.problems) diags.add({ severity: 'error', ...at(p.pos), path: null, code: p.code, msg: problemMsg(p) });
  if (diags.errorCount) return fail();
  const doc = yaml.docs[0];
  if (yaml.docs.length > 1) {
    diags.add({
      severity: 'error',
      ...at(yaml.docs[1].locate?.([]) ?? { line: 1, col: 1, endCol: 2 }),
      path: null,
      code: 'rules',
      msg: { id: 'rules_two_docs' },
    });
    return fail();
  }
  const data = doc?.data ?? {};
  const place = (path: Path, key = false) => at(doc?.locate ? doc.locate(path, key) : { line: 1, col: 1, endCol: 2 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diags.add({ severity: 'error', ...place([]), path: null, code: 'type', msg: { id: 'not_mapping' } });
    return fail();
  }
  const validate = validator('rules');
  if (!validate(data)) {
    const seen = new Set<string>();
    for (const f of schemaFindings(validate.errors ?? [])) {
      if (!seen.has(findingKey(f))) diags.add(placeFinding(f, place(f.path, f.key)));
      seen.add(findingKey(f));
    }
    return fail();
  }
  const rules = merge(defaultRules(), withSlugs(data, readSchema('rules'))) as Rules;
  const err = (path: (string | number)[], msg: Msg) =>
    diags.add({ severity: 'error', ...place(path, true), path: formatPath(path), code: 'rules', msg } as Diagnostic);
  checkRules(rules, err);
  if (diags.errorCount) return fail();
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
  if (!used.has(caps.overdue_pledge.max))
    err(['grading', 'caps', 'overdue_pledge', 'max'], { id: 'rules_grade_unused', params: { grade: caps.overdue_pledge.max } });
  if (!used.has(r.stars.benchmark.grade)) err(['stars', 'benchmark', 'grade'], { id: 'rules_grade_unused', params: { grade: r.stars.benchmark.grade } });
  if (r.stars.star_min > r.stars.max_points) err(['stars', 'star_min'], { id: 'rules_star_min', params: { min: r.stars.star_min, max: r.stars.max_points } });
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
