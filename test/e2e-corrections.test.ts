// The correction loop (SPEC §3): one branch resubmits and only its records
// change; --dry-run lists exactly what the import then changes; every import
// is logged and can be undone to the row; `show` looks inside; unknown codes
// get the closest ones offered, and a second code for one name is a warning.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BASE, cxzy, dump, files } from './helpers.js';
import { commandsFor } from '../src/cli/commands.js';

/** Two townships: W01 (D01, D02) and W02 (D03); members in each branch. */
const COUNTY = {
  'orgs.yaml': `${BASE['orgs.yaml']}  - code: W02
    name: 河口镇党委
    type: committee
    category: agency
  - code: D03
    name: 河口村党支部
    type: branch
    parent: W02
    category: rural
`,
  'members.yaml': `${BASE['members.yaml']}  - id: M4
    name: 赵六
    org: D03
    role: member
`,
};

const report = (org: string, date: string, title: string, adopted = 'county') =>
  `  - org: ${org}\n    date: "${date}"\n    title: ${title}\n    adopted: ${adopted}\n`;
const review = (org: string, self: number) => `  - org: ${org}\n    self: ${self}\n    masses: {satisfied: 40, basic: 5, unsatisfied: 1}\n    superior: 85\n`;
const points = (member: string, study: number) => `  - {member: ${member}, study: ${study}, excel: 19, service: 19, discipline: 19, integrity: 19}\n`;

/** Each branch's own file for 2011Q1, as branches hand them in. */
const branchFile = (org: string, members: string[], titles: string[], self = 90) =>
  `period: 2011Q1\nreviews:\n${review(org, self)}points:\n${members.map((m) => points(m, 18)).join('')}reports:\n${titles.map((t, i) => report(org, `2011-0${1 + (i % 3)}-1${i}`, t)).join('')}`;

function county() {
  return files({
    ...COUNTY,
    'q1/D01.yaml': branchFile('D01', ['M1', 'M2'], ['甲一', '甲二', '甲三']),
    'q1/D02.yaml': branchFile('D02', ['M3'], ['乙一', '乙二']),
    'q1/D03.yaml': branchFile('D03', ['M4'], ['丙一', '丙二']),
  });
}

/** Every record table and the remembered files, every column: what undo must give back exactly. */
function records(db: string) {
  const d = dump(db) as Record<string, Record<string, unknown>[]>;
  delete d.meta;
  return d;
}

async function run(dir: string, args: string[]) {
  const r = await cxzy([...args, '--format', 'json'], { cwd: dir });
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : null };
}

type Row = Record<string, unknown>;
const KEYS: Record<string, string[]> = {
  orgs: ['code'],
  // A member as it is now: its last run of quarters (its statements are in member_statements).
  members: ['id'],
  pledges: ['id'],
  reviews: ['org', 'period'],
  points: ['member', 'period'],
  reports: ['key'],
  typicals: ['key'],
};
const shown = (key: string) => key.replace(/^id:/, '');

/** What a real import changed, row by row, per section: [section, key, action]. */
function diff(before: Record<string, Row[]>, after: Record<string, Row[]>): string[] {
  const out: string[] = [];
  for (const [s, key] of Object.entries(KEYS)) {
    const id = (r: Row) => shown(key.map((k) => String(r[k])).join(' '));
    const rows = (d: Record<string, Row[]>) => (s === 'members' ? d[s].filter((r) => r.until === '~').map(({ since: _, gen: __, ...r }) => r) : d[s]);
    const old = new Map(rows(before).map((r) => [id(r), JSON.stringify(r)]));
    const now = new Map(rows(after).map((r) => [id(r), JSON.stringify(r)]));
    for (const [k, v] of now)
      if (!old.has(k)) out.push(`${s} ${k} inserted`);
      else if (old.get(k) !== v) out.push(`${s} ${k} changed`);
    for (const k of old.keys()) if (!now.has(k)) out.push(`${s} ${k} removed`);
  }
  return out.sort();
}

