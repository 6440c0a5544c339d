// Every member's year of a city (`annual --all --format json`, 750,000) made
// in runs of member ids on both threads (runs.ts), once this thread has
// reviewed the year: what the members' years rest on (YearBasis) goes to the
// second thread before its runs and is kept there for them.
import { randomUUID } from 'node:crypto';
import type { Rules } from '../../core/rules.js';
import type { Query } from '../../store/query.js';
import type { Task } from '../../store/prefetch.js';
import type { MemberYear } from '../../analyses/annual.js';
import { memberYearsOf, type YearBasis } from '../../analyses/services.js';
import { runPieces } from '../formats/json.js';
import { MEMBERS_INDENT, runsFrom, sharedRuns, type MadeRun } from './runs.js';

/** Members a run (runSize): a city's 750,000 in 301 runs, a county's 75,000 in 31. */
export const YEAR_RUN = 2500;

/** A member's year as the year's JSON lists it (without --explain). */
export const memberYearJson = (m: MemberYear) => ({
  member: m.member,
  name: m.name,
  org: m.org,
  red_star_quarters: m.red_star_quarters,
  stars_total: m.stars_total,
  points_total: m.points_total,
  discipline_deductions: m.discipline_deductions,
});

/** A YearBasis as plain data, to be cloned to the other thread. */
interface PlainBasis {
  rules: Rules;
  at: string;
  redOf: [string, string[]][];
  branches: string[];
  moves: [string, Record<string, string>][];
}

/** `key`: the list's, whose basis comes first (keepBasis); the members of a run: from id `from` up to `to` (null: to the last). */
type Args = [key: string, from: string, to: string | null];

/** The bases this thread knows, by list. */
const bases = new Map<string, { rules: Rules; basis: YearBasis }>();

/** The second thread keeps the list's basis for its runs: its first task, which that thread alone does. */
export function keepBasis(_q: Query, key: string, plain: PlainBasis): null {
  const basis = {
    at: plain.at,
    redOf: new Map(plain.redOf.map(([p, red]) => [p, new Set(red)])),
    branches: new Set(plain.branches),
    moves: new Map(plain.moves),
  };
  bases.set(key, { rules: plain.rules, basis });
  return null;
}

const runText = (q: Query, [key, from, to]: Args) => {
  const known = bases.get(key);
  if (!known) throw new Error(`the year's basis ${key} has not come`);
  return runPieces(memberYearsOf(q, known.rules, known.basis, from, to), MEMBERS_INDENT, memberYearJson);
};

/** A run of members' years made on the second thread: its text comes back whole. */
export function yearRun(q: Query, ...args: Args): MadeRun {
  return { text: [...runText(q, args)] };
}

/**
 * Every member's year, in runs of `perRun` members by id, once the year has
 * been reviewed on `basis`; the runs made here are made as they are written.
 */
export function yearRuns(q: Query, rules: Rules, basis: YearBasis, perRun: number): Iterable<Iterable<string>> {
  const key = randomUUID();
  bases.set(key, { rules, basis });
  const plain: PlainBasis = {
    rules,
    at: basis.at,
    redOf: [...basis.redOf].map(([p, red]) => [p, [...red]]),
    branches: [...basis.branches],
    moves: [...basis.moves],
  };
  const cut = runsFrom(q.memberRunStarts(basis.at, perRun));
  const tasks = cut.map(([from, to]): Task<Args> => ({ module: import.meta.url, fn: 'yearRun', args: [key, from, to] }));
  // This thread never asks for the basis's task, so never does it itself: the second thread does it before its runs.
  const first: Task<[string, PlainBasis]> = { module: import.meta.url, fn: 'keepBasis', args: [key, plain] };
  const runs = sharedRuns<Args, MadeRun>(q, tasks, { here: (...args) => runText(q, args) }, { first: [first] });
  return (function* () {
    yield* runs;
    bases.delete(key);
  })();
}
