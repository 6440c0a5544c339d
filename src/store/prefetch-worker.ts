// The other thread of a read command (store/prefetch.ts): opens the database
// read-only, does each job it was given (a query, or a task: a function of the
// store), and hands back each result as soon as it has it, with a count the
// asking thread can wait on.
import { workerData, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { host } from '../core/host.js';
import { keyOf, UNCLAIMED, WORKER, type Job, type Plan } from './prefetch.js';
import type { Query } from './query.js';

const { path, jobs, port, ready, claims } = workerData as { path: string; jobs: Job[]; port: MessagePort; ready: Int32Array; claims: Int32Array };

const done = (i: number, result: { rows: unknown[] } | { value: unknown } | { error: string }) => {
  port.postMessage({ i, ...result });
  Atomics.add(ready, 0, 1);
  Atomics.notify(ready, 0);
};

/** Each job in turn, its result handed back as soon as it is done (a function: the executable's bundle has no top-level await). */
async function work(): Promise<void> {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: host.sqlite as unknown as string | undefined });
    // The shared rows of the queries done here, for the tasks after them (a bulletin's pledges need the members counted).
    const shared = new Map<string, unknown[][]>();
    const open = db;
    // Loaded only for a task: most commands hand this thread queries alone, and it starts sooner without.
    let q: Query | null = null;
    const query = async () => (q ??= new (await import('./query.js')).Query(open, (plan: Plan) => shared.get(keyOf(plan))));
    for (const [i, job] of jobs.entries()) {
      // The asking thread came to it first and does it itself.
      if (Atomics.compareExchange(claims, i, UNCLAIMED, WORKER) !== UNCLAIMED) continue;
      try {
        if ('sql' in job) {
          const rows = db
            .prepare(job.sql)
            .raw()
            .all(...job.params) as unknown[][];
          if (job.shared) shared.set(keyOf(job), rows);
          done(i, { rows });
        } else {
          // In the executable the tasks come with the worker (sea/prefetch-worker.ts); from the package, from their module.
          const run = (host.tasks?.[job.fn] ?? (await import(job.module))[job.fn]) as (q: Query, ...args: unknown[]) => unknown;
          done(i, { value: run(await query(), ...job.args) });
        }
      } catch (e) {
        done(i, { error: String(e) });
      }
    }
  } catch (e) {
    // Not opened: the asking thread does every job itself.
    for (const i of jobs.keys()) if (Atomics.compareExchange(claims, i, UNCLAIMED, WORKER) === UNCLAIMED) done(i, { error: String(e) });
  } finally {
    db?.close();
  }
}

void work();
