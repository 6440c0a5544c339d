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

/**
 * Orgs per run: 100, or CXZY_RUN_ORGS. A city's 30,000 in 304 runs, a
 * county's 3,000 in 31, a small list in one. Longer runs hold more: a city's
 * list at 2,000 orgs a run peaked at 620–750 MB, at 100 at 350–410 MB.
 */
export function runOrgs(env: NodeJS.ProcessEnv): number {
  const asked = env.CXZY_RUN_ORGS;
  return asked !== undefined && /^[1-9]\d*$/.test(asked) ? Number(asked) : 100;
}

/** Runs a list needs before the second thread makes some: a shorter one is made sooner here than a worker starts (100 branches: 88 against 124 ms). */
const SHARED_FROM = 8;

/** Where the members sit in a rating's JSON. */
export const MEMBERS_INDENT = '  ';

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
function* rated(q: Query, rater: StarsStream, [, period, , from, to]: Args, reds?: Map<string, number>): Generator<object> {
  for (const m of rater.members(q.memberPointsInOrgs(period, from, to))) {
    if (reds && m.red_star) reds.set(m.org, (reds.get(m.org) ?? 0) + 1);
    yield memberJson(m);
  }
}

/** A run of orgs rated and written, on the second thread: its text comes back whole. */
export function starsRun(q: Query, ...args: Args): StarsRun {
  const [rules, period, org] = args;
  const reds = new Map<string, number>();
  const text = [...runPieces(rated(q, raterFor(q, rules, period, org), args, reds), MEMBERS_INDENT)];
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
 * Every member of `period` within `org`'s subtree (null: all), in runs of orgs: from SHARED_FROM
 * runs on, every other run made on the second thread, then what the verdicts
 * read; the others rated here as they are written, none held.
 */
export function starsRuns(q: Query, rules: Rules, period: string, org: string | null, perRun: number): StarsRuns {
  const codes = q.orgs().map((o) => o.code); // in SQLite's order of codes, which the runs are cut by
  const tasks: Task<Args>[] = [];
  // Each task names the subtree by its root: the second thread finds its orgs once (a city's 30,000 codes cloned into
  // each of 300 tasks took 7.3 s and 695 MB).
  for (let i = 0; i === 0 || i < codes.length; i += perRun) tasks.push(runTask(rules, period, org, i ? codes[i] : '', codes[i + perRun] ?? null));
  const shared = tasks.length >= SHARED_FROM;
  q.prefetch([...tasks.filter((_, i) => shared && i % 2 === 1), ...starsVerdictReads(rules, period)]);
  // This thread's rating, not the tasks' (raterFor): its own runs' red stars counted as they are rated, the tasks' added.
  const whole = starsStreamFromStore(q, rules, period, subtree(q.orgs(), org ?? undefined));
  function* runs(): Generator<Iterable<string>> {
    for (const [i, task] of tasks.entries()) {
      if (!shared || i % 2 === 0) {
        yield runPieces(rated(q, whole, task.args), MEMBERS_INDENT);
        continue;
      }
      const run = q.task(task, starsRun);
      whole.count(run.reds);
      yield run.text;
    }
  }
  return { period, runs: runs(), verdicts: () => whole.verdicts() };
}
