// cxzy merge: generated counties whose codes collide, merged with --prefix
// under a city's committee. Every figure of grade, stars, quota, ledger and
// annual for a county's orgs and members in the city's database equals the
// county's own (codes mapped by the prefix); a county merged again changes
// only its own rows and undo puts them back; bad sources are refused by name
// with nothing written; more than ten sources merge in one command.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { generate, problemsFile } from '../src/bench/generate.js';
import { cxzy, dump, tmp } from './helpers.js';

const COUNTIES: [string, number][] = [
  ['c1', 105],
  ['c2', 50],
  ['c3', 30],
];
let dir = '';
const at = (name: string) => join(dir, name);

/** The codes and ids a county's database gives (org, member, pledge, problem). */
function codesOf(db: string): Set<string> {
  const d = new Database(db, { readonly: true });
  try {
    return new Set(
      ['SELECT code FROM orgs', 'SELECT id FROM members', 'SELECT id FROM pledges', 'SELECT id FROM problems'].flatMap(
        (q) => d.prepare(q).pluck().all() as string[],
      ),
    );
  } finally {
    d.close();
  }
}

/**
 * A county's output as the city's database shows it: its codes prefixed,
 * wherever they stand, its files named under the county's database, and an
 * org's name that another county's org has too followed by its county's word
 * (here, with no office area and every county's top org of one name: its prefix).
 */
function mapped(value: unknown, prefix: string, codes: Set<string>, key = '', repeated = new Set<string>()): unknown {
  if (typeof value === 'string') {
    if (key === 'file') return `${prefix}.db:${value}`;
    if (key === 'name' && repeated.has(value)) return `${value}（${prefix}）`;
    if (codes.has(value)) return `${prefix}.${value}`;
    return value.replace(/[A-Za-z0-9][A-Za-z0-9_.-]*/g, (w) => (codes.has(w) ? `${prefix}.${w}` : w));
  }
  if (Array.isArray(value)) return value.map((v) => mapped(v, prefix, codes, '', repeated));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapped(v, prefix, codes, k, repeated)]));
  return value;
}

