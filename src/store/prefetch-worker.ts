// The other thread of a read command (store/prefetch.ts): opens the database
// read-only, runs each query it was given, and hands back each result as soon
// as it has it, with a count the asking thread can wait on.
import { workerData, type MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Plan } from './prefetch.js';

const { path, plans, port, ready } = workerData as { path: string; plans: Plan[]; port: MessagePort; ready: Int32Array };
// Started: the asking thread waits for the results now, however long the queries take.
Atomics.store(ready, 1, 1);

const done = (i: number, result: { rows: unknown[] } | { error: string }) => {
  port.postMessage({ i, ...result });
  Atomics.add(ready, 0, 1);
  Atomics.notify(ready, 0);
};

let db: Database.Database | null = null;
try {
  db = new Database(path, { readonly: true, fileMustExist: true });
  for (const [i, p] of plans.entries()) {
    try {
      done(i, {
        rows: db
          .prepare(p.sql)
          .raw()
          .all(...p.params),
      });
    } catch (e) {
      done(i, { error: String(e) });
    }
  }
} catch (e) {
  // Not opened: the asking thread runs every query itself.
  for (const i of plans.keys()) done(i, { error: String(e) });
} finally {
  db?.close();
}
