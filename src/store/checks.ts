// The pipeline's check step: every rule across records (store/rules/), each
// run once over the batch's views. Findings come out rule group by rule
// group, each group's by source; unknown references are offered the codes
// they may have meant.
import type { DB } from './db.js';
import { batchOf, keptOf } from './views.js';
import { suggest, type Candidate, type CodeTable } from './suggest.js';
import { ERROR_RULES } from './rules/errors.js';
import { WARNING_RULES } from './rules/warnings.js';
import { srcOf, type Check, type CrossRule, type Rec, type RuleContext } from './rules/rule.js';
import type { Section } from '../core/model.js';

export type { Check, RuleContext } from './rules/rule.js';

function findings(db: DB, rule: CrossRule, ctx: RuleContext): Check[] {
  if ('find' in rule) return rule.find(db, ctx);
  return (db.prepare(rule.sql).all() as Rec[]).map((r) => ({ severity: rule.severity, src: srcOf(r), field: rule.field, code: rule.code, msg: rule.msg(r) }));
}

/** The findings of `rules`, group by group, each group's in source order (a record's in rule order). */
function run(db: DB, rules: CrossRule[], ctx: RuleContext): Check[] {
  const groups = new Map<string, Check[]>();
  for (const rule of rules) {
    const found = findings(db, rule, ctx);
    // Pushed one by one: a rule may find more than a spread may pass.
    const g = groups.get(rule.group);
    if (g) for (const c of found) g.push(c);
    else groups.set(rule.group, found);
  }
  return [...groups.values()].flatMap((g) => g.sort((a, b) => ctx.order(a.src, b.src)));
}

/** Every error across records, unknown codes with the ones they may have meant. */
export function crossErrors(db: DB, ctx: RuleContext): Check[] {
  return withHints(db, run(db, ERROR_RULES, ctx));
}

/** Every warning across records. */
export function crossWarnings(db: DB, ctx: RuleContext): Check[] {
  return run(db, WARNING_RULES, ctx);
}

/** Where the codes of `s` are as the import leaves them, for hints: stored, then staged. */
export function codeTables(s: Extract<Section, 'orgs' | 'members'>): CodeTable[] {
  const code = s === 'orgs' ? 'code' : 'id';
  return [keptOf(s), batchOf(s)].map((table) => ({ table, code, name: 'name' }));
}

/** Distinct unknown codes offered the closest existing ones: as many as a run shows errors. */
const HINTED = 100;

/** Each unknown reference with the existing codes it may have meant, among the staged and stored ones. */
function withHints(db: DB, checks: Check[]): Check[] {
  const refs = checks.filter((c): c is Check & { msg: { id: 'unknown_ref' } } => c.msg.id === 'unknown_ref');
  const keys = (kinds: string[]) =>
    [...new Set(refs.filter((c) => kinds.includes(String(c.msg.params.what))).map((c) => String(c.msg.params.key)))].slice(0, HINTED);
  const [orgs, members] = [codeTables('orgs'), codeTables('members')];
  const hints = new Map<string, Candidate[]>([
    ...[...suggest(db, keys(['org', 'parent']), orgs)].map(([k, v]) => [`org ${k}`, v] as const),
    ...[...suggest(db, keys(['member']), members)].map(([k, v]) => [`member ${k}`, v] as const),
    ...[...suggest(db, keys(['owner']), [...orgs, ...members])].map(([k, v]) => [`owner ${k}`, v] as const),
  ]);
  for (const c of refs) {
    const p = c.msg.params;
    const kind = p.what === 'parent' ? 'org' : String(p.what);
    const found = hints.get(`${kind} ${p.key}`);
    if (found?.length) c.msg = { id: 'unknown_ref', params: { ...p, hint: found.map((x) => ({ id: 'candidate', params: { code: x.code, name: x.name } })) } };
  }
  return checks;
}
