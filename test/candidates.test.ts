// A quarter's red-star candidates (Query.redStarCandidates) are read by a scan
// of the points while that quarter holds half the table's rows or more, and
// through the period's index once more quarters are stored: either way, the
// same records, in the same order, as the quarter's points filtered here.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cxzy, tmp } from './helpers.js';
import { BRANCHES, branchFile, orgsYaml, QUARTERS } from './year.js';
import { openDb } from '../src/store/db.js';
import { Query } from '../src/store/query.js';
import { LEADS } from '../src/core/model.js';

/** Each quarter's candidates as stored, against the points of the quarter with `min` in at least `stars` leads. */
function expectCandidates(db: string, periods: string[], min: number, stars: number): void {
  const d = openDb(db, 'read');
  try {
    for (const period of periods) {
      const q = new Query(d);
      const all = [...q.memberPoints(period)];
      const wanted = all.filter((p) => LEADS.filter((l) => p[l] >= min).length >= stars);
      expect(wanted.length, period).toBeGreaterThan(0);
      expect(wanted.length, period).toBeLessThan(all.length);
      expect(q.redStarCandidates(period, min, stars), period).toEqual(wanted);
    }
  } finally {
    d.close();
  }
}

describe('red-star candidates', () => {
  it('are the same whether a quarter holds all the points or one part in four', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'orgs.yaml'), orgsYaml());
    expect((await cxzy(['import', 'orgs.yaml', '--db', 'c.db', '-q'], { cwd: dir })).code).toBe(0);
    for (const [i, q] of QUARTERS.entries()) {
      mkdirSync(join(dir, q));
      for (const b of BRANCHES) writeFileSync(join(dir, q, `${b}.yaml`), branchFile(b, q));
      const r = await cxzy(['import', q, '--db', 'c.db', '-q'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      // One or two quarters stored: scanned; three or four: through the index. Four leads of five, and three.
      for (const [min, stars] of [
        [17, 4],
        [18, 3],
      ])
        expectCandidates(join(dir, 'c.db'), QUARTERS.slice(0, i + 1), min, stars);
    }
  });
});
