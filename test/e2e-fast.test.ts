// The fast import must store exactly what the precise one stores and print the
// same counts and warnings; unchanged files are skipped on re-import without
// changing any of that; every error still comes out of the precise path.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BASE, EXAMPLES, cxzy, dump, files, tmp } from './helpers.js';
import { importFast } from '../src/ingest-fast.js';
import { openDb } from '../src/store/db.js';
import { defaultRules } from '../src/rules/defaults.js';
import { Diagnostics } from '../src/load/diagnostic.js';
import { loadBatch } from '../src/load/batch.js';
import { SECTIONS } from '../src/model.js';

/** Every stored row but the bookkeeping of the fast path (gen, file hashes). */
function rows(db: string) {
  const d = dump(db);
  delete d.files;
  delete d.meta;
  for (const t of Object.values(d)) for (const r of t as Record<string, unknown>[]) delete r.gen;
  return d;
}

const importJson = (args: string[], env: Record<string, string> = {}) => {
  const r = cxzy(['import', ...args, '--format', 'json'], { env });
  return { code: r.code, json: JSON.parse(r.stdout), stderr: r.stderr };
};

describe('fast import', () => {
  it('stores the same rows and reports the same counts and warnings as the precise path, with or without workers', () => {
    const dir = tmp();
    const precise = importJson([EXAMPLES, '--db', join(dir, 'p.db')], { CXZY_PRECISE: '1' });
    const fast = importJson([EXAMPLES, '--db', join(dir, 'f.db')]);
    const inline = importJson([EXAMPLES, '--db', join(dir, 'i.db')], { CXZY_WORKERS: '0' });
    expect(precise.code).toBe(0);
    expect(fast.json).toEqual(precise.json);
    expect(inline.json).toEqual(precise.json);
    expect(fast.json.warnings.length).toBeGreaterThan(5);
    expect(rows(join(dir, 'f.db'))).toEqual(rows(join(dir, 'p.db')));
    expect(rows(join(dir, 'i.db'))).toEqual(rows(join(dir, 'p.db')));
    // A new database is written without the WAL, then left in WAL mode like any other.
    const d = new Database(join(dir, 'f.db'), { readonly: true });
    expect(d.pragma('journal_mode', { simple: true })).toBe('wal');
    d.close();
  });

  it('skips unchanged files on re-import yet reports the same warnings; a changed file is read again', () => {
    const dir = tmp();
    const data = join(dir, 'data');
    cpSync(EXAMPLES, data, { recursive: true });
    const db = join(dir, 'c.db');
    const first = importJson([data, '--db', db]);
    const second = importJson([data, '--db', db]);
    expect(second.json.warnings).toEqual(first.json.warnings);
    for (const c of Object.values(second.json.sections) as { inserted: number; updated: number }[]) expect(c.inserted + c.updated).toBe(0);
    expect(second.json.sections.reports.unchanged).toBe(578);
    const before = rows(db);

    const orgs = join(data, 'orgs.yaml');
    writeFileSync(orgs, readFileSync(orgs, 'utf8').replace('name: 红湾社区党支部', 'name: 红湾社区第一党支部'));
    const third = importJson([data, '--db', db]);
    expect(third.json.sections.orgs).toEqual({ inserted: 0, updated: 1, unchanged: 25, removed: 0 });
    expect(third.json.sections.members.unchanged).toBe(181);
    const after = rows(db);
    expect((after.orgs as { code: string; name: string }[]).find((o) => o.code === 'D0101')!.name).toBe('红湾社区第一党支部');
    expect({ ...after, orgs: [] }).toEqual({ ...before, orgs: [] });
  });

  it('a record that appears again in a changed file while its first file is skipped is still a duplicate, with its place', () => {
    const dir = files({ ...BASE });
    const db = join(dir, 'd.db');
    expect(cxzy(['import', dir, '--db', db, '-q']).code).toBe(0);
    const before = dump(db);
    writeFileSync(join(dir, 'more.yaml'), 'members:\n  - id: M2\n    name: 李四\n    org: D01\n    role: member\n');
    const r = cxzy(['import', dir, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('more.yaml:2:9');
    expect(r.stderr).toContain('members.yaml:');
    expect(dump(db)).toEqual(before);
  });

  it('a duplicate inside a bulk-loaded chunk of an empty database is found, and no database is left', () => {
    const ids = Array.from({ length: 70 }, (_, i) => `X${i}`);
    ids[64] = 'X3';
    const dir = files({ ...BASE, 'many.yaml': `members:\n${ids.map((id) => `  - id: ${id}\n    name: 某\n    org: D01\n    role: member\n`).join('')}` });
    const r = cxzy(['import', dir, '--db', join(dir, 'bulk.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`many.yaml:${2 + 64 * 4}:9`);
    expect(r.stderr).toContain('many.yaml:14');
    expect(existsSync(join(dir, 'bulk.db'))).toBe(false);
  });

  it('--replace counts a skipped file as part of the batch', () => {
    const review = (org: string) => `  - org: ${org}\n    self: 90\n    masses: {satisfied: 40, basic: 0, unsatisfied: 0}\n    superior: 90\n`;
    const dir = files({ ...BASE, 'q1/a.yaml': `period: 2011Q1\nreviews:\n${review('D01')}`, 'q1/b.yaml': `period: 2011Q1\nreviews:\n${review('D02')}` });
    const db = join(dir, 'r.db');
    expect(cxzy(['import', dir, '--db', db, '-q']).code).toBe(0);
    // b.yaml is unchanged (skipped), a.yaml now empties its section: only D01's review goes.
    writeFileSync(join(dir, 'q1', 'a.yaml'), 'period: 2011Q1\nreviews: []\n');
    const r = importJson([dir, '--db', db, '--replace']);
    expect(r.json.sections.reviews).toEqual({ inserted: 0, updated: 0, unchanged: 1, removed: 1 });
    expect((dump(db).reviews as { org: string }[]).map((x) => x.org)).toEqual(['D02']);
  });

  it('files the fast parser declines (anchors, flow style) are read precisely and stored the same', () => {
    const spec = {
      ...BASE,
      'flow.yaml': 'period: 2011Q1\nreviews: [{org: D01, self: 90, masses: {satisfied: 40, basic: 0, unsatisfied: 0}, superior: 90}]\n',
      'anchor.yaml': 'period: 2011Q1\nreports:\n  - &r {org: D01, date: "2011-01-05", title: 甲}\n  - org: D02\n    date: "2011-01-06"\n    title: 乙\n',
    };
    const a = files(spec);
    const b = files(spec);
    expect(cxzy(['import', a, '--db', join(a, 'x.db'), '-q']).code).toBe(0);
    expect(cxzy(['import', b, '--db', join(b, 'x.db'), '-q'], { env: { CXZY_PRECISE: '1' } }).code).toBe(0);
    const norm = (d: Record<string, unknown[]>) => JSON.stringify(d).replaceAll(a, '').replaceAll(b, '');
    expect(norm(rows(join(a, 'x.db')))).toEqual(norm(rows(join(b, 'x.db'))));
  });
});

describe('fast validate', () => {
  it('runs as a dry run of the fast import, which needs no progress callback to count its files', async () => {
    // It once counted files inside onFile?.(): without a progress bar it never finished and always fell back.
    const db = openDb(join(tmp(), 'd.db'), 'write');
    try {
      const r = await importFast([EXAMPLES], db, defaultRules(), { strict: false, replace: false, dryRun: true, workers: 0 });
      expect(r).not.toBeNull();
      const diags = new Diagnostics();
      const batch = loadBatch([EXAMPLES], diags);
      expect(r!.records).toBe(SECTIONS.reduce((n, s) => n + batch.records[s].length, 0));
      expect(db.prepare('SELECT COUNT(*) FROM members').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  const validate = (args: string[], env: Record<string, string> = {}) => cxzy(['validate', ...args], { env });

  it('reports what the precise path reports, against an empty database and against a stored quarter, and writes nothing', () => {
    const dir = tmp();
    const db = join(dir, 'v.db');
    for (const format of ['json', 'table']) {
      const fast = validate([EXAMPLES, '--db', db, '--format', format]);
      const precise = validate([EXAMPLES, '--db', db, '--format', format], { CXZY_PRECISE: '1' });
      expect(fast).toEqual(precise);
      expect(fast.code).toBe(0);
    }
    expect(JSON.parse(validate([EXAMPLES, '--db', db, '--format', 'json']).stdout).warnings.length).toBeGreaterThan(5);
    expect(validate([EXAMPLES, '--db', db]).stdout).toMatch(/校验通过：\d+ 个文件，\d+ 条记录/);
    expect(existsSync(db)).toBe(false);

    // The second quarter's files against a database holding the first: references resolve to stored orgs and members.
    expect(cxzy(['import', join(EXAMPLES, 'orgs.yaml'), join(EXAMPLES, 'members.yaml'), join(EXAMPLES, '2011Q1'), '--db', db, '-q']).code).toBe(0);
    const before = readFileSync(db);
    const q2 = [join(EXAMPLES, '2011Q2'), join(EXAMPLES, 'pledges.yaml'), '--db', db, '--format', 'json'];
    const fast = validate(q2);
    expect(fast).toEqual(validate(q2, { CXZY_PRECISE: '1' }));
    expect(JSON.parse(fast.stdout).valid).toBe(true);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('an error still comes with its place; a database it cannot write to is checked read-only', () => {
    const dir = files({ ...BASE, 'bad.yaml': 'members:\n  - id: M9\n    name: 钱七\n    org: NOPE\n    role: member\n' });
    const db = join(dir, 'v.db');
    const fast = validate([dir, '--db', db, '--format', 'json']);
    expect(fast).toEqual(validate([dir, '--db', db, '--format', 'json'], { CXZY_PRECISE: '1' }));
    expect(fast.code).toBe(1);
    expect(JSON.parse(fast.stdout).errors[0]).toMatchObject({ line: 4 });

    // Another process holds the write lock: the fast path waits out the timeout, then the precise path checks.
    writeFileSync(join(dir, 'bad.yaml'), 'members:\n  - id: M9\n    name: 钱七\n    org: D01\n    role: member\n');
    expect(cxzy(['import', dir, '--db', db, '-q']).code).toBe(0);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = validate([dir, '--db', db, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).valid).toBe(true);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 30_000);
});
