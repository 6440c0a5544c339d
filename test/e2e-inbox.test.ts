// import --skip-invalid (SPEC §3): an inbox of branches' files, imported in
// part. The files with errors are left out and named with their errors, a file
// that depends on a left-out one is left out too, the rest is imported in one
// transaction, and the exit code is 4; --annotate marks the left-out workbooks.
import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, cxzy, dump, files } from './helpers.js';
import { OFFICE_SHEETS, workbook } from './workbook-fixtures.js';

const review = (org: string, self: number) =>
  `period: 2011Q1\nreviews:\n  - org: ${org}\n    self: ${self}\n    masses: {satisfied: 40, basic: 5, unsatisfied: 1}\n    superior: 85\n`;

/** Two branches' reviews (D02's self score out of range), a new org with a bad category, and a member of that org. */
function inbox(): string {
  return files({
    ...BASE,
    'q1/D01.yaml': review('D01', 90),
    'q1/D02.yaml': review('D02', 190),
    'q1/new-org.yaml': 'orgs:\n  - {code: D03, name: 新建支部, type: branch, parent: W01, category: 不知道}\n',
    'q1/new-member.yaml': 'members:\n  - {id: M9, name: 新党员, org: D03, role: member}\n',
  });
}

async function run(dir: string, args: string[]) {
  const r = await cxzy([...args, '--format', 'json'], { cwd: dir });
  return { ...r, json: JSON.parse(r.stdout) };
}