async function json(args: string[]): Promise<unknown> {
  const r = await cxzy([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** A copy of a county's database made another county's: a database is known by the id it was created with, which a copy keeps. */
function anotherCounty(from: string, to: string): void {
  copyFileSync(from, to);
  const d = new Database(to);
  d.prepare("UPDATE meta SET value = ? WHERE key = 'id'").run(`cxzy-${randomBytes(16).toString('hex')}`);
  d.close();
}

const count = (db: string, sql: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).pluck().get() as number;
  } finally {
    d.close();
  }
};

beforeAll(async () => {
  dir = tmp();
  for (const [name, branches] of COUNTIES) {
    generate({ name, branches }, at(name));
    problemsFile(join(at(name), 'problems.yaml'), branches);
    expect((await cxzy(['import', at(name), '--db', at(`${name}.db`), '-q'])).code).toBe(0);
  }
  writeFileSync(at('city.yaml'), 'orgs:\n  - {code: CITY, name: 示范市委, type: committee, category: agency}\n');
  expect((await cxzy(['import', at('city.yaml'), '--db', at('city.db'), '-q'])).code).toBe(0);
}, 60_000);

describe('cxzy merge', () => {
  it('refuses colliding codes without --prefix, naming the code and both databases, and writes nothing', async () => {
    const before = dump(at('city.db'), { history: true });
    const r = await cxzy(['merge', at('c1.db'), at('c2.db'), '--db', at('city.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`组织编号 D000001 同时在 ${at('c1.db')} 和 ${at('c2.db')} 中`);
    expect(r.stderr).toMatch(/另有 \d+ 条记录的编号冲突/);
    expect(dump(at('city.db'), { history: true })).toEqual(before);
  });

  it("keeps every county's figures: grade, stars, quota, ledger and annual equal the county's own", async () => {
    const r = await cxzy(['merge', '--prefix', '--under', 'CITY', at('c1.db'), at('c2.db'), at('c3.db'), '--db', at('city.db'), '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sources.map((s: { prefix: string }) => s.prefix)).toEqual(['c1', 'c2', 'c3']);
    expect(out.sources[0].sections.orgs).toEqual({ inserted: count(at('c1.db'), 'SELECT COUNT(*) FROM orgs'), updated: 0, unchanged: 0, removed: 0 });
    const views = [
      ['grade', '--period', '2011Q2'],
      ['stars', '--period', '2011Q2'],
      ['quota', '--month', '2011-06'],
      ['quota', '--period', '2011Q2'],
      ['ledger', '--date', '2011-09-30'],
      ['annual', '--year', '2011'],
    ];
    // The names two counties' orgs share: the city names each such org with its county.
    const namesOf = (db: string) => {
      const d = new Database(db, { readonly: true });
      const list = d.prepare('SELECT DISTINCT name FROM orgs').pluck().all() as string[];
      d.close();
      return list;
    };
    const all = COUNTIES.flatMap(([n]) => namesOf(at(`${n}.db`)));
    const repeated = new Set(all.filter((n, i) => all.indexOf(n) !== i));
    expect(repeated.size).toBeGreaterThan(0);
    for (const [name] of COUNTIES) {
      const codes = codesOf(at(`${name}.db`));
      for (const view of views) {
        const own = await json([...view, '--db', at(`${name}.db`)]);
        const inCity = await json([...view, '--db', at('city.db'), '--org', `${name}.W`]);
        expect(inCity, `${name} ${view.join(' ')}`).toEqual(mapped(own, name, codes, '', repeated));
      }
    }
    // The city's bulletin ranks its counties, each over its whole subtree.
    const units = (
      (await json(['report', '--month', '2011-06', '--org', 'CITY', '--db', at('city.db')])) as {
        reports: { units: { org: string; orgs: number; rank: number; rate: number }[] };
      }
    ).reports.units;
    expect(units.map((u) => u.org).sort()).toEqual(['c1.W', 'c2.W', 'c3.W']);
    for (const u of units) expect(u.orgs, u.org).toBe(count(at(`${u.org.slice(0, 2)}.db`), 'SELECT COUNT(*) FROM orgs WHERE active = 1'));
    expect(units.map((u) => u.rate)).toEqual(units.map((u) => u.rate).sort((a, b) => b - a));
    expect(units[0].rank).toBe(1);
    // A problem's quarter and a member's statements' quarters are the county's own, not codes to prefix.
    const column = (db: string, sql: string) => {
      const d = new Database(db, { readonly: true });
      const v = d.prepare(sql).pluck().all();
      d.close();
      return v;
    };
    expect(column(at('city.db'), "SELECT DISTINCT period FROM problems WHERE id LIKE 'c1.%' ORDER BY 1")).toEqual(
      column(at('c1.db'), 'SELECT DISTINCT period FROM problems ORDER BY 1'),
    );
    expect(column(at('city.db'), "SELECT DISTINCT since FROM member_statements WHERE id LIKE 'c2.%' ORDER BY 1")).toEqual(['']);
    expect(column(at('city.db'), "SELECT COUNT(*) FROM members WHERE id LIKE 'c2.%'")).toEqual(column(at('c2.db'), 'SELECT COUNT(*) FROM members'));
    // Each county's top org hangs under the city's committee; every reference resolves.
    expect(count(at('city.db'), `SELECT COUNT(*) FROM orgs WHERE parent = 'CITY'`)).toBe(3);
    const d = new Database(at('city.db'), { readonly: true });
    expect(d.pragma('foreign_key_check')).toEqual([]);
    d.close();
  });

  it('merges a changed county again: only its rows change, and undo puts the database back row for row', async () => {
    const before = dump(at('city.db'));
    const c2 = new Database(at('c2.db'));
    c2.exec(`UPDATE reviews SET self = 61 WHERE org = 'D000003'; DELETE FROM typicals WHERE rowid = (SELECT MIN(rowid) FROM typicals)`);
    c2.close();
    const dry = await cxzy(['merge', '--prefix', at('c2.db'), '--db', at('city.db'), '--dry-run', '--format', 'json']);
    const sections = JSON.parse(dry.stdout).sources[0].sections;
    expect(sections.reviews).toMatchObject({ updated: 1, removed: 0 });
    expect(sections.typicals).toMatchObject({ removed: 1 });
    expect(dump(at('city.db'))).toEqual(before);

    const r = await cxzy(['merge', '--prefix', at('c2.db'), '--db', at('city.db')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('c2.db（前缀：c2）');
    const after = dump(at('city.db'));
    for (const table of ['orgs', 'members', 'pledges', 'points', 'reports', 'problems']) expect(after[table], table).toEqual(before[table]);
    const changed = (rows: unknown[]) => (rows as { org: string }[]).filter((x) => !x.org.startsWith('c2.'));
    expect(changed(after.reviews)).toEqual(changed(before.reviews));
    expect(changed(after.typicals)).toEqual(changed(before.typicals));
    expect(after.typicals.length).toBe(before.typicals.length - 1);
    expect(count(at('city.db'), `SELECT self FROM reviews WHERE org = 'c2.D000003'`)).toBe(61);

    const log = await cxzy(['log', '--db', at('city.db')], { tty: true, columns: 400 });
    expect(log.stdout).toMatch(/c2\.db.*merge --prefix/);
    // In a pipe's 80 columns the long names wrap within their column: none is cut.
    const narrow = await cxzy(['log', '--db', at('city.db')]);
    expect(narrow.stdout).not.toContain('…');
    expect(narrow.stdout.replace(/\s+/g, '')).toContain(at('c2.db'));
    // The merge of three names each of its sources.
    expect(log.stdout).toContain(`${at('c1.db')}、${at('c2.db')}、${at('c3.db')}`);
    expect((await cxzy(['undo', '--db', at('city.db'), '-q'])).code).toBe(0);
    // The generation counter goes on: a number once given is never given again.
    const { meta, ...undone } = dump(at('city.db'));
    expect(meta).toEqual([
      { key: 'gen', value: 3 },
      { key: 'id', value: expect.stringMatching(/^cxzy-[0-9a-f]{32}$/) },
    ]);
    expect(undone).toEqual({ ...before, meta: undefined });
  });

  it('refuses by name a source that is not a cxzy database, is damaged, is newer, or is the target, with nothing written', async () => {
    writeFileSync(at('notes.db'), '这不是数据库');
    copyFileSync(at('c3.db'), at('newer.db'));
    const n = new Database(at('newer.db'));
    n.pragma('user_version = 99');
    n.close();
    const bytes = Buffer.alloc(4096 * 8, 0x5a);
    anotherCounty(at('c3.db'), at('damaged.db'));
    const d = new Database(at('damaged.db'));
    const pages = d.pragma('page_count', { simple: true }) as number;
    d.close();
    const fd = await import('node:fs').then((fs) => fs.openSync(at('damaged.db'), 'r+'));
    (await import('node:fs')).writeSync(fd, bytes, 0, bytes.length, 4096 * Math.floor(pages / 2));
    (await import('node:fs')).closeSync(fd);
    const before = dump(at('city.db'), { history: true });
    const cases: [string, number, RegExp][] = [
      ['notes.db', 3, /notes\.db 不是 cxzy 数据库/],
      ['newer.db', 3, /newer\.db/],
      ['damaged.db', 3, /damaged\.db/],
      ['city.db', 2, /city\.db 就是目标数据库本身/],
      ['none.db', 3, /来源数据库 none\.db 不存在/],
    ];
    for (const [name, code, message] of cases) {
      const r = await cxzy(['merge', '--prefix', 'c3.db', name, '--db', 'city.db'], { cwd: dir });
      expect(r.code, name).toBe(code);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).not.toContain('internal error');
      expect(dump(at('city.db'), { history: true }), name).toEqual(before);
    }
  });

  it('merges more than ten sources in one command, each with its prefix', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `k${String(i + 1).padStart(2, '0')}.db`);
    for (const name of names) anotherCounty(at('c3.db'), at(name));
    const r = await cxzy(['merge', '--prefix', ...names, '--db', 'twelve.db', '-q'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(count(at('twelve.db'), 'SELECT COUNT(*) FROM orgs')).toBe(12 * count(at('c3.db'), 'SELECT COUNT(*) FROM orgs'));
    expect(count(at('twelve.db'), `SELECT COUNT(*) FROM members WHERE id LIKE 'k12.%'`)).toBe(count(at('c3.db'), 'SELECT COUNT(*) FROM members'));
  });

  it('takes a prefix from NAME=PATH or the office.code beside a source, and asks for one when neither the file name nor the rules give it', async () => {
    copyFileSync(at('c3.db'), at('芙蓉区.db'));
    const asked = await cxzy(['merge', '--prefix', '芙蓉区.db', '--db', 'named.db'], { cwd: dir });
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain('--prefix 430102=芙蓉区.db');
    expect(existsSync(at('named.db'))).toBe(false);
    const given = await cxzy(['merge', '--prefix', '430102=芙蓉区.db', '--db', 'named.db', '-q'], { cwd: dir });
    expect(given.code).toBe(0);
    expect(count(at('named.db'), `SELECT COUNT(*) FROM orgs WHERE code = '430102.W'`)).toBe(1);

    const office = tmp();
    anotherCounty(at('c3.db'), join(office, 'cxzy.db'));
    writeFileSync(join(office, 'cxzy.rules.yaml'), 'office:\n  code: "430103"\n');
    const beside = await cxzy(['merge', '--prefix', join(office, 'cxzy.db'), '--db', 'named.db', '-q'], { cwd: dir });
    expect(beside.code).toBe(0);
    expect(count(at('named.db'), `SELECT COUNT(*) FROM orgs WHERE code = '430103.W'`)).toBe(1);

    // A rules file beside a source that cannot be read stops a merge only where it must give the prefix.
    const broken = tmp();
    anotherCounty(at('c3.db'), join(broken, 'cxzy.db'));
    writeFileSync(join(broken, 'cxzy.rules.yaml'), 'office: [\n');
    const needed = await cxzy(['merge', '--prefix', join(broken, 'cxzy.db'), '--db', 'named.db'], { cwd: dir });
    expect(needed.code).not.toBe(0);
    expect(needed.stderr).toContain('cxzy.rules.yaml');
    const byName = await cxzy(['merge', '--prefix', `430104=${join(broken, 'cxzy.db')}`, '--db', 'named.db', '-q'], { cwd: dir });
    expect(byName.code).toBe(0);
    expect(count(at('named.db'), `SELECT COUNT(*) FROM orgs WHERE code = '430104.W'`)).toBe(1);
  });

  it('merges a source without a prefix again by its name: what it no longer has goes, and its sources read name.db:file', async () => {
    copyFileSync(at('c3.db'), at('plain.db'));
    expect((await cxzy(['merge', 'plain.db', '--db', 'plain-city.db', '-q'], { cwd: dir })).code).toBe(0);
    expect(count(at('plain-city.db'), `SELECT COUNT(*) FROM orgs WHERE src_file NOT LIKE 'plain.db:%'`)).toBe(0);
    const p = new Database(at('plain.db'));
    p.exec(`DELETE FROM reports WHERE rowid = (SELECT MIN(rowid) FROM reports)`);
    p.close();
    const again = JSON.parse((await cxzy(['merge', 'plain.db', '--db', 'plain-city.db', '--format', 'json'], { cwd: dir })).stdout);
    expect(again.sources[0].prefix).toBeNull();
    expect(again.sources[0].sections.reports).toMatchObject({ inserted: 0, updated: 0, removed: 1 });
    expect(again.sources[0].sections.orgs).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
    expect(count(at('plain-city.db'), 'SELECT COUNT(*) FROM reports')).toBe(count(at('plain.db'), 'SELECT COUNT(*) FROM reports'));
  });

  it('needs --under to name a committee the target holds', async () => {
    const r = await cxzy(['merge', '--prefix', 'c3.db', '--under', 'NOPE', '--db', 'city.db'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--under NOPE：目标数据库没有这个组织');
  });
});
