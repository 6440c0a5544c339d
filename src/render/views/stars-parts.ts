// A city's full star list (`stars --format json`, 750,000 members) made in
// parts on both threads: the orgs cut into runs by code, every other run read,
// rated and written on the second thread (a task) while this one does the
// others, and the runs written here in order. Each run is read, rated and
// written as the whole list was, so the text is the same, byte for byte.
import type { Rules } from '../../core/rules.js';
import type { Query } from '../../store/query.js';
import type { Task } from '../../store/prefetch.js';
import type { MemberStars, StarsStream, StarsVerdicts } from '../../analyses/stars.js';
import { starsStreamFromStore, starsVerdictReads } from '../../analyses/services.js';
import { runPieces } from '../formats/json.js';
import { subtree } from '../../analyses/scope.js';
import { MEMBERS_INDENT, runsFrom, sharedRuns } from './runs.js';

/** Orgs a run (runSize): a city's 30,000 in 304 runs, a county's 3,000 in 31. Longer runs hold more: a city's list at 2,000 a run peaked at 620–750 MB, at 100 at 350–480 MB. */
export const STARS_RUN = 100;

/** A member as a rating's JSON lists it. */
export const memberJson = (m: MemberStars) => ({
  member: m.member,
  name: m.name,
  org: m.org,
  stars: m.stars,
  red_star: m.red_star,
  scores: m.scores,
  satisfaction: m.satisfaction,
});

/** A run's text (runPieces) and its red stars by org, which the verdicts count. */
export interface StarsRun {
  text: string[];
  reds: [string, number][];
}

/** `org`: --org, whose subtree is listed (null: all); the orgs of a run: from `from`, up to `to` (not included; null: to the last). */
type Args = [rules: Rules, period: string, org: string | null, from: string, to: string | null];

/** The second thread's rating, kept across its runs: it holds which orgs are active. */
const raters = new WeakMap<Query, Map<string, StarsStream>>();

function raterFor(q: Query, rules: Rules, period: string, org: string | null): StarsStream {
  let of = raters.get(q);
  if (!of) raters.set(q, (of = new Map()));
  // A task's arguments come cloned: the same rating is known by its values.
  const key = JSON.stringify([rules, period, org]);
  let rater = of.get(key);
  if (!rater) of.set(key, (rater = starsStreamFromStore(q, rules, period, subtree(q.orgs(), org ?? undefined))));
  return rater;
}

/** A run's members rated by `rater` as they are read, in the list's order (org, then member), each red star counted in `reds`. */
function* rated(q: Query, rater: StarsStream, [, period, , from, to]: Args, reds?: Map<string, number>): Generator<MemberStars> {
  for (const m of rater.members(q.memberPointsInOrgs(period, from, to))) {
    if (reds && m.red_star) reds.set(m.org, (reds.get(m.org) ?? 0) + 1);
    yield m;
  }
}

/** A run of orgs rated and written, on the second thread: its text comes back whole. */
export function starsRun(q: Query, ...args: Args): StarsRun {
  const [rules, period, org] = args;
  const reds = new Map<string, number>();
  const text = [...runPieces(rated(q, raterFor(q, rules, period, org), args, reds), MEMBERS_INDENT, memberJson)];
  return { text, reds: [...reds] };
}

const runTask = (...args: Args): Task<Args> => ({ module: import.meta.url, fn: 'starsRun', args });

/** A full list as its runs' text, and its verdicts once they are written. */
export interface StarsRuns {
  period: string;
  runs: Iterable<Iterable<string>>;
  verdicts(): StarsVerdicts;
}

/**
 * Every member of `period` within `org`'s subtree (null: all), in runs of
 * `perRun` orgs (runs.ts), then what the verdicts read; the runs made here are
 * rated as they are written, none held.
 */
export function starsRuns(q: Query, rules: Rules, period: string, org: string | null, perRun: number): StarsRuns {
  const codes = q.orgs().map((o) => o.code); // in SQLite's order of codes, which the runs are cut by
  // Each task names the subtree by its root: the second thread finds its orgs once (a city's 30,000 codes cloned into
  // each of 300 tasks took 7.3 s and 695 MB).
  const tasks = runsFrom(codes.filter((_, i) => i % perRun === 0)).map(([from, to]) => runTask(rules, period, org, from, to));
  // This thread's rating, not the tasks' (raterFor): its own runs' red stars counted as they are rated, the tasks' added.
  const whole = starsStreamFromStore(q, rules, period, subtree(q.orgs(), org ?? undefined));
  const runs = sharedRuns<Args, StarsRun>(
    q,
    tasks,
    { here: (...args) => runPieces(rated(q, whole, args), MEMBERS_INDENT, memberJson), taken: (r) => whole.count(r.reds) },
    { after: starsVerdictReads(rules, period) },
  );
  return { period, runs, verdicts: () => whole.verdicts() };
}
