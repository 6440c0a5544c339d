// A large workbook read in shares (read/workbook/shares.ts) stores and says
// exactly what it does read whole: the same rows with the same cells, the
// same warnings in the same order, a workbook of one quarter dating its
// members, the same errors when a cell is wrong, over a year of imports.
// CXZY_PIECE_BYTES deals these small workbooks out as a real one of many
// megabytes is; 0 reads every workbook whole.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReadQueue } from '../src/read/queue.js';
import { dealSheets, readShare, type ShareTask } from '../src/read/workbook/shares.js';
import { openBook } from '../src/read/workbook/open.js';
import { documentValidator } from '../src/read/schemas.js';
import { defaultRules } from '../src/core/rules.js';
import { cxzy, dump, tmp } from './helpers.js';
import { bothWays, expectMovedAndPoints, rows, WHOLE } from './both-ways.js';
import { workbook } from './workbook-fixtures.js';
import { BRANCHES, member, PER_BRANCH, quarter, roster } from './county-book.js';

const CUT = { CXZY_PIECE_BYTES: '1024' };

const rules = () => {
  const r = defaultRules();
  return { pledges: r.pledges, stars: { max_points: r.stars.max_points } };
};

describe('a large workbook read in shares', () => {
  it('deals a workbook’s sheets out by size, each attached sheet with its section’s, and reads the rest whole', () => {
    const book = (sheets: [string, number, string?][]) => ({ sheets: sheets.map(([name, bytes, state]) => ({ name, bytes, state: state ?? 'visible' })) });
    const county = book([
      ['填表说明', 10],
      ['组织', 100],
      ['党员', 900],
      ['公开承诺', 300],
      ['党员积分', 1000],
      ['积分扣减', 50],
      ['信息报送', 400],
    ]);
    // The largest group first, to the share with the fewest bytes: points and deductions (1,050), members (900), reports to the members, pledges to the points, orgs to the members.
    expect(dealSheets(county, 2)).toEqual([
      [[3], [4, 5]],
      [[1], [2], [6]],
    ]);
    expect(dealSheets(county, 4)).toEqual([[[4, 5]], [[2]], [[6]], [[1], [3]]]);
    // A hidden sheet alone, to be named if it holds a section: read unless its name says which (it costs nothing then).
    const withHidden = book([...county.sheets.map((s) => [s.name, s.bytes] as [string, number]), ['下拉选项', 5, 'hidden'], ['党员(旧)', 900, 'veryHidden']]);
    expect(dealSheets(withHidden, 2)).toEqual([
      [[3], [4, 5], [7], [8]],
      [[1], [2], [6]],
    ]);
    // Read whole: a sheet named for no section, a section twice, deductions without their points, one section.
    const whole: [string, number][][] = [
      [
        ['组织', 100],
        ['Sheet1', 900],
      ],
      [
        ['组织', 100],
        ['党员', 900],
        ['党员(3月)', 900],
      ],
      [
        ['组织', 100],
        ['党员', 900],
        ['积分扣减', 50],
      ],
      [
        ['党员积分', 1000],
        ['积分扣减', 50],
      ],
    ];
    for (const sheets of whole) expect(dealSheets(book(sheets), 2), sheets.map(([name]) => name).join('、')).toBeNull();
  });

  it('reads the rest of a workbook whole once a share declines, and takes its other shares’ answers as let go', async () => {
    const path = join(tmp(), 'q1.xlsx');
    await workbook(path, roster());
    const task = { index: 0, file: 'q1.xlsx', path };
    expect(new ReadQueue([task], 0, 2).take()).toEqual(task);
    const queue = new ReadQueue([task], 1024, 2);
    const taken = [queue.take(), queue.take()] as ShareTask[];
    expect(taken.map((t) => t.share)).toEqual([
      { part: 0, of: 2 },
      { part: 1, of: 2 },
    ]);
    expect(queue.more).toBe(false);
    expect(queue.settle({ index: 0, part: 1, status: 'declined' })).toBeNull();
    // The workbook is read whole, by the next thread free; the share still out comes back and is let go.
    expect(queue.more).toBe(true);
    expect(queue.take()).toEqual(task);
    expect(queue.settle({ index: 0, part: 0, status: 'declined' })).toBeNull();
    expect(queue.more).toBe(false);
  });

  it('stores and says what the workbook read whole does, over a year of imports and a correction', async () => {
    const dir = tmp();
    const q1 = join(dir, '2011Q1.xlsx');
    const q1sheets = quarter('2011Q1', (b, i) => 10 + ((b + i) % 10), '2011-02');
    // An old draft of the points kept out of sight, under a name of no section: named by its headers.
    await workbook(q1, [...roster(), ...q1sheets, { name: '旧表', hidden: true, rows: q1sheets[1].rows.slice(0, 4) }]);
    await workbook(
      join(dir, '2011Q2.xlsx'),
      quarter('2011Q2', () => 20, '2011-05'),
    );
    await workbook(
      join(dir, 'fix.xlsx'),
      quarter('2011Q1', (b) => (b === 3 ? 5 : 19), '2011-02'),
    );
    // Each share of the first quarter's workbook is read, none declined.
    const dealt = dealSheets(await openBook(readFileSync(q1)), 2)!;
    expect(dealt.map((s) => s.length > 0)).toEqual([true, true]);
    for (const part of [0, 1]) {
      const task = { index: 0, file: q1, path: q1, share: { part, of: 2 } };
      expect((await readShare(task, documentValidator(), rules())).status).toBe('ok');
    }
    const steps = [[q1], [join(dir, '2011Q2.xlsx')], [join(dir, 'fix.xlsx'), '--replace']];
    const said = await bothWays(steps, dir, 1024);
    expect(said.cut).toEqual(said.whole);
    expect(rows(join(dir, 'cut.db'))).toEqual(rows(join(dir, 'whole.db')));
    // The warnings in the workbook's order, whichever share read their sheet: the members', the points', the hidden draft's, then the vague pledge.
    const warned = said.cut[0].warnings as { code: string; sheet: string; cell: string }[];
    expect(warned.map((w) => [w.code, w.sheet, w.cell])).toEqual([
      ['rows_hidden', '党员', 'A10'],
      ['rows_struck', '党员', 'A5'],
      ['rows_struck', '党员积分', 'A7'],
      ['sheet_hidden', '旧表', 'A1'],
      ['vague_pledge', '公开承诺', 'F9'],
    ]);
    const d = dump(join(dir, 'cut.db'));
    // The members, named in no quarter, are stated from the workbook's one quarter.
    const statements = d.member_statements as { id: string; since: string }[];
    expect(statements).toHaveLength(BRANCHES * PER_BRANCH);
    expect(new Set(statements.map((s) => s.since))).toEqual(new Set(['2011Q1']));
    // Each quarter's figures after the correction: Q1 as corrected, with its deductions; Q2 as sent.
    const points = d.points as { member: string; period: string; study: number; deductions: string; src_line: number }[];
    const q1points = points.filter((p) => p.period === '2011Q1');
    expect(q1points).toHaveLength(BRANCHES * PER_BRANCH);
    expect(q1points.reduce((n, p) => n + p.study, 0)).toBe((BRANCHES - 1) * PER_BRANCH * 19 + PER_BRANCH * 5);
    expect(q1points.filter((p) => p.deductions !== '[]').map((p) => [p.member, JSON.parse(p.deductions).length])).toEqual([
      [member(1, 2), 1],
      [member(6, 0), 1],
    ]);
    expect(points.filter((p) => p.period === '2011Q2').every((p) => p.study === 20)).toBe(true);
    // Each record at its row of its sheet.
    expect(q1points.find((p) => p.member === member(3, 5))!.src_line).toBe(3 * PER_BRANCH + 5 + 2);
    expect((d.problems as { id: string }[]).map((p) => p.id)).toEqual(['ZG-1', 'ZG-2']);
  });

  it('stores and says what the workbook read whole does when a member transfers and a quarter is sent again late', async () => {
    const dir = tmp();
    const q1 = join(dir, '2011Q1.xlsx');
    await workbook(q1, [...roster(), ...quarter('2011Q1', () => 18, '2011-02')]);
    // The second quarter's workbook restates the members: one has moved to another branch.
    const [, , members] = roster();
    const moved = members.rows.map((r, k) => (k > 0 && r[0] === member(2, 3) ? [r[0], r[1], 'D005', r[3]] : r));
    await workbook(join(dir, '2011Q2.xlsx'), [{ ...members, rows: moved }, ...quarter('2011Q2', () => 20, '2011-05')]);
    // The first quarter's workbook, sent again after the second: the same bytes.
    const said = await bothWays([[q1], [join(dir, '2011Q2.xlsx')], [q1]], dir, 1024);
    expect(said.cut).toEqual(said.whole);
    expect(rows(join(dir, 'cut.db'))).toEqual(rows(join(dir, 'whole.db')));
    // The member's statements: its branch from the first quarter, the new one from the second. Each quarter's points as
    // sent, the resent first quarter's unchanged.
    expectMovedAndPoints(
      join(dir, 'cut.db'),
      member(2, 3),
      [
        ['2011Q1', 'D002'],
        ['2011Q2', 'D005'],
      ],
      [
        ['2011Q1', 18],
        ['2011Q2', 20],
      ],
      BRANCHES * PER_BRANCH,
    );
  });

  it('says the errors of a wrong cell or an item without its record where reading it whole does, and stores nothing', async () => {
    const dir = tmp();
    await workbook(join(dir, 'roster.xlsx'), roster());
    const db = join(dir, 'c.db');
    expect((await cxzy(['import', join(dir, 'roster.xlsx'), '--db', db, '-q'])).code).toBe(0);
    const before = rows(db);
    const wrong = quarter('2011Q1', (b, i) => (b === 9 && i === 4 ? '二十' : 20), '2011-02');
    (wrong[2].rows[1] as unknown[])[1] = 'M99999';
    await workbook(join(dir, 'wrong.xlsx'), wrong);
    const said: string[] = [];
    for (const env of [CUT, WHOLE]) {
      const r = await cxzy(['import', join(dir, 'wrong.xlsx'), '--db', db], { env });
      expect(r.code).toBe(1);
      expect(rows(db)).toEqual(before);
      said.push(r.stderr);
    }
    expect(said[0]).toBe(said[1]);
    expect(said[0]).toContain('党员积分!D');
    expect(said[0]).toContain('积分扣减!');
  });
});
