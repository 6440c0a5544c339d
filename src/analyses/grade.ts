// 分类定级 (SPEC §2): pure — typed records and rules in, grades with their
// explanation out. No I/O, no printing, no language.
import type { Grade, Org, Pledge, Problem, Review, ReviewCommentary, Source, Votes } from '../core/model.js';
import type { Action, Rules } from '../core/rules.js';
import { addDays, periodBounds } from '../core/dates.js';
import { GRADES } from '../core/model.js';
import type { Msg } from '../core/messages/index.js';
import { groupBy } from '../core/collections.js';
import { fix, pct } from '../core/numbers.js';
import { stateAt } from './ledger.js';

export type Movement = 'up' | 'down' | 'same' | 'new';

/** One line of an explanation: a message, and the record it rests on. */
export type Because = Msg & { src?: Source };

export interface OrgGrade {
  org: string;
  name: string;
  type: Org['type'];
  composite: number | null;
  masses_score: number | null;
  satisfaction: number | null;
  /** The level the composite reaches, before caps. */
  level: Grade | null;
  /** The grade the rules give: the level lowered by any cap. */
  computed: Grade | null;
  /** The final grade: the override when there is one, else `computed`; `ungraded` without a review. */
  grade: Grade | 'ungraded';
  override: boolean;
  reason: string | null;
  caps: ('satisfaction' | 'overdue_pledge' | 'open_problem')[];
  flags: 'commentary_overdue'[];
  remedial: boolean;
  action: Action | null;
  movement: Movement | null;
  previous: Grade | null;
  explain: Because[];
}

export interface GradeInput {
  period: string;
  orgs: Org[];
  /** Reviews of `period`. */
  reviews: Review[];
  /** Reviews of the previous quarter, for 晋位升级. */
  previousReviews: Review[];
  /** Reviews of any period that carry a commentary: what a grading weighs of them. */
  commentaries: ReviewCommentary[];
  /** Pledges owned by orgs. */
  pledges: Pledge[];
  /** The ledger's problems found by the period's end: only read when the rules set the open-problem cap. */
  problems?: Problem[];
  rules: Rules;
  /** False leaves every `explain` empty: stars and the bulletin never print it, and at city size it costs. */
  explain?: boolean;
}

export interface ShareBreach {
  grade: Grade;
  bound: 'max' | 'min';
  limit: number;
  share: number;
}

export interface Grading {
  period: string;
  orgs: OrgGrade[];
  summary: Record<Grade | 'ungraded', number>;
  remedial: string[];
  shares: ShareBreach[];
}

/** A grade's place in GRADES, best first: lower is better. */
export const rank = (g: Grade) => GRADES.indexOf(g);

/** Half-up to one decimal, immune to binary fractions: 89.95 → 90.0 even when stored as 89.9499…. */
export function round1(x: number): number {
  return Math.round(Number((x * 10).toFixed(6))) / 10;
}

export function massesScore(v: Votes, r: Rules): number {
  const s = r.grading.vote_scores;
  return (s.satisfied * v.satisfied + s.basic * v.basic + s.unsatisfied * v.unsatisfied) / total(v);
}

export function satisfaction(v: Votes): number {
  return (v.satisfied + v.basic) / total(v);
}

const total = (v: Votes) => v.satisfied + v.basic + v.unsatisfied;

/** The level a composite reaches: the first whose min it meets; the last takes the rest. */
export function levelOf(composite: number, r: Rules): { grade: Grade; min: number | null } {
  for (const l of r.grading.levels) if (l.min === undefined || composite >= l.min) return { grade: l.grade, min: l.min ?? null };
  const last = r.grading.levels[r.grading.levels.length - 1];
  return { grade: last.grade, min: null };
}

/** Overdue at E: due ≤ E, not abandoned, and not fulfilled by E. */
export function overdueAt(p: Pledge, end: string): boolean {
  if (p.due > end || p.status === 'abandoned') return false;
  return !(p.status === 'fulfilled' && p.fulfilled !== null && p.fulfilled <= end);
}

export function gradePeriod(input: GradeInput): Grading {
  const previous = finalGrades(input.previousReviews, input);
  return grade(input.period, input.reviews, input, previous);
}

