// A batch imported both ways: its large files read in parts (a small
// CXZY_PIECE_BYTES cuts a test's files as one of many megabytes is cut) and
// read whole (0), for the tests that hold the two ways equal.
import { join } from 'node:path';
import { expect } from 'vitest';
import { cxzy, dump } from './helpers.js';

export const WHOLE = { CXZY_PIECE_BYTES: '0' };

/** `cxzy import args --format json` under `env`: its exit code, its summary and what it said on stderr. */
export async function imported(args: string[], env: Record<string, string>) {
  const r = await cxzy(['import', ...args, '--format', 'json'], { env });
  return { code: r.code, json: JSON.parse(r.stdout || 'null') as Record<string, unknown>, stderr: r.stderr };
}

/** Every stored row but the clock's. */
export function rows(db: string) {
  const d = dump(db);
  delete d.meta;
  // When each file came in (the clock's, to the second), and so when a submission was replaced.
  for (const t of ['submissions', 'history_submissions', 'imports']) for (const r of (d[t] ?? []) as Record<string, unknown>[]) delete r.at;
  return d;
}

/**
 * Each step imported in turn into `dir`/cut.db, its files cut in parts of
 * `bytes`, and into `dir`/whole.db, read whole; each must succeed. What each
 * step said, both ways, but when an earlier file came in (the clock's).
 */
export async function bothWays(steps: string[][], dir: string, bytes: number) {
  const said: Record<'cut' | 'whole', Record<string, unknown>[]> = { cut: [], whole: [] };
  for (const [env, name] of [
    [{ CXZY_PIECE_BYTES: String(bytes) }, 'cut'],
    [WHOLE, 'whole'],
  ] as const) {
    for (const step of steps) {
      const r = await imported([...step, '--db', join(dir, `${name}.db`)], env);
      expect(r.code, r.stderr).toBe(0);
      said[name].push(JSON.parse(JSON.stringify(r.json), (k, v) => (k === 'at' ? undefined : v)));
    }
  }
  return said;
}

/**
 * After a transfer: member `id`'s statements (since, branch) as stored in
 * `db`, and each quarter's points all `study` in its every one of `count`
 * members.
 */
export function expectMovedAndPoints(db: string, id: string, statements: [string, string][], studies: [string, number][], count: number): void {
  const d = dump(db);
  const stated = (d.member_statements as { id: string; since: string; org: string }[]).filter((s) => s.id === id);
  expect(stated.map((s) => [s.since, s.org]).sort()).toEqual(statements);
  const points = d.points as { period: string; study: number }[];
  for (const [period, study] of studies)
    expect(
      points.filter((p) => p.period === period).map((p) => p.study),
      period,
    ).toEqual(Array(count).fill(study));
}
