// The members counted per org (store/plans.ts) are read in the table's order
// and sorted by org, not through the index on org: the same rows, in the same
// order, as that index gives them; on a county whose members move between
// quarters, some inactive, with points for some.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generate, movesFile } from '../src/bench/generate.js';
import { openDb } from '../src/store/db.js';
import { PLANS } from '../src/store/plans.js';
import type { Plan } from '../src/store/prefetch.js';
import { cxzy, tmp } from './helpers.js';

let db: string;

beforeAll(async () => {
  const dir = tmp();
  const g = generate({ name: 'p', branches: 40 }, join(dir, 'in'));
  db = join(dir, 'p.db');
  expect((await cxzy(['import', join(dir, 'in'), '--db', db, '-q'])).code).toBe(0);
  const moves = join(dir, 'moves.yaml');
  movesFile(moves, g.branches, g.members);
  const r = await cxzy(['import', moves, '--db', db, '-q']);
  expect([r.code, r.stderr]).toEqual([0, '']);
}, 30_000);

const quarters = ['2011Q1', '2011Q2', '2011Q3', '2011Q4'];
const plans: [string, Plan][] = [
  ...quarters.flatMap((q): [string, Plan][] => [
    [`countsByOrg ${q}`, PLANS.countsByOrg(q)],
    [`countsWithFiles ${q}`, PLANS.countsWithFiles(q)],
    [`activeMembers ${q}`, PLANS.activeMembers(q)],
    [`activeCounts ${q}`, PLANS.activeCounts(q)],
  ]),
  ['activeMembersOver', PLANS.activeMembersOver(quarters, '2011Q3')],
];

describe('members counted per org', () => {
  it.each(plans)('%s: read in the table’s order, and the same rows as through the index on org', (_, plan) => {
    const d = openDb(db, 'read');
    try {
      const steps = (d.prepare(`EXPLAIN QUERY PLAN ${plan.sql}`).all(...plan.params) as { detail: string }[]).map((s) => s.detail);
      expect(steps.join('\n')).not.toMatch(/members_org/);
      expect(steps[0]).toBe('SCAN m');
      const rows = d
        .prepare(plan.sql)
        .raw()
        .all(...plan.params);
      const byIndex = d
        .prepare(plan.sql.replace(/GROUP BY \+(m\.)?org/, 'GROUP BY $1org'))
        .raw()
        .all(...plan.params);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(byIndex);
    } finally {
      d.close();
    }
  });
});