/** Final grades of a quarter without movement: what the next quarter compares against. */
function finalGrades(reviews: Review[], input: GradeInput): Map<string, Grade> {
  const out = new Map<string, Grade>();
  if (reviews.length === 0) return out;
  const g = grade(reviews[0].period, reviews, input, new Map());
  for (const o of g.orgs) if (o.grade !== 'ungraded') out.set(o.org, o.grade);
  return out;
}

/** What grading one quarter needs beside the org and its review. */
interface Quarter {
  period: string;
  end: string;
  /** Commentaries from this date on count. */
  since: string;
  rules: Rules;
  /** Explaining: `why?.push(...)` below skips building its argument otherwise. */
  say: boolean;
  pledgesOf: Map<string, Pledge[]>;
  problemsOf: Map<string, Problem[]>;
  commentsOf: Map<string, ReviewCommentary[]>;
  previous: Map<string, Grade>;
}

function grade(period: string, reviews: Review[], input: GradeInput, previous: Map<string, Grade>): Grading {
  const r = input.rules;
  const [, end] = periodBounds(period);
  const q: Quarter = {
    period,
    end,
    since: addDays(end, -r.grading.commentary_days),
    rules: r,
    say: input.explain !== false,
    pledgesOf: groupBy(input.pledges, (p) => p.owner),
    problemsOf: groupBy(input.problems ?? [], (p) => p.org),
    commentsOf: groupBy(
      input.commentaries.filter((v) => v.commentary),
      (v) => v.org,
    ),
    previous,
  };
  const byOrg = new Map(reviews.map((v) => [v.org, v]));
  const listed = input.orgs.filter((o) => o.active && (o.type === 'branch' || byOrg.has(o.code)));
  const orgs = listed.map((o) => {
    const v = byOrg.get(o.code);
    return v ? graded(o, v, q) : ungraded(o, q);
  });
  const summary = { good: 0, fair: 0, average: 0, poor: 0, ungraded: 0 } as Grading['summary'];
  for (const o of orgs) summary[o.grade]++;
  return { period, orgs, summary, remedial: orgs.filter((o) => o.remedial).map((o) => o.org), shares: shareBreaches(orgs, r) };
}

function ungraded(o: Org, q: Quarter): OrgGrade {
  return {
    org: o.code,
    name: o.name,
    type: o.type,
    composite: null,
    masses_score: null,
    satisfaction: null,
    level: null,
    computed: null,
    grade: 'ungraded',
    override: false,
    reason: 'no_review',
    caps: [],
    flags: [],
    remedial: false,
    action: null,
    movement: null,
    previous: q.previous.get(o.code) ?? null,
    explain: q.say ? [{ id: 'x_no_review', params: { period: q.period } }] : [],
  };
}

function graded(o: Org, v: Review, q: Quarter): OrgGrade {
  const why: Because[] | undefined = q.say ? [] : undefined;
  const { ms, sat, composite, level } = score(v, q.rules, why);
  const { computed, caps, remedial } = capped(o, level.grade, sat, q, why);
  const flags = commentaryFlags(o, q, why);
  const override = v.grade !== null;
  const final = v.grade ?? computed;
  if (override) why?.push({ id: 'x_override', params: { grade: v.grade!, reason: v.reason ?? '' }, src: v.src });
  const prev = q.previous.get(o.code) ?? null;
  const movement: Movement = prev === null ? 'new' : rank(final) < rank(prev) ? 'up' : rank(final) > rank(prev) ? 'down' : 'same';
  why?.push({ id: 'x_final', params: { grade: final, previous: prev ?? '-', movement } });
  // Spelled out, not spread from a shared base: at city size the spread took half the grading's time.
  return {
    org: o.code,
    name: o.name,
    type: o.type,
    composite,
    masses_score: ms,
    satisfaction: sat,
    level: level.grade,
    computed,
    grade: final,
    override,
    reason: v.reason,
    caps,
    flags,
    remedial,
    action: q.rules.grading.actions[final] ?? null,
    movement,
    previous: prev,
    explain: why ?? [],
  };
}

