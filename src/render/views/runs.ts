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
 * The runs of `tasks` in order: every other one handed to the second thread
 * (started now, after `first`, what it must have before them, and `after`,
 * what the list reads after its runs) and made there by the task's function,
 * `taken` told of each; the others, and any the second thread has not begun
 * when this one comes to it, made by `here` as they are written.
 */
export function sharedRuns<A extends unknown[], R extends MadeRun>(
  q: Query,
  tasks: Task<A>[],
  run: { here: (...args: A) => Iterable<string>; taken?: (r: R) => void },
  jobs: { first?: Job[]; after?: Job[] } = {},
): Iterable<Iterable<string>> {
  const shared = tasks.length >= SHARED_FROM;
  const handed = tasks.filter((_, i) => shared && i % 2 === 1);
  // What the list reads after its runs goes before them there: this thread does the runs the other has not begun.
  q.prefetch(handed.length ? [...(jobs.first ?? []), ...(jobs.after ?? []), ...handed] : (jobs.after ?? []));
  return (function* () {
    for (const [i, task] of tasks.entries()) {
      const made = shared && i % 2 === 1 ? q.taken<A, R>(task) : undefined;
      if (!made) {
        yield run.here(...task.args);
        continue;
      }
      run.taken?.(made.value);
      yield made.value.text;
    }
  })();
}
