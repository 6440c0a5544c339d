// The store counts report items in SQL (services.ts); the pure quotas count
// them from records (itemsOf). Both must give the same quotas, duplicates and
// adopted items, on a generated county with duplicates and adoptions added.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../src/bench/generate.js';
import { openDb } from '../src/store/db.js';
import { Query } from '../src/store/query.js';
import { SECTION_DEFS, selectOf, type Row } from '../src/core/sections.js';
import { defaultRules } from '../src/core/rules.js';
import { itemsOf, monthQuota, periodQuota } from '../src/analyses/quota.js';
import { bulletinFromStore, monthQuotaFromStore, periodQuotaFromStore } from '../src/analyses/services.js';
import { reportsSection } from '../src/analyses/bulletin/reports.js';
import type { Report } from '../src/core/model.js';
import { cxzy, tmp } from './helpers.js';

const rules = { ...defaultRules(), quota: { ...defaultRules().quota, points: { none: 1, county: 7, city: 3, province: 40, central: 20 } } };
let db: string;

// One title sent again in another month, again in the same month at a higher and a lower level, and by an inactive branch.
const extra = `reports:
  - {org: D000001, date: "2011-04-03", title: 民情流水线, adopted: city}
  - {org: D000001, date: "2011-04-20", title: 民情流水线}
  - {org: D000001, date: "2011-05-02", title: 民情流水线, adopted: county}
  - {org: D000001, date: "2011-06-30", title: 民情流水线, adopted: province}
  - {org: D000001, date: "2011-06-01", title: 民情流水线, adopted: central}
  - {org: D000002, date: "2011-06-11", title: 同名不同支部}
  - {org: D000003, date: "2011-06-12", title: 同名不同支部}
  - {org: D000003, date: "2011-06-13", title: 同名不同支部}
  - {org: D000099, date: "2011-06-13", title: 撤销前报送, adopted: city}
  - {org: D000099, date: "2011-06-14", title: 撤销前报送}
orgs:
  - {code: D000099, name: 已撤销支部, type: branch, parent: T0000, category: rural, active: false}
`;

beforeAll(async () => {
  const dir = tmp();
  generate({ name: 'q', branches: 40 }, join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'extra.yaml'), extra);
  db = join(dir, 'q.db');
  // extra.yaml adds to the towns' reports of the same months: a supplement, said so.
  const r = await cxzy(['import', join(dir, 'in'), '--add', '--db', db, '-q']);
  expect([r.code, r.stderr]).toEqual([0, '']);
}, 30_000);

function withStore<T>(f: (q: Query, reports: Report[]) => T): T {
  const d = openDb(db, 'read');
  try {
    const rows = d.prepare(selectOf(SECTION_DEFS.reports, 'ORDER BY org, date, key')).raw().all() as Row[];
    return f(
      new Query(d),
      rows.map((r) => SECTION_DEFS.reports.fromRow(r)),
    );
  } finally {
    d.close();
  }
}

describe('report items counted in SQL', () => {
  it('give the quotas the records give, month by month and per quarter', () => {
    withStore((q, reports) => {
      expect(reports.length).toBeGreaterThan(100);
      for (const month of ['2011-04', '2011-05', '2011-06']) {
        const pure = monthQuota(month, q.orgs(), itemsOf(reports, rules), rules);
        expect(monthQuotaFromStore(q, rules, month)).toEqual(pure);
      }
      const pure = periodQuota('2011Q2', q.orgs(), itemsOf(reports, rules), q.typicals('2011Q2'), rules);
      const stored = periodQuotaFromStore(q, rules, '2011Q2');
      expect(stored).toEqual(pure);
      const d1 = stored.orgs.find((o) => o.org === 'D000001')!;
      expect(stored.duplicates.filter((d) => d.org === 'D000001').map((d) => [d.month, d.adopted, d.points, d.sources.length])).toEqual([
        ['2011-04', 'city', 3, 2],
        ['2011-06', 'central', 20, 2], // the highest adoption, not the most points
      ]);
      expect(d1.months['2011-06'].count).toBeGreaterThan(0);
      // What benchmark branches need: the months met, counted alone.
      const met = q.metMonths({ period: '2011Q2' }, rules.quota.reports_per_month);
      const metOf = (org: string) => met.filter(([o]) => o === org).length;
      expect(stored.orgs.map((o) => [o.org, metOf(o.org)])).toEqual(stored.orgs.map((o) => [o.org, o.months_met]));
      // Taken from the quarter's tallies (read above), or counted in SQL by a store that has read none: the same months.
      for (const quota of [1, rules.quota.reports_per_month, 5])
        withStore((fresh) => expect(fresh.metMonths({ period: '2011Q2' }, quota)).toEqual(q.metMonths({ period: '2011Q2' }, quota)));
      // One month alone, as the year asks for each: the orgs that met it.
      const june = new Set(q.metMonths({ month: '2011-06' }, rules.quota.reports_per_month).map(([org]) => org));
      expect(stored.orgs.filter((o) => june.has(o.org)).map((o) => o.org)).toEqual(stored.orgs.filter((o) => o.months['2011-06'].met).map((o) => o.org));
      expect(stored.orgs.filter((o) => o.months_met > 0).length).toBeGreaterThan(5);
    });
  });

  it("give the bulletin's quota to date and its adopted items", () => {
    withStore((q, reports) => {
      const b = bulletinFromStore(q, rules, '2011-05');
      const pure = reportsSection('2011-05', '2011Q2', q.orgs(), itemsOf(reports, rules), q.typicals('2011Q2'), rules);
      expect(b.reports).toEqual(pure);
      expect(b.reports.adopted.length).toBeGreaterThan(0);
      expect(b.reports.quarter.orgs[0].months).not.toHaveProperty('2011-06');
    });
  });

  it('count the members with a quarter’s points in one pass as they are counted alone', () => {
    withStore((q) => {
      const d = openDb(db, 'read');
      try {
        const count = (sql: string) => new Map(d.prepare(sql).raw().all('2011Q2') as [string, number][]);
        const alone = q.activeMembers('2011Q2');
        expect(alone.size).toBeGreaterThan(10);
        withStore((w) => {
          w.countWith('2011Q2');
          expect([...w.activeMembers('2011Q2')]).toEqual([...alone]);
          const active = new Set(w.orgs().flatMap((o) => (o.active ? [o.code] : [])));
          const rated = count(
            'SELECT m.org, COUNT(*) FROM points p JOIN members m ON m.id = p.member AND m.since <= p.period AND m.until > p.period WHERE p.period = ? AND m.active = 1 GROUP BY m.org',
          );
          expect([...w.ratedByOrg('2011Q2')]).toEqual([...rated].filter(([org]) => active.has(org)));
          const all = d.prepare('SELECT COUNT(*) FROM points WHERE period = ?').pluck().get('2011Q2');
          expect(w.pointsOf('2011Q2', null)).toBe(all);
        });
      } finally {
        d.close();
      }
    });
  });
});