describe('import --skip-invalid', () => {
  it('imports the files that hold, leaves out and names the rest with their errors, and exits 4', async () => {
    const dir = inbox();
    const r = await cxzy(['import', '.', '--skip-invalid'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/q1\/D02\.yaml:4:11 +错误/);
    expect(r.stderr).toContain('q1/new-org.yaml:2:');
    // The member of the left-out org is left out in its turn, its error saying why.
    expect(r.stderr).toMatch(/q1\/new-member\.yaml:2:\d+ +错误 .*D03/);
    for (const f of ['q1/D02.yaml', 'q1/new-org.yaml', 'q1/new-member.yaml']) expect(r.stderr).toContain(`未导入：${f}（1 个错误）`);
    expect(r.stderr).toContain('3 个文件有错误，没有导入（见上）；其余文件已照常导入');
    expect(r.stdout).toContain('已导入 3 个文件');
    const db = dump(join(dir, 'cxzy.db'));
    expect((db.reviews as { org: string }[]).map((x) => x.org)).toEqual(['D01']);
    expect((db.members as { id: string }[]).map((x) => x.id)).toEqual(['M1', 'M2', 'M3']);
    const log = await run(dir, ['log']);
    expect(log.json.imports[0].files.map((f: { path: string }) => f.path)).toEqual(['members.yaml', 'orgs.yaml', 'q1/D01.yaml']);
  });

  it('gives the left-out files in JSON, and once corrected they import on their own', async () => {
    const dir = inbox();
    const r = await run(dir, ['import', '.', '--skip-invalid']);
    expect(r.code).toBe(4);
    expect(r.json.valid).toBe(false);
    expect(r.json.left_out).toEqual([
      { file: 'q1/D02.yaml', errors: 1 },
      { file: 'q1/new-org.yaml', errors: 1 },
      { file: 'q1/new-member.yaml', errors: 1 },
    ]);
    expect(r.json.errors.map((e: { file: string }) => e.file)).toEqual(['q1/D02.yaml', 'q1/new-org.yaml', 'q1/new-member.yaml']);
    expect(r.json.sections.reviews.inserted).toBe(1);
    expect(r.json.import).toBe(1);
    writeFileSync(join(dir, 'q1', 'D02.yaml'), review('D02', 90));
    writeFileSync(join(dir, 'q1', 'new-org.yaml'), 'orgs:\n  - {code: D03, name: 新建支部, type: branch, parent: W01, category: rural}\n');
    const again = await run(dir, ['import', '.', '--skip-invalid']);
    expect([again.code, again.json.valid, again.json.left_out]).toEqual([0, true, undefined]);
    expect(again.json.sections.reviews).toMatchObject({ inserted: 1, unchanged: 1 });
    expect(again.json.sections.members.inserted).toBe(1);
  });

  it('leaves out a file that resubmits a quarter without --replace or --add, and imports the rest', async () => {
    const dir = inbox();
    await cxzy(['import', 'orgs.yaml', 'members.yaml', 'q1/D01.yaml', '-q'], { cwd: dir });
    writeFileSync(join(dir, 'q2.yaml'), review('D02', 80).replace('2011Q1', '2011Q2'));
    writeFileSync(join(dir, 'D01-again.yaml'), review('D01', 70));
    const r = await run(dir, ['import', 'q2.yaml', 'D01-again.yaml', '--skip-invalid']);
    expect(r.code).toBe(4);
    expect(r.json.left_out).toEqual([{ file: 'D01-again.yaml', errors: 1 }]);
    expect(r.json.errors[0].code).toBe('resubmission');
    expect(r.json.sections.reviews.inserted).toBe(1);
    // D01's quarter stands as first sent until the clerk says to replace it.
    const reviews = dump(join(dir, 'cxzy.db')).reviews as { org: string; period: string; self: number }[];
    expect(reviews.map((x) => [x.org, x.period, x.self])).toEqual([
      ['D01', '2011Q1', 90],
      ['D02', '2011Q2', 80],
    ]);
  });

  it('writes nothing and exits 1 when every file has errors; a dry run leaves the database as it was', async () => {
    const dir = files({ 'a.yaml': review('D01', 190), 'b.yaml': review('D02', 190) });
    const none = await cxzy(['import', '.', '--skip-invalid'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('每个文件都有错误，没有写入任何数据');
    expect(existsSync(join(dir, 'cxzy.db'))).toBe(false);

    const box = inbox();
    await cxzy(['import', 'orgs.yaml', 'members.yaml', '-q'], { cwd: box });
    const before = dump(join(box, 'cxzy.db'), { history: true });
    const dry = await run(box, ['import', '.', '--skip-invalid', '--dry-run']);
    expect(dry.code).toBe(4);
    expect(dry.json.changes.map((c: { org: string; section: string }) => `${c.section} ${c.org}`)).toEqual(['reviews D01']);
    expect(dump(join(box, 'cxzy.db'), { history: true })).toEqual(before);
  });

  it('leaves out an old .xls in the folder with the rest imported, and annotates the left-out workbooks', async () => {
    const dir = inbox();
    writeFileSync(join(dir, 'q1', 'D02.yaml'), review('D02', 90));
    writeFileSync(join(dir, 'q1', '旧表.xls'), 'not a workbook');
    const bad = OFFICE_SHEETS.map((s) =>
      s.name === '党员积分' ? { ...s, rows: s.rows.map((row, i) => (i === 1 ? [...row.slice(0, 3), 25, ...row.slice(4)] : row)) } : s,
    );
    await workbook(join(dir, 'q1', 'D09.xlsx'), bad);
    const r = await cxzy(['import', 'orgs.yaml', 'members.yaml', 'q1', '--skip-invalid', '--annotate', 'back'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('未导入：q1/旧表.xls（1 个错误）');
    expect(r.stderr).toMatch(/未导入：q1\/D09\.xlsx（\d+ 个错误）/);
    expect(r.stderr).toContain('已为 1 个有错误的工作簿生成标注副本，在 back');
    expect(existsSync(join(dir, 'back', 'D09.xlsx'))).toBe(true);
    const db = dump(join(dir, 'cxzy.db'));
    expect((db.reviews as { org: string }[]).map((x) => x.org).sort()).toEqual(['D01', 'D02']);
  });

  it('import --annotate without --skip-invalid marks the workbooks and writes nothing', async () => {
    const dir = files({});
    const bad = OFFICE_SHEETS.map((s) =>
      s.name === '党员积分' ? { ...s, rows: s.rows.map((row, i) => (i === 1 ? [...row.slice(0, 3), 25, ...row.slice(4)] : row)) } : s,
    );
    await workbook(join(dir, 'D01.xlsx'), bad);
    const r = await cxzy(['import', 'D01.xlsx', '--annotate', 'back'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'back', 'D01.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'cxzy.db'))).toBe(false);
  });
});

describe('file names whose bytes are not UTF-8', () => {
  it('a GBK name (a Windows zip unpacked on Linux) is read, in a folder or named, shown with its bytes escaped and its GBK reading said', async () => {
    const dir = files({ 'inbox/orgs.yaml': BASE['orgs.yaml'] });
    // 党员名册.yaml, its name in GBK bytes.
    const name = Buffer.concat([Buffer.from('b5b3d4b1c3fbb2e1', 'hex'), Buffer.from('.yaml')]);
    writeFileSync(Buffer.concat([Buffer.from(`${join(dir, 'inbox')}/`), name]), 'members:\n  - {id: M1, name: 张三, org: D01, role: secretary}\n');
    const shown = 'inbox/\\xB5\\xB3\\xD4\\xB1\\xC3\\xFB\\xB2\\xE1.yaml';
    const r = await run(dir, ['import', 'inbox']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.sections.members.inserted).toBe(1);
    expect(r.json.warnings).toEqual([
      expect.objectContaining({ file: shown, code: 'name_not_utf8', message: expect.stringContaining('按 GBK 应为“党员名册.yaml”') }),
    ]);
    expect(dump(join(dir, 'cxzy.db')).members).toEqual([expect.objectContaining({ id: 'M1', src_file: shown })]);
    // Named on the command line, the name reaches cxzy with its bytes replaced: found all the same.
    const lossy = `inbox/${name.toString('utf8')}`;
    expect(lossy).toContain('\uFFFD');
    const v = await cxzy(['validate', 'inbox/orgs.yaml', lossy], { cwd: dir });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stderr).toContain(shown);
    expect(v.stderr).not.toContain('\uFFFD');
  });
});
