// Import semantics: all-or-nothing, idempotent, --replace, --dry-run, --strict,
// and the environment errors (exit 3).
import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { BASE, EXAMPLES, cxzy, dump, files, tmp } from './helpers.js';
import { defaultRules } from '../src/core/rules.js';
import { MIGRATIONS } from '../src/store/schema.js';

const q1 = (reviews: string) => `period: 2011Q1\nreviews:\n${reviews}`;
const review = (org: string, self: number) => `  - org: ${org}\n    self: ${self}\n    masses: {satisfied: 40, basic: 5, unsatisfied: 1}\n    superior: 85\n`;

async function importJson(dir: string, args: string[]) {
  const r = await cxzy(['import', ...args, '--format', 'json'], { cwd: dir });
  return { ...r, json: JSON.parse(r.stdout) };
}

describe('import', () => {
  it('stores everything and counts per section; a second import is all unchanged', async () => {
    const dir = files({ ...BASE, 'r.yaml': q1(review('D01', 90) + review('D02', 80)) });
    const first = await importJson(dir, ['.']);
    expect(first.code).toBe(0);
    expect(first.json.valid).toBe(true);
    expect(first.json.sections.orgs).toEqual({ inserted: 3, updated: 0, unchanged: 0, removed: 0 });
    expect(first.json.sections.reviews).toEqual({ inserted: 2, updated: 0, unchanged: 0, removed: 0 });
    const second = await importJson(dir, ['.']);
    for (const s of Object.values(second.json.sections) as Record<string, number>[]) {
      expect(s.inserted + s.updated + s.removed).toBe(0);
    }
    expect(second.json.sections.members.unchanged).toBe(3);
  });

  it('remembers each record’s source file and line', async () => {
    const dir = files({ ...BASE });
    expect((await cxzy(['import', '.'], { cwd: dir })).code).toBe(0);
    const rows = dump(join(dir, 'cxzy.db')).members as { id: string; src_file: string; src_line: number }[];
    expect(rows.map((r) => [r.id, r.src_file, r.src_line])).toEqual([
      ['M1', 'members.yaml', 2],
      ['M2', 'members.yaml', 6],
      ['M3', 'members.yaml', 10],
    ]);
  });

  it('counts an update and stores labels as slugs', async () => {
    const dir = files({ ...BASE });
    await cxzy(['import', '.'], { cwd: dir });
    writeFileSync(join(dir, 'members.yaml'), BASE['members.yaml'].replace('role: 党员', 'role: 预备党员'));
    const r = await importJson(dir, ['.']);
    expect(r.json.sections.members).toEqual({ inserted: 0, updated: 1, unchanged: 2, removed: 0 });
    const m2 = (dump(join(dir, 'cxzy.db')).members as { id: string; role: string }[]).find((m) => m.id === 'M2');
    expect(m2?.role).toBe('probationary');
  });

  it('on any error writes nothing: the rows are identical after a failed import', async () => {
    const dir = files({ ...BASE, 'r.yaml': q1(review('D01', 90)) });
    await cxzy(['import', '.'], { cwd: dir });
    const before = dump(join(dir, 'cxzy.db'));
    // a valid change beside an invalid reference: neither may land
    writeFileSync(join(dir, 'r.yaml'), q1(review('D01', 70) + review('D99', 80)));
    const r = await cxzy(['import', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('r.yaml:7:10  错误  组织“D99”不存在');
    expect(dump(join(dir, 'cxzy.db'))).toEqual(before);
  });

  it('a failed first import leaves no database file', async () => {
    const dir = files({ ...BASE, 'r.yaml': q1(review('D99', 90)) });
    expect((await cxzy(['import', '.'], { cwd: dir })).code).toBe(1);
    expect(existsSync(join(dir, 'cxzy.db'))).toBe(false);
  });

  it('--dry-run reports the changes and writes nothing', async () => {
    const dir = files({ ...BASE });
    const r = await importJson(dir, ['.', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.json.sections.orgs.inserted).toBe(3);
    expect(existsSync(join(dir, 'cxzy.db'))).toBe(false);
  });

  it('--replace makes the batch the whole truth for its orgs, sections and quarters only; --org widens it to a subtree', async () => {
    const dir = files({ ...BASE, 'r.yaml': q1(review('D01', 90) + review('D02', 80)), 'r2.yaml': `period: 2011Q2\nreviews:\n${review('D01', 91)}` });
    await cxzy(['import', '.'], { cwd: dir });
    const only = files({ 'r.yaml': q1(review('D01', 92)) });
    const r = await importJson(dir, [join(only, 'r.yaml'), '--replace']);
    expect(r.code).toBe(0);
    expect(r.json.sections.reviews).toEqual({ inserted: 0, updated: 1, unchanged: 0, removed: 0 });
    expect(r.json.replace).toEqual([{ section: 'reviews', period: '2011Q1', orgs: ['D01'] }]);
    const rows = () => (dump(join(dir, 'cxzy.db')).reviews as { org: string; period: string; self: number }[]).map((v) => [v.org, v.period, v.self]);
    expect(rows()).toEqual([
      ['D01', '2011Q1', 92],
      ['D01', '2011Q2', 91],
      ['D02', '2011Q1', 80],
    ]);
    // The township resubmits for all its branches: D02 is no longer listed, so it goes; 2011Q2 is not in the batch.
    const wide = await importJson(dir, [join(only, 'r.yaml'), '--replace', '--org', 'W01']);
    expect(wide.json.sections.reviews).toEqual({ inserted: 0, updated: 0, unchanged: 1, removed: 1 });
    expect(wide.json.replace).toEqual([{ section: 'reviews', period: '2011Q1', orgs: ['D01', 'D02', 'W01'] }]);
    expect(wide.json.sections.orgs.removed).toBe(0);
    expect(rows()).toEqual([
      ['D01', '2011Q1', 92],
      ['D01', '2011Q2', 91],
    ]);
  });

  it('without --replace nothing is removed', async () => {
    const dir = files({ ...BASE, 'r.yaml': q1(review('D01', 90) + review('D02', 80)) });
    await cxzy(['import', '.'], { cwd: dir });
    writeFileSync(join(dir, 'r.yaml'), q1(review('D01', 90)));
    expect((await importJson(dir, ['.'])).json.sections.reviews).toEqual({ inserted: 0, updated: 0, unchanged: 1, removed: 0 });
  });

  it('references resolve against the database as well as the batch', async () => {
    const dir = files({ ...BASE });
    await cxzy(['import', '.'], { cwd: dir });
    const later = files({ 'r.yaml': q1(review('D02', 85)) });
    const r = await cxzy(['import', join(later, 'r.yaml'), '--db', join(dir, 'cxzy.db')]);
    expect(r.code).toBe(0);
  });

  it('--strict turns warnings into errors', async () => {
    const pledge =
      'pledges:\n  - id: P1\n    owner: D01\n    kind: annual\n    standard: service\n    content: 积极为群众办实事\n    made: 2011-01-10\n    due: 2011-12-31\n    status: pending\n';
    const dir = files({ ...BASE, 'p.yaml': pledge.replace('standard: service', 'standard: feedback') });
    const lax = await importJson(dir, ['.', '--dry-run']);
    expect(lax.code).toBe(0);
    expect(lax.json.warnings.map((w: { line: number; col: number; code: string }) => [w.line, w.col, w.code])).toEqual([[6, 14, 'vague_pledge']]);
    const strict = await importJson(dir, ['.', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.json.errors[0]).toMatchObject({ file: 'p.yaml', line: 6, code: 'vague_pledge' });
    expect(existsSync(join(dir, 'cxzy.db'))).toBe(false);
  });

  it('an org pledge must follow the five goods', async () => {
    const dir = files({
      ...BASE,
      'p.yaml':
        'pledges:\n  - id: P1\n    owner: D01\n    kind: annual\n    standard: service\n    content: 年内为辖区20户困难群众办理低保\n    made: 2011-01-10\n    due: 2011-12-31\n    status: pending\n',
    });
    const r = await importJson(dir, ['.']);
    expect(r.json.errors[0]).toMatchObject({ line: 5, col: 15, code: 'standard' });
  });

  it("a pledge's owner and standard are judged against the orgs and members staged beside it or stored, on a first import and after", async () => {
    const pledge = (id: string, owner: string, standard: string) =>
      `  - id: ${id}\n    owner: ${owner}\n    kind: annual\n    standard: ${standard}\n    content: 年内为辖区20户困难群众办理低保\n    made: 2011-01-10\n    due: 2011-12-31\n    status: pending\n`;
    const list = (ps: [string, string, string][]) => `pledges:\n${ps.map(([id, owner, standard]) => pledge(id, owner, standard)).join('')}`;
    const pledges = list([
      ['P1', 'D01', 'feedback'],
      ['P2', 'D01', 'service'],
      ['P3', 'M1', 'service'],
      ['P4', 'M1', 'team'],
      ['P5', 'X9', 'service'],
      ['P6', 'D03', 'study'],
      ['P7', 'M9', 'leadership'],
    ]);
    const later = 'orgs:\n  - code: D03\n    name: 西关社区党支部\n    type: branch\n    parent: W01\n    category: community\n';
    // Each pledge takes eight lines from line 2: a standard at its fourth, an owner at its second.
    const expected = [
      ['p.yaml', 13, 'standard', 'org'],
      ['p.yaml', 29, 'standard', 'member'],
      ['p.yaml', 35, 'unknown_ref', 'X9'],
      ['p.yaml', 45, 'standard', 'org'],
      ['p.yaml', 51, 'unknown_ref', 'M9'],
    ];
    type Err = { file: string; line: number; code: string; message: string };
    const errorsOf = (r: { json: { errors: Err[] } }) =>
      r.json.errors.map((e) => [
        e.file,
        e.line,
        e.code,
        e.code === 'standard' ? (e.message.includes('五个好') ? 'org' : 'member') : /X9|M9/.exec(e.message)?.[0],
      ]);
    // A first import: every org and member staged beside the pledges.
    const first = files({ ...BASE, 'o2.yaml': later, 'p.yaml': pledges });
    const r1 = await importJson(first, ['.']);
    expect(r1.code).toBe(1);
    expect(errorsOf(r1)).toEqual(expected);
    // After: the orgs and members stored, D03 staged beside the pledges.
    const dir = files({ ...BASE });
    expect((await cxzy(['import', '.'], { cwd: dir })).code).toBe(0);
    const more = files({ 'o2.yaml': later, 'p.yaml': pledges });
    const r2 = await importJson(more, ['.', '--db', join(dir, 'cxzy.db')]);
    expect(r2.code).toBe(1);
    expect(errorsOf(r2)).toEqual(expected);
    // Put right, the pledges import, each owner an org or a member as it is.
    writeFileSync(
      join(more, 'p.yaml'),
      list([
        ['P1', 'D01', 'feedback'],
        ['P2', 'D01', 'team'],
        ['P3', 'M1', 'service'],
        ['P4', 'M1', 'study'],
        ['P5', 'M2', 'service'],
        ['P6', 'D03', 'leadership'],
        ['P7', 'M3', 'integrity'],
      ]),
    );
    const r3 = await importJson(more, ['.', '--db', join(dir, 'cxzy.db')]);
    expect([r3.code, r3.json.errors]).toEqual([0, []]);
    const stored = dump(join(dir, 'cxzy.db')).pledges as { id: string; owner_org: string | null; owner_member: string | null }[];
    expect(stored.map((p) => [p.id, p.owner_org, p.owner_member])).toEqual([
      ['P1', 'D01', null],
      ['P2', 'D01', null],
      ['P3', null, 'M1'],
      ['P4', null, 'M1'],
      ['P5', null, 'M2'],
      ['P6', 'D03', null],
      ['P7', null, 'M3'],
    ]);
  });

  it('a member without points is named for the quarters of points staged and of points files skipped as unchanged', async () => {
    const pts = (q: string, ms: string[]) =>
      `period: ${q}\npoints:\n${ms.map((m) => `  - {member: ${m}, study: 18, excel: 18, service: 18, discipline: 18, integrity: 18}\n`).join('')}`;
    const dir = files({ ...BASE, 'q1.yaml': pts('2011Q1', ['M1', 'M2', 'M3']) });
    const noPoints = (r: { json: { warnings: { file: string; line: number; code: string; message: string }[] } }) =>
      r.json.warnings.filter((w) => w.code === 'no_points').map((w) => [w.file, w.line, /M\d/.exec(w.message)?.[0], /2011Q\d/.exec(w.message)?.[0]]);
    const first = await importJson(dir, ['.']);
    expect([first.code, noPoints(first)]).toEqual([0, []]);
    // A new member: q1.yaml is skipped as unchanged, and its quarter still asks for M4's points.
    writeFileSync(join(dir, 'members.yaml'), `${BASE['members.yaml']}  - id: M4\n    name: 赵六\n    org: D02\n    role: member\n`);
    const second = await importJson(dir, ['.']);
    expect([second.code, noPoints(second)]).toEqual([0, [['members.yaml', 14, 'M4', '2011Q1']]]);
    // A second quarter's points leave out M2, and M5 joins: both quarters ask, the staged and the skipped (warnings in file order).
    writeFileSync(join(dir, 'members.yaml'), `${readFileSync(join(dir, 'members.yaml'), 'utf8')}  - id: M5\n    name: 孙七\n    org: D02\n    role: member\n`);
    writeFileSync(join(dir, 'q2.yaml'), pts('2011Q2', ['M1', 'M3', 'M4']));
    const third = await importJson(dir, ['.']);
    expect([third.code, noPoints(third)]).toEqual([
      0,
      [
        ['members.yaml', 6, 'M2', '2011Q2'],
        ['members.yaml', 14, 'M4', '2011Q1'],
        ['members.yaml', 18, 'M5', '2011Q1'],
        ['members.yaml', 18, 'M5', '2011Q2'],
      ],
    ]);
  });

  it('the bundled examples import cleanly and idempotently', async () => {
    const dir = tmp();
    const first = await importJson(dir, [EXAMPLES]);
    expect(first.code).toBe(0);
    expect(first.json.sections.orgs.inserted).toBe(26);
    expect(first.json.sections.members.inserted).toBe(181);
    const codes = new Set(first.json.warnings.map((w: { code: string }) => w.code));
    expect(codes).toEqual(new Set(['vague_pledge', 'duplicate_title', 'no_points']));
    const second = await importJson(dir, [EXAMPLES]);
    expect(second.json.sections.reports).toEqual({ inserted: 0, updated: 0, unchanged: 578, removed: 0 });
  });

  it('-q prints errors only: warnings and the summary are left out', async () => {
    const dir = tmp();
    const quiet = await cxzy(['import', EXAMPLES, '-q'], { cwd: dir });
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
    const bad = await cxzy(['import', files({ 'r.yaml': q1(review('NOPE', 90)) }), '-q'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('NOPE');
  });
});

describe('environment errors exit 3', () => {
  it('a SQLite file that is not a cxzy database', async () => {
    const dir = files({ ...BASE });
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    const r = await cxzy(['import', '.', '--db', 'other.db'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('cxzy: other.db 不是 cxzy 数据库\n');
  });

  it('a file that is not SQLite at all', async () => {
    const dir = files({ ...BASE, 'junk.db': 'hello, this is not a database, not at all, really not'.repeat(40) });
    const r = await cxzy(['import', '.', '--db', 'junk.db', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('cxzy: junk.db is not a cxzy database\n');
  });

  it('a database from an earlier cxzy is brought up to date and keeps its data, even by a read command', async () => {
    const dir = tmp();
    const db = join(dir, 'old.db');
    const d = new Database(db);
    d.exec(MIGRATIONS[0]);
    d.pragma('application_id = 0x43585a59');
    d.pragma('user_version = 1');
    d.prepare("INSERT INTO orgs VALUES ('W1', '城关镇党委', 'committee', NULL, 'agency', NULL, 1, 'orgs.yaml', 2)").run();
    d.prepare("INSERT INTO orgs VALUES ('D1', '红湾社区党支部', 'branch', 'W1', 'community', NULL, 1, 'orgs.yaml', 7)").run();
    d.prepare("INSERT INTO reviews VALUES ('D1', '2011Q1', 95, 40, 0, 0, 95, NULL, NULL, '2011-03-01', '王五', '好', 'r.yaml', 3)").run();
    d.close();
    const g = await cxzy(['grade', '--db', db, '--format', 'json']);
    expect(g.stderr).toBe('');
    expect(JSON.parse(g.stdout).orgs.map((o: { org: string; grade: string }) => [o.org, o.grade])).toEqual([['D1', 'good']]);
    const after = new Database(db, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(after.prepare('SELECT code, gen FROM orgs ORDER BY code').all()).toEqual([
      { code: 'D1', gen: 0 },
      { code: 'W1', gen: 0 },
    ]);
    after.close();
    // and an import on top of it works
    const files2 = files({ 'm.yaml': 'members:\n  - id: M1\n    name: 张三\n    org: D1\n    role: member\n' });
    expect((await cxzy(['import', files2, '--db', db, '-q'])).code).toBe(0);
  });

  it('a database with a newer schema version', async () => {
    const dir = files({ ...BASE });
    await cxzy(['import', '.'], { cwd: dir });
    const db = new Database(join(dir, 'cxzy.db'));
    db.pragma('user_version = 99');
    db.close();
    const r = await cxzy(['import', '.'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('结构版本为 99');
  });

  it('a database another process holds locked past the timeout', async () => {
    const dir = files({ ...BASE });
    const db = join(dir, 'l.db');
    expect((await cxzy(['import', dir, '--db', db, '-q'])).code).toBe(0);
    writeFileSync(join(dir, 'orgs.yaml'), readFileSync(join(dir, 'orgs.yaml'), 'utf8').replace('城关镇党委', '城关镇委'));
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      for (const env of [{}]) {
        const r = await cxzy(['import', dir, '--db', db], { env });
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('l.db');
        expect(r.stderr).not.toContain('    at ');
      }
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 30_000);

  it('usage errors exit 2', async () => {
    expect((await cxzy(['frobnicate'])).code).toBe(2);
    const noPaths = await cxzy(['import']);
    expect(noPaths.code).toBe(2);
    expect(noPaths.stderr).toContain('缺少要读的文件或文件夹（如 收件箱）');
    const noOut = await cxzy(['export']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('缺少必需的选项 --out');
    expect(noOut.stderr).not.toMatch(/required|not specified/);
    expect((await cxzy(['validate', '.', '--bogus'])).code).toBe(2);
    const lang = await cxzy(['validate', '.', '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang 只能是 zh 或 en');
  });

  it('$CXZY_DB chooses the database', async () => {
    const dir = files({ ...BASE });
    expect((await cxzy(['import', '.'], { cwd: dir, env: { CXZY_DB: 'env.db' } })).code).toBe(0);
    expect(existsSync(join(dir, 'env.db'))).toBe(true);
  });
});

describe('init', () => {
  it('writes a starter folder that imports cleanly and a rules file with every default', async () => {
    const dir = tmp();
    const r = await cxzy(['init', 'office'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'office', 'data')).sort()).toEqual([
      'members.yaml',
      'orgs.yaml',
      'pledges.yaml',
      'points.yaml',
      'reports.yaml',
      'reviews.yaml',
      'typicals.yaml',
    ]);
    const rulesText = readFileSync(join(dir, 'office', 'cxzy.rules.yaml'), 'utf8');
    expect(rulesText).toContain('# 四级定级');
    // The office settings are there, commented: the bulletin's issuer, area and number prefix.
    expect({ office: {}, ...parse(rulesText) }).toEqual(defaultRules());
    const office = rulesText.replace(/^# (office:.*| {2}.*)$/gm, '$1');
    expect(parse(office).office).toEqual({
      name: '中共示范县委创先争优活动领导小组办公室',
      area: '示范县',
      number_prefix: '县创争办',
      code: '430102',
      addressee: '各乡镇党委，县直各单位党组织',
      cc: ['市委创先争优活动领导小组办公室', '县委组织部'],
      printer: '县委创先争优活动领导小组办公室',
      requirements: '各党组织要对照本通报查漏补缺，按时报送下月材料。',
    });
    writeFileSync(join(dir, 'office', 'cxzy.rules.yaml'), office);
    expect((await cxzy(['rules', '--format', 'json'], { cwd: join(dir, 'office') })).stdout).toContain('"number_prefix": "县创争办"');
    const imp = await cxzy(['import', 'data'], { cwd: join(dir, 'office') });
    expect(imp.code).toBe(0);
    // A write that makes a new database says so: imported from the wrong folder, it would go unnoticed.
    expect(imp.stderr).toBe(`新建数据库 ${join(dir, 'office', 'cxzy.db')}\n`);
    expect((await cxzy(['import', 'data'], { cwd: join(dir, 'office') })).stderr).toBe('');
    // A read command where there is no database names the folder it looked in and how to point at another.
    const elsewhere = await cxzy(['grade'], { cwd: dir });
    expect(elsewhere.code).toBe(3);
    expect(elsewhere.stderr).toContain(`数据库 cxzy.db 不存在（在文件夹 ${dir} 中找过）。数据库在别处时用 --db 路径 指定`);
    // init never overwrites
    const again = await cxzy(['init', 'office'], { cwd: dir });
    expect(again.stderr).toContain('已存在，未覆盖');
  });
});