/** The masses' score, the satisfaction, the composite and the level it reaches. */
function score(v: Review, r: Rules, why: Because[] | undefined) {
  const w = r.grading.weights;
  const vs = r.grading.vote_scores;
  const ms = massesScore(v.masses, r);
  const sat = satisfaction(v.masses);
  const raw = w.self * v.self + w.masses * ms + w.superior * v.superior;
  const composite = round1(raw);
  const { satisfied: s, basic: b, unsatisfied: u } = v.masses;
  why?.push({ id: 'x_inputs', params: { self: v.self, superior: v.superior, s, b, u }, src: v.src });
  why?.push({
    id: 'x_masses',
    params: { vs: vs.satisfied, vb: vs.basic, vu: vs.unsatisfied, s, b, u, n: total(v.masses), score: fix(ms, 2), sat: pct(sat) },
  });
  why?.push({
    id: 'x_composite',
    params: {
      ws: w.self,
      wm: w.masses,
      wu: w.superior,
      self: v.self,
      masses: fix(ms, 2),
      superior: v.superior,
      raw: fix(raw, 3),
      composite: composite.toFixed(1),
    },
  });
  const level = levelOf(composite, r);
  why?.push(
    level.min === null
      ? { id: 'x_level_last', params: { composite: composite.toFixed(1), grade: level.grade } }
      : { id: 'x_level', params: { composite: composite.toFixed(1), min: level.min, grade: level.grade } },
  );
  return { ms, sat, composite, level };
}

/** The level lowered by each cap that applies: satisfaction under the bar (the remedial list), an overdue pledge, a supervised problem (when the rules set that cap). */
function capped(o: Org, level: Grade, sat: number, q: Quarter, why: Because[] | undefined) {
  const r = q.rules;
  let computed = level;
  const caps: OrgGrade['caps'] = [];
  const satCap = r.grading.caps.satisfaction;
  const remedial = sat < satCap.below;
  if (remedial) {
    caps.push('satisfaction');
    why?.push({ id: 'x_cap_satisfaction', params: { sat: pct(sat), below: pct(satCap.below), max: satCap.max } });
    if (rank(computed) < rank(satCap.max)) computed = satCap.max;
  }
  const overdue = (q.pledgesOf.get(o.code) ?? []).filter((p) => overdueAt(p, q.end));
  if (overdue.length) {
    caps.push('overdue_pledge');
    const max = r.grading.caps.overdue_pledge.max;
    for (const p of overdue) why?.push({ id: 'x_cap_overdue', params: { id: p.id, due: p.due, end: q.end, max }, src: p.src });
    if (rank(computed) < rank(max)) computed = max;
  }
  const openCap = r.grading.caps.open_problem;
  const supervised = openCap ? (q.problemsOf.get(o.code) ?? []).map((p) => stateAt(p, q.end, r)).filter((s) => s.supervised) : [];
  if (openCap && supervised.length) {
    caps.push('open_problem');
    for (const s of supervised)
      why?.push({ id: 'x_cap_open_problem', params: { id: s.problem.id, days: s.days_overdue, max: openCap.max }, src: s.problem.src });
    if (rank(computed) < rank(openCap.max)) computed = openCap.max;
  }
  if (computed !== level) why?.push({ id: 'x_capped', params: { from: level, to: computed } });
  return { computed, caps, remedial };
}

/** The commentary (点评) flag: none in the last `commentary_days` of the quarter. */
function commentaryFlags(o: Org, q: Quarter, why: Because[] | undefined): OrgGrade['flags'] {
  const recent = (q.commentsOf.get(o.code) ?? [])
    .filter((c) => c.commentary!.date >= q.since && c.commentary!.date <= q.end)
    .sort((a, b) => (a.commentary!.date < b.commentary!.date ? 1 : -1))[0];
  why?.push(
    recent
      ? { id: 'x_commentary', params: { date: recent.commentary!.date, by: recent.commentary!.by }, src: recent.src }
      : { id: 'x_commentary_overdue', params: { since: q.since, end: q.end } },
  );
  return recent ? [] : ['commentary_overdue'];
}

function shareBreaches(orgs: OrgGrade[], r: Rules): ShareBreach[] {
  const graded = orgs.filter((o) => o.grade !== 'ungraded');
  if (graded.length === 0) return [];
  const out: ShareBreach[] = [];
  for (const rule of r.grading.shares) {
    const share = graded.filter((o) => o.grade === rule.grade).length / graded.length;
    if (rule.max !== undefined && share > rule.max) out.push({ grade: rule.grade, bound: 'max', limit: rule.max, share });
    if (rule.min !== undefined && share < rule.min) out.push({ grade: rule.grade, bound: 'min', limit: rule.min, share });
  }
  return out;
}
