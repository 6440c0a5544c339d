// A full list made in runs on both threads (a city's 750,000 members): its
// keys cut into runs in order, and from SHARED_FROM runs on every other run a
// task that the second thread makes whole and hands back as its text
// (runPieces), the others made here as they are written. Written
// (formats/json.ts) puts the runs in order: the same bytes as one thread's.
import type { Job, Task } from '../../store/prefetch.js';
import type { Query } from '../../store/query.js';
import { envCount } from '../../core/env.js';

/** Where a full list sits in its command's JSON (under a key of the top object): its runs are written at this indent. */
export const MEMBERS_INDENT = '  ';

/** Runs a list needs before the second thread makes some: a shorter one is made sooner here than a worker starts (100 branches' stars: 88 against 124 ms). */
const SHARED_FROM = 8;

/** Keys a run: CXZY_RUN_SIZE, or `fallback` (for 0 too). */
export const runSize = (env: NodeJS.ProcessEnv, fallback: number): number => envCount(env, 'CXZY_RUN_SIZE') || fallback;

/** Runs from their first keys, in order: the first from '' (anything before it), the last to the end (null). */
export const runsFrom = (starts: readonly string[]): [from: string, to: string | null][] =>
  (starts.length ? starts : ['']).map((s, i) => [i ? s : '', starts[i + 1] ?? null]);

/** What a run made on the second thread hands back. */
export interface MadeRun {
  text: string[];
}

/**
 * The runs of `tasks` in order: every other one made by `fn` on the second
 * thread (started now, with `then`, what the list reads after its runs),
 * `taken` told of each; the others made by `here` as they are written.
 */
export function sharedRuns<A extends unknown[], R extends MadeRun>(
  q: Query,
  tasks: Task<A>[],
  run: { fn: (q: Query, ...args: A) => R; here: (...args: A) => Iterable<string>; taken?: (r: R) => void },
  then: Job[] = [],
): Iterable<Iterable<string>> {
  const shared = tasks.length >= SHARED_FROM;
  q.prefetch([...tasks.filter((_, i) => shared && i % 2 === 1), ...then]);
  return (function* () {
    for (const [i, task] of tasks.entries()) {
      if (!shared || i % 2 === 0) {
        yield run.here(...task.args);
        continue;
      }
      const made = q.task(task, run.fn);
      run.taken?.(made);
      yield made.text;
    }
  })();
}
