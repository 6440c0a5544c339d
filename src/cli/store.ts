// What the read commands (grade, stars, quota, report) share: the rules in
// force and the store opened read-only.
import type { Ctx } from './context.js';
import { asEnvError, openDb, type DB } from '../store/db.js';
import { Query } from '../store/query.js';
import type { Rules } from '../core/rules.js';
import { loadRulesOrReport } from './rules-loader.js';
import { interruptible } from './interrupt.js';
import { Interrupted } from '../core/errors.js';

export interface Store {
  db: DB;
  q: Query;
  rules: Rules;
  close(): void;
}

export function openStore(ctx: Ctx): Store {
  const rules = loadRulesOrReport(ctx);
  const db = openDb(ctx.db.path, 'read', ctx.db.name);
  const q = new Query(db);
  return {
    db,
    q,
    rules,
    close: () => {
      q.close();
      db.close();
    },
  };
}

/** `run` with the store open, closed however it ends. */
export async function withStore<T>(ctx: Ctx, run: (s: Store) => T | Promise<T>): Promise<T> {
  const s = openStore(ctx);
  let stopped = false;
  try {
    // A city's analyses run for seconds without a turn of the event loop: Ctrl-C stops them there.
    return await interruptible(() => run(s));
  } catch (e) {
    stopped = e instanceof Interrupted;
    // A damaged page shows only when it is read.
    throw asEnvError(e, ctx.db.name);
  } finally {
    // Stopped mid-read, a statement is still open and the connection cannot close; the run ends, which closes it.
    if (!stopped) s.close();
  }
}
