// The one pipeline: whichever way a batch is read (worker threads or inline:
// test/process/threads.test.ts)
// and staged (straight into an empty database, or beside stored rows), it
// stores the same rows and reports the same counts and warnings; unchanged
// files are skipped on re-import without changing any of that; validate never
// needs the write lock.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BASE, EXAMPLES, cxzy, dump, files, importJson, storedRows as rows, tmp } from './helpers.js';

describe('import', () => {
  it('stores the same rows staged beside stored ones as straight into an empty database', async () => {
    const dir = tmp();
    const extra = files({ 'x.yaml': 'orgs:\n  - code: X1\n    name: 别处党委\n    type: committee\n    category: agency\n' });
    expect((await cxzy(['import', join(extra, 'x.yaml'), '--db', join(dir, 's.db'), '-q'])).code).toBe(0);
    const staged = await importJson([EXAMPLES, '--db', join(dir, 's.db')]);
    const direct = await importJson([EXAMPLES, '--db', join(dir, 'd.db')]);
    expect(staged.json.sections).toEqual(direct.json.sections);
    expect(staged.json.warnings).toEqual(direct.json.warnings);
    const s = rows(join(dir, 's.db'));
    s.orgs = (s.orgs as { code: string }[]).filter((o) => o.code !== 'X1');
    expect(s).toEqual(rows(join(dir, 'd.db')));
  });

  it('skips unchanged files on re-import yet reports the same warnings; a changed file is read again', async () => {
    const dir = tmp();
    const data = join(dir, 'data');
    cpSync(EXAMPLES, data, { recursive: true });
    const db = join(dir, 'c.db');
    const first = await importJson([data, '--db', db]);
    const second = await importJson([data, '--db', db]);
    expect(second.json.warnings).toEqual(first.json.warnings);
    for (const c of Object.values(second.json.sections) as { inserted: number; updated: number }[]) expect(c.inserted + c.updated).toBe(0);
    expect(second.json.sections.reports.unchanged).toBe(578);
    const before = rows(db);

    const orgs = join(data, 'orgs.yaml');
    writeFileSync(orgs, readFileSync(orgs, 'utf8').replace('name: 红湾社区党支部', 'name: 红湾社区第一党支部'));
    const third = await importJson([data, '--db', db]);
    expect(third.json.sections.orgs).toEqual({ inserted: 0, updated: 1, unchanged: 25, removed: 0 });
    expect(third.json.sections.members.unchanged).toBe(181);
    expect(third.json.warnings).toEqual(first.json.warnings);
    const after = rows(db);
    expect((after.orgs as { code: string; name: string }[]).find((o) => o.code === 'D0101')!.name).toBe('红湾社区第一党支部');
    expect({ ...after, orgs: [] }).toEqual({ ...before, orgs: [] });
  });

  it('a record that appears again in a changed file while its first file is skipped is still a duplicate, with its place', async () => {
    const dir = files({ ...BASE });
    const db = join(dir, 'd.db');
    expect((await cxzy(['import', dir, '--db', db, '-q'])).code).toBe(0);
    const before = dump(db);
    writeFileSync(join(dir, 'more.yaml'), 'members:\n  - id: M2\n    name: 李四\n    org: D01\n    role: member\n');
    const r = await cxzy(['import', dir, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('more.yaml:2:9');
    expect(r.stderr).toContain('members.yaml:6');
    expect(dump(db)).toEqual(before);
  });

  it('a duplicate inside a bulk-loaded chunk of an empty database is found, and no database is left', async () => {
    const ids = Array.from({ length: 70 }, (_, i) => `X${i}`);
    ids[64] = 'X3';
    const dir = files({ ...BASE, 'many.yaml': `members:\n${ids.map((id) => `  - id: ${id}\n    name: 某\n    org: D01\n    role: member\n`).join('')}` });
    const r = await cxzy(['import', dir, '--db', join(dir, 'bulk.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`many.yaml:${2 + 64 * 4}:9`);
    expect(r.stderr).toContain('many.yaml:14');
    expect(existsSync(join(dir, 'bulk.db'))).toBe(false);
  });

  it('--replace counts a skipped file as part of the batch', async () => {
    const review = (org: string) => `  - org: ${org}\n    self: 90\n    masses: {satisfied: 40, basic: 0, unsatisfied: 0}\n    superior: 90\n`;
    const dir = files({ ...BASE, 'q1/a.yaml': `period: 2011Q1\nreviews:\n${review('D01')}`, 'q1/b.yaml': `period: 2011Q1\nreviews:\n${review('D02')}` });
    const db = join(dir, 'r.db');
    expect((await cxzy(['import', dir, '--db', db, '-q'])).code).toBe(0);
    // b.yaml is unchanged (skipped), a.yaml now empties its section: across W01, only D01's review goes.
    writeFileSync(join(dir, 'q1', 'a.yaml'), 'period: 2011Q1\nreviews: []\n');
    const r = await importJson([dir, '--db', db, '--replace', '--org', 'W01']);
    expect(r.json.sections.reviews).toEqual({ inserted: 0, updated: 0, unchanged: 1, removed: 1 });
    expect((dump(db).reviews as { org: string }[]).map((x) => x.org)).toEqual(['D02']);
  });

  it('files the block reader declines (anchors, flow style) are read by the others and stored the same', async () => {
    const flow = {
      ...BASE,
      'r.yaml': 'period: 2011Q1\nreviews: [{org: D01, self: 90, masses: {satisfied: 40, basic: 0, unsatisfied: 0}, superior: 90}]\n',
      'i.yaml': 'period: 2011Q1\nreports:\n  - &r {org: D01, date: "2011-01-05", title: 甲}\n  - org: D02\n    date: "2011-01-06"\n    title: 乙\n',
    };
    const block = {
      ...BASE,
      'r.yaml': 'period: 2011Q1\nreviews:\n  - org: D01\n    self: 90\n    masses: {satisfied: 40, basic: 0, unsatisfied: 0}\n    superior: 90\n',
      'i.yaml': 'period: 2011Q1\nreports:\n  - {org: D01, date: "2011-01-05", title: 甲}\n  - org: D02\n    date: "2011-01-06"\n    title: 乙\n',
    };
    const a = files(flow);
    const b = files(block);
    expect((await cxzy(['import', a, '--db', join(a, 'x.db'), '-q'])).code).toBe(0);
    expect((await cxzy(['import', b, '--db', join(b, 'x.db'), '-q'])).code).toBe(0);
    // The same rows from the same folder names; a record written inline has the line of its section.
    const norm = (d: Record<string, unknown[]>) =>
      JSON.stringify(d)
        .replaceAll(a, '')
        .replaceAll(b, '')
        .replace(/"src_file":"\/r.yaml","src_line":\d+/, '')
        // What each file submitted is the same but for the files' own bytes and the time they came in.
        .replace(/"hash":"[0-9a-f]+"/g, '');
    expect(norm(rows(join(a, 'x.db')))).toEqual(norm(rows(join(b, 'x.db'))));
  });
});

describe('validate', () => {
  const validate = (args: string[]) => cxzy(['validate', ...args]);

  it('reports what a dry-run import reports, against an empty database and against a stored quarter, and writes nothing', async () => {
    const dir = tmp();
    const db = join(dir, 'v.db');
    const checked = await validate([EXAMPLES, '--db', db, '--format', 'json']);
    const dry = await importJson([EXAMPLES, '--db', db, '--dry-run']);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout).warnings).toEqual(dry.json.warnings);
    expect(JSON.parse(checked.stdout).warnings.length).toBeGreaterThan(5);
    expect((await validate([EXAMPLES, '--db', db])).stdout).toMatch(/校验通过：12 个文件，1263 条记录/);
    expect(existsSync(db)).toBe(false);

    // The second quarter's files against a database holding the first: references resolve to stored orgs and members.
    expect((await cxzy(['import', join(EXAMPLES, 'orgs.yaml'), join(EXAMPLES, 'members.yaml'), join(EXAMPLES, '2011Q1'), '--db', db, '-q'])).code).toBe(0);
    const before = readFileSync(db);
    const q2 = await validate([join(EXAMPLES, '2011Q2'), join(EXAMPLES, 'pledges.yaml'), '--db', db, '--format', 'json']);
    expect(JSON.parse(q2.stdout).valid).toBe(true);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('never waits for the write lock: another import holding it does not hold up a validate', async () => {
    const dir = files({ ...BASE, 'bad.yaml': 'members:\n  - id: M9\n    name: 钱七\n    org: NOPE\n    role: member\n' });
    const db = join(dir, 'v.db');
    expect((await cxzy(['import', join(dir, 'orgs.yaml'), '--db', db, '-q'])).code).toBe(0);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const start = Date.now();
      const r = await validate([dir, '--db', db, '--format', 'json']);
      expect(Date.now() - start).toBeLessThan(4000); // the busy timeout is 5 s
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ file: join(dir, 'bad.yaml'), line: 4, col: 10, code: 'unknown_ref' });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
