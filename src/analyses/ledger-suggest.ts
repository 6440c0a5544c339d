// ledger --suggest (SPEC §2 "Rectification ledger"): the problems a quarter's
// analyses imply that the ledger lacks. Pure: the quarter's grading, the
// pledges and the ledger in, suggestions with their reasons out.
import type { Org, OwnedPledge, Problem } from '../core/model.js';
import type { Rules } from '../core/rules.js';
import type { Msg } from '../core/messages/index.js';
import { periodBounds, periodOf } from '../core/dates.js';
import { pct } from '../core/numbers.js';
import { overdueAt, type Grading } from './grade.js';
import { stateAt } from './ledger.js';

export interface Suggestion {
  /** A proposed id, unique in the ledger. */
  id: string;
  org: string;
  name: string;
  source: 'grading' | 'pledge';
  pledge: string | null;
  /** Why, each a message: the satisfaction cap, the grade, the overdue pledge. */
  reasons: Msg[];
}

/** Each org's grading reasons in Q, and each pledge overdue at Q's end, unless the ledger already holds that problem. */
export interface SuggestInput {
  period: string;
  orgs: Org[];
  grading: Grading;
  pledges: OwnedPledge[];
  ledger: Problem[];
  rules: Rules;
}

export function suggestProblems({ period, orgs, grading, pledges, ledger, rules }: SuggestInput): Suggestion[] {
  const end = periodBounds(period)[1];
  // Held: a problem of that org, source (and pledge) found in Q or not closed at Q's end.
  const held = new Set(
    ledger
      .filter((p) => periodOf(p.found) === period || !stateAt(p, end, rules).closedAt)
      .map((p) => `${p.org}|${p.source}|${p.source === 'pledge' ? p.pledge : ''}`),
  );
  const out: Omit<Suggestion, 'id'>[] = [];
  for (const g of grading.orgs) {
    const reasons: Msg[] = [];
    if (g.caps.includes('satisfaction'))
      reasons.push({ id: 'lg_r_satisfaction', params: { sat: pct(g.satisfaction!), below: pct(rules.grading.caps.satisfaction.below) } });
    if (g.grade === 'average' || g.grade === 'poor') reasons.push({ id: 'lg_r_grade', params: { period, grade: g.grade } });
    if (reasons.length && !held.has(`${g.org}|grading|`)) out.push({ org: g.org, name: g.name, source: 'grading', pledge: null, reasons });
  }
  // A pledge's org: its owner, or its owning member's branch; active ones only.
  const names = new Map(orgs.filter((o) => o.active).map((o) => [o.code, o.name]));
  for (const p of pledges) {
    const org = p.member ? (p.member.active ? p.member.org : null) : p.owner;
    if (org === null || !names.has(org) || !overdueAt(p, end) || held.has(`${org}|pledge|${p.id}`)) continue;
    out.push({ org, name: names.get(org)!, source: 'pledge', pledge: p.id, reasons: [{ id: 'lg_r_pledge', params: { id: p.id, due: p.due, end } }] });
  }
  return withIds(
    out.sort((a, b) =>
      a.org < b.org ? -1 : a.org > b.org ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : (a.pledge ?? '') < (b.pledge ?? '') ? -1 : 1,
    ),
    period,
    new Set(ledger.map((p) => p.id)),
  );
}

/** ZG-<quarter>-<org>-<n>, skipping ids the ledger has. */
function withIds(list: Omit<Suggestion, 'id'>[], period: string, taken: Set<string>): Suggestion[] {
  return list.map((s) => {
    let n = 1;
    while (taken.has(`ZG-${period}-${s.org}-${n}`)) n++;
    const id = `ZG-${period}-${s.org}-${n}`;
    taken.add(id);
    return { id, ...s };
  });
}
