// 问题台账 (SPEC §2 "Rectification ledger"): pure — problems, orgs and rules
// in, each problem's state at a date E and each committee's figures out.
// No I/O, no printing, no language.
import { ranks } from '../core/collections.js';
import type { Org, Problem } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import { OrgTree } from '../core/tree.js';

/** A problem as it stands at E. */
export interface ProblemState {
  problem: Problem;
  /** The name of the org that must rectify ('' when the org is not stored). */
  name: string;
  /** Rectified by E: `resolved` ≤ E. */
  done: boolean;
  /** Closed by E and not relapsed at its latest recheck up to E. */
  closedAt: boolean;
  /** Closed by E, but its latest recheck up to E found it relapsed (反弹). */
  relapsed: boolean;
  /** Past its deadline and not done: `due` < E. */
  overdue: boolean;
  days_overdue: number;
  /** 挂牌督办: overdue by more than ledger.supervise_after_days. */
  supervised: boolean;
}

/** A committee's (or the whole ledger's) figures over its subtree. */
export interface LedgerFigures {
  found: number;
  closed: number;
  /** closed ÷ found; null when nothing was found. */
  rate: number | null;
  overdue: number;
  supervised: number;
}

export interface CommitteeLedger extends LedgerFigures {
  org: string;
  name: string;
  /** 1 for the best rate (ties share a rank); null for the whole area (the root, or a top committee), its total. */
  rank: number | null;
}

export interface Ledger {
  date: string;
  /** The problems found by E, by org then id. */
  problems: ProblemState[];
  committees: CommitteeLedger[];
  summary: LedgerFigures;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** One problem at E, by the rules of SPEC §2. */
export function stateAt(p: Problem, end: string, rules: Rules, name = ''): ProblemState {
  const done = p.resolved !== null && p.resolved <= end;
  const closedBy = p.closed !== null && p.closed <= end;
  let latest: Problem['rechecks'][number] | undefined;
  for (const r of p.rechecks) if (r.date <= end && (latest === undefined || r.date > latest.date)) latest = r;
  const relapsed = closedBy && latest?.result === 'relapsed';
  const overdue = p.due < end && !done;
  const late = overdue ? days(p.due, end) : 0;
  return {
    problem: p,
    name,
    done,
    closedAt: closedBy && !relapsed,
    relapsed,
    overdue,
    days_overdue: late,
    supervised: overdue && late > rules.ledger.supervise_after_days,
  };
}

type Counts = Omit<LedgerFigures, 'rate'>;
const withRate = (c: Counts): LedgerFigures => ({
  found: c.found,
  closed: c.closed,
  rate: c.found ? c.closed / c.found : null,
  overdue: c.overdue,
  supervised: c.supervised,
});

function add(c: Counts, s: ProblemState): void {
  c.found++;
  if (s.closedAt) c.closed++;
  if (s.overdue) c.overdue++;
  if (s.supervised) c.supervised++;
}

/** The figures of a set of problem states. */
export function figures(states: ProblemState[]): LedgerFigures {
  const c = { found: 0, closed: 0, overdue: 0, supervised: 0 };
  for (const s of states) add(c, s);
  return withRate(c);
}

/**
 * The ledger at E: every problem found by then, and each active committee's
 * figures over its subtree, ranked by rate (best first; a committee with no
 * problem last), then fewest supervised, then code. `root`: one subtree.
 */
export function ledgerAt(problems: Problem[], orgs: Org[], end: string, rules: Rules, root: string | null = null): Ledger {
  const tree = new OrgTree(orgs);
  const names = new Map(orgs.map((o) => [o.code, o.name]));
  const within = root === null ? null : new Set(tree.subtree(root).map((o) => o.code));
  const states = problems
    .filter((p) => p.found <= end && (within === null || within.has(p.org)))
    .sort((a, b) => (a.org < b.org ? -1 : a.org > b.org ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => stateAt(p, end, rules, names.get(p.org) ?? ''));
  // Counted once per org, then summed over each committee's subtree: a city has 30,000 problems and hundreds of committees.
  const byOrg = new Map<string, Counts>();
  for (const s of states) {
    let c = byOrg.get(s.problem.org);
    if (!c) byOrg.set(s.problem.org, (c = { found: 0, closed: 0, overdue: 0, supervised: 0 }));
    add(c, s);
  }
  const committees = orgs
    .filter((o) => o.active && o.type === 'committee' && (within === null || within.has(o.code)))
    .map((c) => {
      const sum = { found: 0, closed: 0, overdue: 0, supervised: 0 };
      for (const o of tree.subtree(c.code)) {
        const n = byOrg.get(o.code);
        if (n) for (const k of ['found', 'closed', 'overdue', 'supervised'] as const) sum[k] += n[k];
      }
      return { org: c.code, name: c.name, ...withRate(sum) };
    });
  // The whole area (--org's root, else a committee at the top) is the total of the others, not one of them.
  const whole = (code: string) => (root === null ? tree.get(code)?.parent == null : code === root);
  const totals = committees.filter((c) => whole(c.org)).map((c) => ({ ...c, rank: null }));
  return { date: end, problems: states, committees: [...ranked(committees.filter((c) => !whole(c.org))), ...totals], summary: figures(states) };
}

function ranked(list: (LedgerFigures & { org: string; name: string })[]): CommitteeLedger[] {
  const key = (c: LedgerFigures) => (c.rate === null ? -1 : c.rate);
  const sorted = [...list].sort((a, b) => key(b) - key(a) || a.supervised - b.supervised || (a.org < b.org ? -1 : 1));
  const r = ranks(sorted, (a, b) => key(a) === key(b) && a.supervised === b.supervised);
  return sorted.map((c, i) => ({ ...c, rank: r[i] }));
}
