// A large YAML file read in pieces (read/pieces.ts) stores and says exactly
// what it does read whole: the same rows with the same lines, the same
// warnings at the same places, the same errors when a record is wrong, over a
// year of imports. CXZY_PIECE_BYTES cuts these small files as a real one of
// many megabytes is cut; 0 reads every file whole.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cutFile, type PieceResult } from '../src/read/pieces.js';
import { ReadQueue, type Job } from '../src/read/queue.js';
import { cxzy, dump, files, tmp } from './helpers.js';
import { bothWays, expectMovedAndPoints, imported, rows, WHOLE } from './both-ways.js';
import { BRANCHES, combined, county, member, PER_BRANCH, points } from './pieces-fixture.js';

/** 中文 in GBK. */
const GBK_CHINESE = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]);
const CUT = { CXZY_PIECE_BYTES: '512' };

describe('a large file read in pieces', () => {
  it('is cut at its items, with every piece starting where the file has it', () => {
    const dir = files({ ...county(), '2011Q1/points.yaml': points('2011Q1', () => 20) });
    const task = (f: string) => ({ index: 0, file: f, path: join(dir, f) });
    const cut = cutFile(task('2011Q1/points.yaml'), 512)!;
    expect(cut.count).toBeGreaterThan(5);
    const text = readFileSync(join(dir, '2011Q1/points.yaml'), 'utf8');
    for (let k = 0; k < cut.count; k++) {
      const { piece } = cut.piece(k);
      // The header, then the file's own lines from the piece's first.
      const head = 'period: 2011Q1\r\npoints:\r\n';
      expect(piece.text.startsWith(head)).toBe(true);
      const first = piece.headerLines + 1 + piece.offset;
      expect(text.split('\n').slice(first - 1, first - 1 + 3)).toEqual(piece.text.slice(head.length).split('\n').slice(0, 3));
    }
    expect(cutFile(task('members.yaml'), 512)!.count).toBeGreaterThan(3);
    // Read whole: small, asked for every error, not text, or a document not lists of plain items to its end.
    expect(cutFile(task('orgs.yaml'), 1 << 20)).toBeNull();
    expect(cutFile({ ...task('members.yaml'), allErrors: true }, 512)).toBeNull();
    const q = (period: string) => points(period, () => 20);
    const odd = files({
      'alias.yaml': q('2011Q1').replace('masses: {', 'masses: &m {'),
      'after.yaml': `${q('2011Q1')}period: 2011Q1\n`,
      'ended.yaml': `${q('2011Q1')}...\n---\n${q('2011Q2')}`,
      'noted.yaml': `${q('2011Q1')}--- # 二季度\n${q('2011Q2')}`,
      'empty.yaml': `${q('2011Q1')}---\nperiod: 2011Q2\n`,
      'bad.yaml': Buffer.concat([Buffer.from('# '), Buffer.from([0xff, 0xfe, 0x00, 0x41]), Buffer.from(`\n${q('2011Q1')}`)]),
    });
    for (const f of ['alias.yaml', 'after.yaml', 'ended.yaml', 'noted.yaml', 'empty.yaml', 'bad.yaml'])
      expect(cutFile({ index: 0, file: f, path: join(odd, f) }, 512), f).toBeNull();
  });

  it('cuts a file of several lists at each list’s items, never a piece across two, each with its list’s key', () => {
    const dir = files({ 'base.yaml': combined(county()) });
    const text = readFileSync(join(dir, 'base.yaml'), 'utf8');
    const cut = cutFile({ index: 0, file: 'base.yaml', path: join(dir, 'base.yaml') }, 512)!;
    const pieces = Array.from({ length: cut.count }, (_, k) => cut.piece(k).piece);
    // In the file's order, each list in several pieces.
    const keys = pieces.map((p) => p.key);
    expect([...new Set(keys)]).toEqual(['orgs', 'members', 'pledges']);
    expect(keys).toEqual([...keys].sort((a, b) => ['orgs', 'members', 'pledges'].indexOf(a) - ['orgs', 'members', 'pledges'].indexOf(b)));
    for (const key of ['orgs', 'members', 'pledges']) expect(keys.filter((k) => k === key).length, key).toBeGreaterThan(1);
    const lines = text.split('\n');
    for (const p of pieces) {
      // The file's header, then the list's key at its line, then the file's own lines from the piece's first.
      expect(p.text.startsWith(`# 虚构数据\n${p.key}:\n`), p.key).toBe(true);
      expect(lines[p.keyLine - 1]).toBe(`${p.key}:`);
      const first = p.headerLines + 1 + p.offset;
      expect(lines.slice(first - 1, first + 2)).toEqual(p.text.split('\n').slice(p.headerLines, p.headerLines + 3));
      // No item of another list.
      expect(
        p.text
          .split('\n')
          .slice(p.headerLines)
          .some((l) => /^[a-z]+:\s*$/.test(l)),
        p.key,
      ).toBe(false);
    }
    // Read whole: a key twice, a key without a list, a scalar between lists.
    const odd = files({
      'twice.yaml': `${combined(county())}orgs:\n  - code: X\n    name: 又一个\n    type: branch\n    parent: W\n    category: rural\n`,
      'bare.yaml': combined(county()).replace('pledges:\n', 'notes:\npledges:\n'),
      'scalar.yaml': combined(county()).replace('pledges:\n', 'period: 2011Q1\npledges:\n'),
    });
    for (const f of ['twice.yaml', 'bare.yaml', 'scalar.yaml']) expect(cutFile({ index: 0, file: f, path: join(odd, f) }, 512), f).toBeNull();
  });

  it('cuts a file of several lists saved on Windows (a byte-order mark, CRLF, a quarter above its lists) and stores what it stores read whole', async () => {
    const text = `\uFEFF# 说明\r\nperiod: 2011Q1\r\n${combined(county()).replaceAll('\n', '\r\n')}`;
    const dir = files({ 'base.yaml': text });
    expect(cutFile({ index: 0, file: 'base.yaml', path: join(dir, 'base.yaml') }, 512)!.count).toBeGreaterThan(6);
    const out = tmp();
    const cut = await imported([join(dir, 'base.yaml'), '--db', join(out, 'cut.db')], CUT);
    const whole = await imported([join(dir, 'base.yaml'), '--db', join(out, 'whole.db')], WHOLE);
    expect(cut.code, cut.stderr).toBe(0);
    expect(JSON.parse(JSON.stringify(cut.json), (k, v) => (k === 'at' ? undefined : v))).toEqual(
      JSON.parse(JSON.stringify(whole.json), (k, v) => (k === 'at' ? undefined : v)),
    );
    expect(rows(join(out, 'cut.db'))).toEqual(rows(join(out, 'whole.db')));
  });

  it('cuts a file of several documents (the quarters of a year, as export writes them) at each list’s items, each piece with its document’s header', () => {
    const text = `${combined(county())}---\n${points('2011Q1', () => 20)}---\n# 二季度\n${points('2011Q2', () => 19)}`;
    const dir = files({ 'year.yaml': text });
    const cut = cutFile({ index: 0, file: 'year.yaml', path: join(dir, 'year.yaml') }, 512)!;
    const lines = text.split('\n');
    const pieces = Array.from({ length: cut.count }, (_, k) => cut.piece(k).piece);
    expect(new Set(pieces.map((p) => p.key))).toEqual(new Set(['orgs', 'members', 'pledges', 'points']));
    for (const p of pieces) {
      const own = p.text.split('\n');
      // The header's lines are its document's, at their own lines; then the list's key at its line; then the items at theirs.
      for (let l = 1; l < p.headerLines; l++) expect(lines[l + p.headerOffset - 1], p.text.slice(0, 40)).toBe(own[l - 1]);
      expect(lines[p.keyLine - 1]).toBe(own[p.headerLines - 1]);
      const first = p.headerLines + 1 + p.offset;
      expect(lines.slice(first - 1, first + 2)).toEqual(own.slice(p.headerLines, p.headerLines + 3));
    }
    const second = pieces.filter((p) => p.text.startsWith('# 二季度\n'));
    expect(second.length).toBeGreaterThan(1);
    expect(second.every((p) => p.text.startsWith('# 二季度\nperiod: 2011Q2\r\npoints:\r\n'))).toBe(true);
  });

  it('stores and says what a file of several documents read whole does, over a year of imports and a correction', async () => {
    const base = county();
    const year = (q1: (b: number, i: number) => number) => `${combined(base)}---\n${points('2011Q1', q1)}---\n${points('2011Q2', () => 20)}`;
    const dir = files({ 'year.yaml': year((b, i) => 10 + ((b + i) % 10)), 'fix/year.yaml': year((b) => (b === 3 ? 5 : 19)) });
    const out = tmp();
    const steps = [[join(dir, 'year.yaml')], [join(dir, 'fix/year.yaml'), '--replace']];
    const said = await bothWays(steps, out, 512);
    expect(said.cut).toEqual(said.whole);
    expect(rows(join(out, 'cut.db'))).toEqual(rows(join(out, 'whole.db')));
    // Each quarter's figures after the correction: Q1 as corrected, Q2 as sent; each record at its line in the file.
    const d = dump(join(out, 'cut.db')).points as { member: string; period: string; study: number; src_line: number }[];
    const q1 = d.filter((p) => p.period === '2011Q1');
    expect(q1.reduce((n, p) => n + p.study, 0)).toBe((BRANCHES - 1) * PER_BRANCH * 19 + PER_BRANCH * 5);
    expect(d.filter((p) => p.period === '2011Q2').every((p) => p.study === 20)).toBe(true);
    const lines = year((b) => (b === 3 ? 5 : 19)).split('\n');
    const last = d.find((p) => p.period === '2011Q2' && p.member === member(BRANCHES - 1, PER_BRANCH - 1))!;
    expect(lines[last.src_line - 1]).toContain(`member: ${last.member}`);
    expect(lines.slice(0, last.src_line).filter((l) => l.startsWith('period: 2011Q2'))).toHaveLength(1);
  });

  it('stores and says what a file of several documents read whole does when a member transfers and the file is sent again', async () => {
    const base = county();
    const roster = base['members.yaml'].replace('\uFEFF# 党员\n', '');
    const moved = roster.replace(`- id: ${member(2, 3)}\n  name: 党员2号3\n  org: D002\n`, `- id: ${member(2, 3)}\n  name: 党员2号3\n  org: D005\n`);
    expect(moved).not.toBe(roster);
    // The second quarter's document restates the members (one moved) beside its points.
    const q2 = `period: 2011Q2\n${moved}${points('2011Q2', () => 20).replace('period: 2011Q2\r\n', '')}`;
    const dir = files({ 'year.yaml': `${combined(base)}---\n${points('2011Q1', () => 18)}---\n${q2}` });
    expect(cutFile({ index: 0, file: 'y', path: join(dir, 'year.yaml') }, 512)!.count).toBeGreaterThan(8);
    const out = tmp();
    const said = await bothWays([[join(dir, 'year.yaml')], [join(dir, 'year.yaml')]], out, 512);
    expect(said.cut).toEqual(said.whole);
    expect(rows(join(out, 'cut.db'))).toEqual(rows(join(out, 'whole.db')));
    expectMovedAndPoints(
      join(out, 'cut.db'),
      member(2, 3),
      [
        ['', 'D002'],
        ['2011Q2', 'D005'],
      ],
      [
        ['2011Q1', 18],
        ['2011Q2', 20],
      ],
      BRANCHES * PER_BRANCH,
    );
  });

  it('reads none of a file’s further pieces once one has declined: the file is read whole instead', () => {
    const dir = files({ 'points.yaml': points('2011Q1', () => 20) });
    const task = { index: 0, file: 'points.yaml', path: join(dir, 'points.yaml') };
    const queue = new ReadQueue([task], 512, 1);
    const taken = [queue.take(), queue.take()];
    expect(taken.map((j) => ('piece' in j ? j.piece.part : -1))).toEqual([0, 1]);
    expect(queue.settle({ index: 0, part: 1, status: 'declined' })).toBeNull();
    // The file is read whole next, not cut again; no further piece is handed out.
    expect(queue.take()).toEqual(task);
    expect(queue.more).toBe(false);
    // The piece still in a worker's hands comes back, and is let go.
    expect(queue.settle({ index: 0, part: 0, status: 'declined' })).toBeNull();
  });

  it('gives the oldest cut file’s pieces as they come, in order, and withdraws them when a later piece declines', () => {
    const dir = files({ 'a.yaml': points('2011Q1', () => 20), 'b.yaml': points('2011Q2', () => 19) });
    const tasks = ['a.yaml', 'b.yaml'].map((f, index) => ({ index, file: f, path: join(dir, f) }));
    const told: string[] = [];
    // Each piece's rows here are its part's number: what went out, in what order.
    const early = {
      piece: (t: { file: string }, rows: Uint8Array) => told.push(`${t.file} ${rows[0]}`),
      withdraw: (t: { file: string }) => told.push(`${t.file} withdrawn`),
    };
    const queue = new ReadQueue(tasks, 512, 2, early);
    const jobs: Job[] = [];
    while (queue.more) jobs.push(queue.take());
    const parts = (f: string) => jobs.filter((j) => j.file === f && 'piece' in j).map((j) => ('piece' in j ? j.piece.part : -1));
    const [a, b] = [parts('a.yaml'), parts('b.yaml')];
    expect(a.length).toBeGreaterThan(3);
    const ok = (index: number, part: number): PieceResult => ({
      index,
      part,
      status: 'ok',
      rows: new Uint8Array([part]),
      counts: {},
      periods: {},
      present: [],
      warnings: [],
    });
    // b's first pieces come before a's: held until a is given. a's second before its first: given after it.
    expect(queue.settle(ok(1, 0))).toBeNull();
    expect(queue.settle(ok(0, 1))).toBeNull();
    expect(told).toEqual([]);
    expect(queue.settle(ok(0, 0))).toBeNull();
    expect(told).toEqual(['a.yaml 0', 'a.yaml 1']);
    for (const part of a.slice(2, -1)) queue.settle(ok(0, part));
    const joined = queue.settle(ok(0, a.at(-1)!));
    // Every piece of a went out early: the file's result holds none of their rows, but their counts.
    expect(joined).toMatchObject({ index: 0, status: 'ok' });
    expect(joined?.status === 'ok' && joined.packed?.chunks).toEqual([]);
    expect(told).toEqual(a.map((part) => `a.yaml ${part}`));
    // Then b, from its next answer on; a piece declining withdraws what went out, and b is read whole.
    told.length = 0;
    expect(queue.settle(ok(1, 1))).toBeNull();
    expect(told).toEqual(['b.yaml 0', 'b.yaml 1']);
    expect(queue.settle({ index: 1, part: 2, status: 'declined' })).toBeNull();
    expect(told).toEqual(['b.yaml 0', 'b.yaml 1', 'b.yaml withdrawn']);
    expect(queue.take()).toEqual(tasks[1]);
    for (const part of b.slice(3)) expect(queue.settle(ok(1, part))).toBeNull();
    expect(told.length).toBe(3);
  });

  it('takes back a large file staged piece by piece when it turns out to be one stored from another folder', async () => {
    const spec = { ...county(), '2011Q1/points.yaml': points('2011Q1', (b, i) => 10 + ((b + i) % 10)) };
    const dir = files(spec);
    const db = join(tmp(), 'c.db');
    expect((await imported([dir, '--db', db], CUT)).code).toBe(0);
    const before = dump(db, { history: true });
    // The same files copied to another folder, cut as they come: each is the file stored, and nothing changes.
    const copy = files(spec);
    const again = await imported([copy, '--db', db], CUT);
    expect(again.code, again.stderr).toBe(0);
    const sections = again.json.sections as Record<string, { inserted: number; updated: number; unchanged: number }>;
    expect(Object.values(sections).every((c) => c.inserted === 0 && c.updated === 0)).toBe(true);
    expect(sections.points.unchanged).toBe(BRANCHES * PER_BRANCH);
    expect(dump(db, { history: true })).toEqual(before);
  });

  it('stores and says what the file read whole does, over a year of imports and a correction', async () => {
    const dir = files({
      ...county(),
      '2011Q1/points.yaml': points('2011Q1', (b, i) => 10 + ((b + i) % 10)),
      // Saved on a Chinese Windows: GBK, 中文 in its comment.
      '2011Q2/points.yaml': Buffer.concat([Buffer.from('# '), GBK_CHINESE, Buffer.from(`\n${points('2011Q2', () => 20)}`)]),
      'fix/2011Q1/points.yaml': points('2011Q1', (b) => (b === 3 ? 5 : 19)),
    });
    const out = tmp();
    const at = (...fs: string[]) => fs.map((f) => join(dir, f));
    const said = await bothWays([at('orgs.yaml', 'members.yaml', 'pledges.yaml', '2011Q1'), at('2011Q2'), [...at('fix'), '--replace']], out, 512);
    expect(said.cut).toEqual(said.whole);
    // The GBK file was cut, and said to be GBK as when read whole.
    expect(cutFile({ index: 0, file: 'p', path: join(dir, '2011Q2/points.yaml') }, 512)!.count).toBeGreaterThan(3);
    const warned = (k: number) => said.cut[k].warnings as { code: string; line: number }[];
    expect(warned(1).map((w) => [w.code, w.line])).toEqual([['gbk', 1]]);
    // The vague pledge, near the pledges file's end, placed at its own line.
    const vague = warned(0).find((w) => w.code === 'vague_pledge')!;
    const pledgeLines = county()['pledges.yaml'].split('\n');
    expect(pledgeLines[vague.line - 1]).toContain('content: 进一步统一思想认识');
    expect(rows(join(out, 'cut.db'))).toEqual(rows(join(out, 'whole.db')));
    // Each quarter's figures after the correction: Q1 as corrected, Q2 as sent.
    const d = dump(join(out, 'cut.db')).points as { member: string; period: string; study: number; src_line: number }[];
    const q1 = d.filter((p) => p.period === '2011Q1');
    expect(q1).toHaveLength(BRANCHES * PER_BRANCH);
    expect(q1.find((p) => p.member === member(3, 5))!.study).toBe(5);
    expect(q1.reduce((n, p) => n + p.study, 0)).toBe((BRANCHES - 1) * PER_BRANCH * 19 + PER_BRANCH * 5);
    expect(d.filter((p) => p.period === '2011Q2').every((p) => p.study === 20)).toBe(true);
    // Each record at its line in the file.
    const last = member(BRANCHES - 1, PER_BRANCH - 1);
    const lines = ['# 中文', ...points('2011Q2', () => 20).split('\n')];
    expect(lines[d.find((p) => p.period === '2011Q2' && p.member === last)!.src_line - 1]).toContain(`member: ${last}`);
  });

  it('stores and says what a file of several lists read whole does, over a year of imports and a correction', async () => {
    const base = county();
    const fixed = { ...base, 'members.yaml': base['members.yaml'].replace('name: 党员3号5', 'name: 党员三号五') };
    const dir = files({
      'base.yaml': combined(base),
      '2011Q1/points.yaml': points('2011Q1', (b, i) => 10 + ((b + i) % 10)),
      '2011Q2/points.yaml': points('2011Q2', () => 20),
      'fix/base.yaml': combined(fixed),
    });
    expect(cutFile({ index: 0, file: 'b', path: join(dir, 'base.yaml') }, 512)!.count).toBeGreaterThan(6);
    const out = tmp();
    const at = (...fs: string[]) => fs.map((f) => join(dir, f));
    const steps = [at('base.yaml', '2011Q1'), at('2011Q2'), [...at('fix/base.yaml'), '--replace']];
    const said = await bothWays(steps, out, 512);
    expect(said.cut).toEqual(said.whole);
    expect(rows(join(out, 'cut.db'))).toEqual(rows(join(out, 'whole.db')));
    // The vague pledge, in the file's last list, at its own line; the corrected name stored, with its line.
    const vague = (said.cut[0] as { warnings: { code: string; line: number }[] }).warnings.find((w) => w.code === 'vague_pledge')!;
    const lines = combined(base).split('\n');
    expect(lines[vague.line - 1]).toContain('content: 进一步统一思想认识');
    const m = dump(join(out, 'cut.db')).members as { id: string; name: string; src_line: number }[];
    const renamed = m.find((x) => x.id === member(3, 5))!;
    expect(renamed.name).toBe('党员三号五');
    expect(combined(fixed).split('\n')[renamed.src_line - 1]).toBe(`- id: ${member(3, 5)}`);
  });

  it('says the errors of a wrong record or a broken line where reading it whole does, and stores nothing', async () => {
    const good = points('2011Q1', () => 20);
    const cases = {
      value: points('2011Q1', (b, i) => (b === 9 && i === 4 ? '"二十"' : 20)),
      indent: good.replace(`  - member: ${member(8, 2)}\r\n    study: 20`, `  - member: ${member(8, 2)}\r\n      study: 20`),
      typo: good.replace(`  - member: ${member(10, 1)}\r\n    study: 20`, `  - member: ${member(10, 1)}\r\n    stduy: 20`),
      unknown: good.replace(`member: ${member(11, 7)}`, 'member: M99999'),
      // In the second quarter's document of the file.
      document: `${good}---\n${points('2011Q2', (b, i) => (b === 2 && i === 6 ? '"二十"' : 20))}`,
    };
    // One database, refused batch after refused batch: each leaves it as it was.
    const base = files(county());
    const db = join(tmp(), 'c.db');
    expect((await cxzy(['import', join(base, 'orgs.yaml'), join(base, 'members.yaml'), '--db', db, '-q'])).code).toBe(0);
    const before = rows(db);
    for (const [name, text] of Object.entries(cases)) {
      const dir = files({ '2011Q1/points.yaml': text });
      const said: string[] = [];
      for (const env of [CUT, WHOLE]) {
        const r = await cxzy(['import', join(dir, '2011Q1'), '--db', db], { env });
        expect(r.code, name).toBe(1);
        expect(rows(db), name).toEqual(before);
        said.push(r.stderr);
      }
      expect(said[0], name).toBe(said[1]);
      expect(said[0], name).toMatch(/points\.yaml:\d+:\d+/);
    }
  });
});