describe('--replace: a branch that resubmits is the whole truth for itself only', () => {
  it('one branch’s corrected file changes that branch only', async () => {
    const dir = county();
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    const before = records(join(dir, 'cxzy.db'));
    // D01 corrects a title, drops a report and a member's points, and raises its self score.
    const inbox = files({ 'D01.yaml': branchFile('D01', ['M1'], ['甲一', '甲二（更正）'], 95) });
    const r = await run(dir, ['import', join(inbox, 'D01.yaml'), '--replace']);
    expect(r.code).toBe(0);
    expect(r.json.sections.reports).toEqual({ inserted: 1, updated: 0, unchanged: 1, removed: 2 });
    expect(r.json.sections.points).toEqual({ inserted: 0, updated: 0, unchanged: 1, removed: 1 });
    expect(r.json.sections.reviews).toEqual({ inserted: 0, updated: 1, unchanged: 0, removed: 0 });
    expect(r.json.replace).toEqual([
      { section: 'reviews', period: '2011Q1', orgs: ['D01'] },
      { section: 'points', period: '2011Q1', orgs: ['D01'] },
      { section: 'reports', period: '2011Q1', orgs: ['D01'] },
    ]);
    const after = records(join(dir, 'cxzy.db'));
    // Nothing of D02 or D03 changed, in any table.
    for (const s of ['reviews', 'points', 'reports']) {
      const others = (rows: Row[]) => rows.filter((x) => x.org !== 'D01' && !['M1', 'M2'].includes(x.member as string));
      expect(others(after[s]), s).toEqual(others(before[s]));
    }
    expect((after.reports as Row[]).filter((x) => x.org === 'D01').map((x) => x.title)).toEqual(['甲一', '甲二（更正）']);
    expect((after.points as Row[]).filter((x) => x.member === 'M1' || x.member === 'M2').map((x) => x.member)).toEqual(['M1']);
  });

  it('the summary names the orgs in scope; a section the batch gives no org for removes nothing', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    const inbox = files({ 'D02.yaml': `period: 2011Q1\nreports:\n${report('D02', '2011-01-10', '乙一')}typicals: []\n` });
    const r = await cxzy(['import', join(inbox, 'D02.yaml'), '--replace'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('替换范围（--replace，只涉及以下组织，其他组织的记录不动）：');
    expect(r.stdout).toContain('信息报送 2011Q1：D02 东关社区党支部');
    expect(r.stdout).toContain('培树典型 2011Q1：本批没有任何组织的记录，不删除任何记录');
    const en = await cxzy(['import', join(inbox, 'D02.yaml'), '--replace', '--lang', 'en', '--dry-run'], { cwd: dir });
    expect(en.stdout).toContain('reports 2011Q1: D02 东关社区党支部');
  });

  it('--replace --org removes within that subtree only', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    const before = records(join(dir, 'cxzy.db'));
    // W01's resubmission lists D01's reports only: D02's go, D03 (under W02) stays.
    const inbox = files({ 'W01.yaml': `period: 2011Q1\nreports:\n${report('D01', '2011-01-10', '甲一')}` });
    const r = await run(dir, ['import', join(inbox, 'W01.yaml'), '--replace', '--org', 'W01']);
    expect(r.code).toBe(0);
    expect(r.json.replace).toEqual([{ section: 'reports', period: '2011Q1', orgs: ['D01', 'D02', 'W01'] }]);
    const after = records(join(dir, 'cxzy.db'));
    expect((after.reports as Row[]).map((x) => `${x.org} ${x.title}`)).toEqual(['D01 甲一', 'D03 丙一', 'D03 丙二']);
    // Only reports were in the batch: D02's review and points stay.
    expect(after.reviews).toEqual(before.reviews);
    expect(after.points).toEqual(before.points);
  });

  it('--org needs --replace, and must name an org', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    const no = await cxzy(['import', 'q1/D01.yaml', '--org', 'W01'], { cwd: dir });
    expect(no.code).toBe(2);
    expect(no.stderr).toContain('--org 只与 --replace 一起使用');
    const unknown = await cxzy(['import', 'q1/D01.yaml', '--replace', '--org', 'W09'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('W09');
  });
});

describe('--dry-run lists every change', () => {
  it('the JSON lists exactly the rows the real import then changes', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    // A township's resubmission: a report corrected in place, one added, one dropped (later lines move up),
    // a member moved to another branch, a new member, D02's review with another score.
    const inbox = files({
      'members.yaml': 'members:\n  - id: M2\n    name: 李四\n    org: D02\n    role: member\n  - id: M9\n    name: 孙七\n    org: D01\n    role: member\n',
      'q1.yaml': `period: 2011Q1\nreviews:\n${review('D02', 70)}reports:\n${report('D01', '2011-01-10', '甲一', 'city')}${report('D01', '2011-03-12', '甲三')}${report('D01', '2011-03-20', '甲四')}`,
    });
    const db = join(dir, 'cxzy.db');
    const before = records(db);
    const dry = await run(dir, ['import', inbox, '--replace', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(records(db)).toEqual(before);
    const real = await run(dir, ['import', inbox, '--replace']);
    expect(real.code).toBe(0);
    const changed = diff(before, records(db));
    // A member's statement is listed with its quarter: the member changes from then on.
    const member = (c: { section: string; key: string }) => (c.section === 'members' ? c.key.split(' ')[0] : c.key);
    const listed = (dry.json.changes as { section: string; key: string; action: string }[])
      .map((c) => `${c.section} ${member(c)} ${c.action === 'updated' || c.action === 'moved' ? 'changed' : c.action}`)
      .sort();
    expect(listed).toEqual(changed);
    // The counts say the same as the list.
    for (const [s, c] of Object.entries(dry.json.sections) as [string, Record<string, number>][]) {
      for (const a of ['inserted', 'updated', 'removed'])
        expect(dry.json.changes.filter((x: { section: string; action: string }) => x.section === s && x.action === a).length, `${s} ${a}`).toBe(c[a]);
    }
    // An update names each changed field, old → new, and where the new value is written.
    const moved = dry.json.changes.find((c: { section: string; key: string }) => c.section === 'members' && c.key === 'M2 2011Q1');
    expect(moved).toMatchObject({ action: 'updated', fields: [{ field: 'org', old: 'D01', new: 'D02' }], file: join(inbox, 'members.yaml'), line: 2 });
    const adopted = dry.json.changes.find((c: { key: string }) => c.key === 'D01|2011-01-10|甲一');
    expect(adopted.fields).toEqual([{ field: 'adopted', old: 'county', new: 'city' }]);
    const gone = dry.json.changes.find((c: { key: string }) => c.key === 'D01|2011-02-11|甲二');
    expect(gone).toMatchObject({ action: 'removed', file: 'q1/D01.yaml' });
    expect(real.json.sections).toEqual(dry.json.sections);
  });

  it('the terminal groups changes by org and section, each with its source, and lists every one', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    const many = Array.from({ length: 9 }, (_, i) => report('D01', `2011-02-0${i + 1}`, `新${i + 1}`)).join('');
    const inbox = files({ 'D01.yaml': `period: 2011Q1\nreviews:\n${review('D01', 93)}reports:\n${many}` });
    const r = await cxzy(['import', inbox, '--replace', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('D01 红湾社区党支部');
    expect(out).toContain('  测评：更新 1');
    expect(out).toContain('~ 更新 D01 2011Q1：自评 90 → 93（');
    expect(out).toContain('  信息报送：新增 9，删除 3');
    for (let i = 1; i <= 9; i++) expect(out).toContain(`+ 新增 D01|2011-02-0${i}|新${i}（${join(inbox, 'D01.yaml')}:`);
    expect(out.match(/^ {4}- 删除 D01\|/gm)).toHaveLength(3);
    expect(out).not.toContain('另有');
    expect(out).not.toContain('D02');
    // --limit caps the list on screen, and says so.
    const capped = await cxzy(['import', inbox, '--replace', '--dry-run', '--limit', '5'], { cwd: dir });
    expect(capped.stdout.match(/^ {4}\+ 新增 D01\|/gm)).toHaveLength(5);
    expect(capped.stdout).toContain('共 13 条变更，多于 --limit 5');
    const bad = await cxzy(['import', inbox, '--dry-run', '--limit', '0'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, 'cxzy: 用法错误：--limit 应为正整数，不是“0”\n']);
  });
});

describe('moves in the tree', () => {
  it('an org hung under another parent and a member put in another branch are warnings in validate, the dry run and import', async () => {
    const dir = files({ ...BASE });
    await cxzy(['import', '.', '-q'], { cwd: dir });
    writeFileSync(
      join(dir, 'moved.yaml'),
      'orgs:\n  - {code: W02, name: 河西乡党委, type: committee, category: rural}\n  - {code: D02, name: 东关社区党支部, type: branch, parent: W02, category: community}\nmembers:\n  - {id: M2, name: 李四, org: D02, role: member}\n',
    );
    const moved = ['组织 D02 的上级将由 W01 改为 W02', '党员 M2（李四）的所在支部将由 D01 改为 D02（所有季度）'];
    for (const args of [
      ['validate', 'moved.yaml'],
      ['import', 'moved.yaml', '--dry-run'],
      ['import', 'moved.yaml'],
    ]) {
      const r = await cxzy(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(0);
      for (const m of moved) expect(r.stderr, args.join(' ')).toContain(m);
    }
    // Imported, the tree is as the file says, and importing it again moves nothing.
    const again = await cxzy(['import', 'moved.yaml', '--strict'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('将由');
  });
});

describe('history and undo', () => {
  it('every import that writes is logged: number, time, files with hashes, counts per section', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    writeFileSync(join(dir, 'q1', 'D02.yaml'), branchFile('D02', ['M3'], ['乙一']));
    await cxzy(['import', 'q1', '--replace', '-q'], { cwd: dir });
    await cxzy(['import', 'q1', '--dry-run', '-q'], { cwd: dir });
    const log = await run(dir, ['log']);
    expect(log.code).toBe(0);
    expect(log.json.imports).toHaveLength(2);
    const [first, second] = log.json.imports;
    expect(first).toMatchObject({ number: 1, undone: null, options: { replace: false } });
    expect(first.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(first.files.map((f: { path: string }) => f.path)).toEqual(['members.yaml', 'orgs.yaml', 'q1/D01.yaml', 'q1/D02.yaml', 'q1/D03.yaml']);
    expect(first.files[0].hash).toMatch(/^[0-9a-f]{40}$/);
    expect(first.sections.orgs.inserted).toBe(5);
    // The files skipped as unchanged count as unchanged too.
    expect(second.sections.reports).toEqual({ inserted: 0, updated: 0, unchanged: 6, removed: 1 });
    expect(second.files.filter((f: { unchanged: boolean }) => f.unchanged).map((f: { path: string }) => f.path)).toEqual(['q1/D01.yaml', 'q1/D03.yaml']);
    const text = await cxzy(['log'], { cwd: dir });
    expect(text.stdout).toMatch(/ 1 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}members\.yaml 等 5 个 +新增 \d+/);
    expect(text.stdout).toContain('--replace');
  });

  it('an undo that lands while an import reads its files: the import writes nothing and says why', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    writeFileSync(join(dir, 'q1', 'D02.yaml'), branchFile('D02', ['M3'], ['乙一', '乙二', '乙三']));
    const before = dump(join(dir, 'cxzy.db'));
    // The import plans on the stored rows (the unchanged files' among them), then reads; the undo empties the database meanwhile.
    // Both commands' modules loaded first, so that each starts as soon as it is called (cli/commands.ts loads them on use).
    await commandsFor(['import']);
    await commandsFor(['undo']);
    const importing = cxzy(['import', '.'], { cwd: dir });
    const undo = await cxzy(['undo', '--yes'], { cwd: dir });
    expect(undo.code).toBe(0);
    const r = await importing;
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('另一个命令（撤销或导入）改动了数据库');
    const after = dump(join(dir, 'cxzy.db'));
    expect(after.orgs).toEqual([]);
    expect(before.orgs.length).toBeGreaterThan(0);
    // Run again, alone, it imports everything.
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    expect(dump(join(dir, 'cxzy.db')).reports.length).toBe(before.reports.length + 1);
  });

  it('an import logged before the ledger existed shows in the log and can be undone', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    // Its counts were written without a problems section, as a database of the first version has them.
    const db = new Database(join(dir, 'cxzy.db'));
    const counts = JSON.parse((db.prepare('SELECT counts FROM imports WHERE n = 1').pluck().get() as string) ?? '{}');
    delete counts.problems;
    db.prepare('UPDATE imports SET counts = ? WHERE n = 1').run(JSON.stringify(counts));
    db.close();
    const log = await cxzy(['log'], { cwd: dir });
    expect([log.code, log.stderr]).toEqual([0, '']);
    expect(log.stdout).toMatch(/ 1 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}members\.yaml 等 5 个 +新增 \d+/);
    expect((await run(dir, ['log'])).json.imports[0].sections.problems).toEqual({ inserted: 0, updated: 0, unchanged: 0, removed: 0 });
    const undo = await cxzy(['undo', '--yes'], { cwd: dir });
    expect([undo.code, undo.stderr]).toEqual([0, '']);
    expect((await run(dir, ['show', 'D01'])).code).toBe(1);
  });
  it('an import that changes no record is not logged and uses up no undo', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    // The same records, other lines: the sources move, so that import is logged; the next, with nothing new, is not.
    writeFileSync(join(dir, 'q1', 'D02.yaml'), `# 重交\n${branchFile('D02', ['M3'], ['乙一', '乙二'])}`);
    const moved = await run(dir, ['import', 'q1/D02.yaml']);
    expect(moved.json.import).toBe(2);
    writeFileSync(join(dir, 'q1', 'D02.yaml'), `# 重交\n${branchFile('D02', ['M3'], ['乙一', '乙二'])}\n`);
    const same = await cxzy(['import', 'q1/D02.yaml'], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('没有任何记录改变：这次导入不记入导入历史，也不占用撤销');
    expect(same.stdout).not.toContain('这是第');
    expect((await run(dir, ['log'])).json.imports).toHaveLength(2);
    const next = await run(dir, ['import', 'q1/D03.yaml', '--replace']);
    expect(next.json.import).toBeUndefined();
    writeFileSync(join(dir, 'q1', 'D03.yaml'), branchFile('D03', ['M4'], ['丙一']));
    expect((await run(dir, ['import', 'q1/D03.yaml', '--replace'])).json.import).toBe(3);
    expect((await run(dir, ['undo', '--yes'])).json.undone.number).toBe(3);
  });

  it('undo after a first import, an update and a --replace removal each leaves every record table as it was', async () => {
    const dir = county();
    const db = join(dir, 'cxzy.db');
    const snapshots = [];
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    snapshots.push(records(db));
    // An update: a corrected file in place (values change, lines move), a supplement to what it brought before.
    writeFileSync(join(dir, 'q1', 'D01.yaml'), branchFile('D01', ['M2', 'M1'], ['甲零', '甲一', '甲二', '甲三'], 88));
    expect((await cxzy(['import', '.', '--add', '-q'], { cwd: dir })).code).toBe(0);
    snapshots.push(records(db));
    // A --replace that removes D03's reports and points by a file elsewhere.
    const inbox = files({ 'D03.yaml': `period: 2011Q1\npoints: []\nreports:\n${report('D03', '2011-01-10', '丙一')}` });
    expect((await cxzy(['import', join(inbox, 'D03.yaml'), '--replace', '--org', 'W02', '-q'], { cwd: dir })).code).toBe(0);
    expect((records(db).points as Row[]).some((p) => p.member === 'M4')).toBe(false);
    // Walk back: each undo gives back the state before its import, row for row, the remembered files too.
    const u3 = await run(dir, ['undo']);
    expect(u3.code).toBe(0);
    expect(u3.json.undone.number).toBe(3);
    expect(u3.json.sections.points).toEqual({ deleted: 0, reverted: 0, restored: 1 });
    expect(records(db)).toEqual(snapshots[1]);
    const u2 = await cxzy(['undo'], { cwd: dir });
    expect(u2.stdout).toContain('已撤销第 2 次导入');
    expect(records(db)).toEqual(snapshots[0]);
    expect((await cxzy(['undo', '-q'], { cwd: dir })).code).toBe(0);
    expect(records(db)).toEqual(emptyTables(db));
    // Nothing left to undo.
    const none = await cxzy(['undo'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有可撤销的导入');
    // The files are read again, none skipped: the rows are those of a fresh database.
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    expect((await cxzy(['import', '.', '-q', '--db', 'fresh.db'], { cwd: dir })).code).toBe(0);
    // Without the import's number and time: the two imports may fall in different seconds.
    const noGen = (d: Record<string, unknown[]>) => JSON.stringify(d, (k, v) => (k === 'gen' || k === 'at' ? undefined : v));
    expect(noGen(records(db))).toEqual(noGen(records(join(dir, 'fresh.db'))));
    const log = await run(dir, ['log']);
    expect(log.json.imports.map((e: { number: number; undone: string | null }) => [e.number, e.undone !== null])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
  });

  it('undo with nothing to undo exits 1, and an absent database is not created', async () => {
    const dir = files({ ...BASE });
    const missing = await cxzy(['undo'], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('cxzy.db');
    const db = new Database(join(dir, 'cxzy.db'));
    db.close();
    await cxzy(['import', 'orgs.yaml', '-q'], { cwd: dir });
    expect((await cxzy(['undo', '-q'], { cwd: dir })).code).toBe(0);
    const r = await cxzy(['undo', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('there is no import to undo');
  });

  it('on a terminal, undo shows what it will revert and asks first; --yes and a pipe do not ask', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    writeFileSync(join(dir, 'q1/D01.yaml'), branchFile('D01', ['M1', 'M2'], ['甲一', '甲二']));
    await cxzy(['import', 'q1/D01.yaml', '--replace', '-q'], { cwd: dir });
    const before = records(join(dir, 'cxzy.db'));

    const no = await cxzy(['undo'], { cwd: dir, answer: '' });
    expect(no.code).toBe(0);
    expect(no.stderr).toMatch(/将撤销第 2 次导入（.*q1\/D01\.yaml.*--replace）：删除 1/);
    expect(no.stderr).toContain('确认撤销吗？');
    expect(no.stderr).toContain('已取消，数据库未改动');
    expect(records(join(dir, 'cxzy.db'))).toEqual(before);

    // Another import lands while the question waits: nothing is undone, and the user is told.
    const raced = await cxzy(['undo'], {
      cwd: dir,
      answer: 'y',
      before: async () => {
        writeFileSync(join(dir, 'q1/D02.yaml'), branchFile('D02', ['M3'], ['乙一']));
        await cxzy(['import', 'q1/D02.yaml', '--replace', '-q'], { cwd: dir });
      },
    });
    expect(raced.code).toBe(1);
    expect(raced.stderr).toContain('确认期间数据库有了新的导入');

    const yes = await cxzy(['undo'], { cwd: dir, answer: 'y' });
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain('已撤销第 3 次导入');
    const unasked = await cxzy(['undo', '--yes', '-q'], { cwd: dir, answer: 'n' });
    expect(unasked.code).toBe(0);
    expect(unasked.stderr).not.toContain('确认撤销吗');
    expect((await cxzy(['log', '--format', 'json'], { cwd: dir })).stdout).toContain('"undone"');
  });
});

/** Every record table of `db`, empty, as records() shows it. */
function emptyTables(db: string): Record<string, unknown[]> {
  return Object.fromEntries(Object.keys(records(db)).map((t) => [t, []]));
}

describe('show', () => {
  async function imported() {
    const dir = county();
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    return dir;
  }

  it('an org: its parents, children, members, reviews and grades, reports by month, each with its source', async () => {
    const dir = await imported();
    const r = await cxzy(['show', 'D01'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('D01 红湾社区党支部');
    expect(r.stdout).toContain('上级：W01 城关镇党委');
    expect(r.stdout).toContain('党员：在册 2 人，共 2 人');
    expect(r.stdout).toContain('来源：orgs.yaml:6');
    expect(r.stdout).toMatch(/2011Q1 +90\.0 +\d+\.\d% +85\.0 +\d+\.\d +\S+ .*q1\/D01\.yaml:3/);
    expect(r.stdout).toMatch(/2011-01 +1 +3 +否 +q1\/D01\.yaml:\d+/);
    const json = await run(dir, ['show', 'W01']);
    expect(json.json.kind).toBe('org');
    expect(json.json.children.map((c: { code: string }) => c.code)).toEqual(['D01', 'D02']);
    expect(json.json.org.src).toEqual({ file: 'orgs.yaml', line: 2 });
    const d01 = await run(dir, ['show', 'D01', '--period', '2011Q1']);
    expect(d01.json.quarters[0].review.src).toEqual({ file: 'q1/D01.yaml', line: 3 });
    expect(d01.json.quarters[0].grade.grade).toMatch(/good|fair|average|poor/);
    expect(d01.json.months.map((m: { month: string; count: number }) => [m.month, m.count])).toEqual([
      ['2011-01', 1],
      ['2011-02', 1],
      ['2011-03', 1],
    ]);
    expect(d01.json.last_import).toMatchObject({ number: 1 });
  });

  it("an org's pledges whole, however long, on a narrow screen too", async () => {
    const dir = county();
    const content = `为群众办实事，${'每月走访困难党员和群众十户以上，帮助解决实际困难，'.repeat(6)}年底前建成便民服务中心`;
    writeFileSync(
      join(dir, 'pledges.yaml'),
      `pledges:\n  - {id: P1, owner: D01, kind: annual, standard: feedback, content: "${content}", made: "2011-02-01", due: "2011-12-31", status: in_progress}\n`,
    );
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    for (const columns of [80, 200]) {
      const r = await cxzy(['show', 'D01'], { cwd: dir, tty: true, columns });
      expect(r.stdout).toContain(`P1：${content}`);
      expect(r.stdout).toMatch(/P1 +年度 +2011-12-31 +推进中 +pledges\.yaml:2/);
    }
  });

  it('a member: its org, points and stars by quarter', async () => {
    const dir = await imported();
    const r = await cxzy(['show', 'M1'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('M1 张三');
    expect(r.stdout).toContain('所在组织：W01 城关镇党委 › D01 红湾社区党支部');
    expect(r.stdout).toMatch(/2011Q1 +18 +19 +19 +19 +19 +0 +★★★★★ +是 +q1\/D01\.yaml:\d+/);
    const json = await run(dir, ['show', '张三']);
    expect(json.json).toMatchObject({ kind: 'member', member: { id: 'M1' }, quarters: [{ period: '2011Q1', stars: 5, red_star: true }] });
  });

  it('a name that matches several prints the candidates; an unknown code exits 1 with the closest', async () => {
    const dir = await imported();
    const many = await cxzy(['show', '社区'], { cwd: dir });
    expect(many.code).toBe(0);
    expect(many.stdout).toContain('“社区”对应 2 个组织或党员');
    expect(many.stdout).toContain('D01  红湾社区党支部（组织）');
    expect(many.stdout).toContain('D02  东关社区党支部（组织）');
    const json = await run(dir, ['show', '社区']);
    expect(json.json.candidates.map((c: { code: string }) => c.code)).toEqual(['D01', 'D02']);
    const unknown = await cxzy(['show', 'D10'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有编号或名称为“D10”的组织或党员，是否应为 D01（红湾社区党支部）');
    const typo = await cxzy(['show', '张四'], { cwd: dir });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('M1（张三）');
  });
});

describe('suggestions', () => {
  it('an unknown reference offers the codes one typo away, and the code of a name written where a code goes', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    const inbox = files({
      'r.yaml': `period: 2011Q1\nreports:\n${report('D10', '2011-03-01', '某')}${report('d03', '2011-03-02', '某')}points:\n${points('1M', 18)}`,
      'm.yaml': 'members:\n  - id: M8\n    name: 某\n    org: 河口村党支部\n    role: member\n',
    });
    const r = await run(dir, ['validate', join(inbox, 'r.yaml')]);
    const messages = r.json.errors.map((e: { message: string }) => e.message);
    expect(messages).toContain('组织“D10”不存在（本批文件和数据库中都没有），是否应为 D01（红湾社区党支部）？');
    expect(messages).toContain('组织“d03”不存在（本批文件和数据库中都没有），是否应为 D03（河口村党支部）？');
    expect(messages).toContain('党员“1M”不存在（本批文件和数据库中都没有），是否应为 M1（张三）？');
    const named = await run(dir, ['validate', join(inbox, 'm.yaml')]);
    expect(named.json.errors[0].message).toBe('这里应写编号，不是名称：“河口村党支部”，是否应为 D03（河口村党支部）？');
  });

  it('a new org or member named as another under a different code is a warning', async () => {
    const dir = county();
    await cxzy(['import', '.', '-q'], { cwd: dir });
    const inbox = files({
      'o.yaml':
        'orgs:\n  - code: D10\n    name: 红湾社区党支部\n    type: branch\n    parent: W01\n    category: community\n  - code: D11\n    name: 红湾社区党支部\n    type: branch\n    parent: W02\n    category: community\nmembers:\n  - id: M7\n    name: 张三\n    org: D01\n    role: member\n',
    });
    const r = await run(dir, ['import', inbox, '--dry-run']);
    expect(r.code).toBe(0);
    const twins = r.json.warnings.filter((w: { code: string }) => w.code === 'name_twin');
    expect(twins.map((w: { line: number; message: string }) => [w.line, w.message])).toEqual([
      [3, '组织“D10”与“D01”同名（红湾社区党支部，同属 W01，见 orgs.yaml:6）：若是同一个，请用原编号“D01”，否则会多出一个组织'],
      [14, '党员“M7”与“M1”同名（张三，同属 D01，见 members.yaml:2）：若是同一个，请用原编号“M1”，否则会多出一个党员'],
    ]);
    // Under another township the same name is another branch; re-importing the county warns of nothing.
    expect((await run(dir, ['import', '.', '--strict'])).code).toBe(0);
  });
});

describe('where the rules are', () => {
  it('the rules beside the database are in force wherever the command runs; --rules and the working folder’s come after', async () => {
    const dir = files({
      ...BASE,
      'a/cxzy.rules.yaml': 'office:\n  name: 甲县创争办\n',
      'b/cxzy.rules.yaml': 'office:\n  name: 乙县创争办\n',
      'cxzy.rules.yaml': 'office:\n  name: 本目录创争办\n',
    });
    for (const d of ['a', 'b']) expect((await cxzy(['import', 'orgs.yaml', 'members.yaml', '--db', `${d}/cxzy.db`, '-q'], { cwd: dir })).code).toBe(0);
    const rules = async (args: string[]) => (await cxzy(['rules', ...args], { cwd: dir })).stdout;
    expect(await rules(['--db', 'a/cxzy.db'])).toContain('甲县创争办');
    expect(await rules(['--db', 'b/cxzy.db'])).toContain('乙县创争办');
    expect(await rules(['--db', 'cxzy.db'])).toContain('本目录创争办');
    expect(await rules(['--db', 'a/cxzy.db', '--rules', 'b/cxzy.rules.yaml'])).toContain('乙县创争办');
  });
});

describe('the same files named another way', () => {
  it('are skipped as unchanged — by the folder given whole, or copied elsewhere — and change nothing', async () => {
    const q1 = 'period: 2011Q1\nreviews:\n  - org: D01\n    self: 90\n    masses: {satisfied: 30, basic: 5, unsatisfied: 1}\n    superior: 88\n';
    const dir = files({ ...BASE, 'q1.yaml': q1 });
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    const before = dump(join(dir, 'cxzy.db'), { history: true });
    // The folder by its absolute path, then a copy of the files in another folder.
    const again = await cxzy(['import', dir, '--format', 'json'], { cwd: dir });
    expect(again.code).toBe(0);
    const sections = JSON.parse(again.stdout).sections as Record<string, { inserted: number; updated: number; unchanged: number }>;
    expect(Object.values(sections).every((c) => c.inserted === 0 && c.updated === 0)).toBe(true);
    expect(sections.reviews.unchanged).toBe(1);
    const copy = files({ ...BASE, 'q1.yaml': q1 });
    expect((await cxzy(['import', copy, '--db', join(dir, 'cxzy.db'), '-q'], { cwd: dir })).code).toBe(0);
    // Nothing written: no import logged, no history, every row's source as it was.
    expect(dump(join(dir, 'cxzy.db'), { history: true })).toEqual(before);
  });
});
