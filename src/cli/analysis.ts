// What grade, stars, quota and report share: the store opened read-only, the
// rules, the period or month asked for (or the latest with data), and --org.
import type { Ctx } from './context.js';
import { DataError, UsageError } from './context.js';
import { openDb, type DB } from '../store/db.js';
import { Query } from '../store/query.js';
import type { Org } from '../model.js';
import type { Rules } from '../rules/types.js';
import { loadRules } from '../rules/load.js';
import { printDiagnostics } from './ingest-output.js';
import { isMonth, isPeriod, normalizePeriod } from '../load/dates.js';

export interface Analysis {
  db: DB;
  q: Query;
  rules: Rules;
  close(): void;
}

/** Null (after printing the rules errors) when the rules file is invalid. */
export function openAnalysis(ctx: Ctx): Analysis | null {
  const r = loadRules(ctx.rules);
  if (!r.ok) {
    printDiagnostics(ctx, r.diagnostics);
    return null;
  }
  const db = openDb(ctx.db, 'read');
  return { db, q: new Query(db), rules: r.rules, close: () => db.close() };
}

/** --period as given (checked), else the latest quarter in `have`. */
export function choosePeriod(asked: string | undefined, have: string[], what: string): string {
  if (asked !== undefined) {
    if (!isPeriod(asked)) throw new UsageError('bad_period', { value: asked });
    const p = normalizePeriod(asked);
    if (!have.includes(p)) throw new DataError('no_data_period', { period: p, what, have: have.join(', ') });
    return p;
  }
  if (have.length === 0) throw new DataError('no_data_period', { period: '', what, have: '' });
  return have[have.length - 1];
}

export function chooseMonth(asked: string | undefined, have: string[]): string {
  if (asked !== undefined) {
    if (!isMonth(asked)) throw new UsageError('bad_month', { value: asked });
    if (!have.includes(asked)) throw new DataError('no_data_month', { month: asked, have: have.join(', ') });
    return asked;
  }
  if (have.length === 0) throw new DataError('no_data_month', { month: '', have: '' });
  return have[have.length - 1];
}

/** The codes of `code` and every org below it; null when no --org was given. */
export function subtree(orgs: Org[], code: string | undefined): Set<string> | null {
  if (code === undefined) return null;
  if (!orgs.some((o) => o.code === code)) throw new DataError('unknown_org', { code });
  const kids = new Map<string, string[]>();
  for (const o of orgs) if (o.parent) kids.set(o.parent, [...(kids.get(o.parent) ?? []), o.code]);
  const out = new Set<string>();
  const walk = (c: string) => {
    out.add(c);
    for (const k of kids.get(c) ?? []) walk(k);
  };
  walk(code);
  return out;
}
