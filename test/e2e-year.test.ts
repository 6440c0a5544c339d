// A county's year of branch files imported as an office receives them — a
// branch late, a corrected file after the first, an old roster after a
// transfer, a branch's reports month by month, a roster with no quarter at
// the year's end — gives every quarter the figures of the same files taken in
// the right order; each import undone puts the database back row for row.
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, cxzy, dump, files, tmp } from './helpers.js';
import { BRANCHES, MEMBERS, QUARTERS, branchFile, branchOf, orgsYaml, reports } from './year.js';
import { periodMonths } from '../src/core/dates.js';
import { loadExcel } from '../src/read/workbook/excel.js';
import unzipper from 'unzipper';
import { workbookParts, zip } from './zip-parts.js';

const write = (dir: string, path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

/** An output with where each figure came from left out: the two ways name different files. */
function figures(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(figures);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['src', 'file', 'line', 'col', 'sheet', 'source', 'sources', 'points_src', 'why', 'explain'].includes(k))
        .map(([k, v]) => [k, figures(v)]),
    );
  return value;
}

async function run(dir: string, db: string, args: string[]) {
  const r = await cxzy([...args, '--db', db], { cwd: dir });
  return r;
}

/** Every figure of the year: each quarter's grades, stars and quotas, each month's quota, the ledger and the year. */
async function year(dir: string, db: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const views = [
    ...QUARTERS.flatMap((q) => [
      ['grade', '--period', q],
      ['stars', '--period', q],
      ['quota', '--period', q],
    ]),
    ...QUARTERS.flatMap(periodMonths).map((m) => ['quota', '--month', m]),
    ['annual', '--year', '2011'],
    ['report', '--month', '2011-12'],
  ];
  for (const v of views) {
    const r = await run(dir, db, [...v, '--format', 'json']);
    expect(r.code, `${v.join(' ')}: ${r.stderr}`).toBe(0);
    out[v.join(' ')] = figures(JSON.parse(r.stdout));
  }
  return out;
}

describe('a year of files, as an office receives them', () => {
  it('gives every quarter the figures of the files taken in the right order, and each import undone gives the database back row for row', async () => {
    const dir = tmp();
    write(dir, 'orgs.yaml', orgsYaml());
    for (const q of QUARTERS) for (const b of BRANCHES) write(dir, `right/${q}/${b}.yaml`, branchFile(b, q));

    // The right order: the orgs, then each quarter's files.
    expect((await run(dir, 'right.db', ['import', 'orgs.yaml', '-q'])).code).toBe(0);
    for (const q of QUARTERS) expect((await run(dir, 'right.db', ['import', `right/${q}`, '-q'])).code).toBe(0);

    // As the office receives them.
    const db = 'office.db';
    // The records as each import found them (the generation counter, which never goes back, aside).
    const state = () => {
      const d = dump(join(dir, db));
      delete d.meta;
      return d;
    };
    const snapshots: Record<string, unknown[]>[] = [];
    const step = async (args: string[], code = 0) => {
      const first = snapshots.length === 0 && code === 0;
      const whole = first ? null : dump(join(dir, db), { history: true });
      const r = await run(dir, db, args);
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(code);
      // Refused: nothing written, the history included.
      if (code !== 0) expect(dump(join(dir, db), { history: true })).toEqual(whole);
      return r;
    };
    const imported = async (args: string[]) => {
      const before = snapshots.length === 0 ? null : state();
      const r = await step(args);
      snapshots.push(before ?? {});
      return r;
    };
    await imported(['import', 'orgs.yaml', 'right/2011Q1', '-q']);
    // Q2 without D0102, which is late.
    await imported(['import', ...BRANCHES.filter((b) => b !== 'D0102').map((b) => `right/2011Q2/${b}.yaml`), '-q']);
    const chase = await run(dir, db, ['status', '--period', '2011Q2', '--missing', '--format', 'json']);
    expect(JSON.parse(chase.stdout).branches.map((b: { org: string; missing: string[] }) => [b.org, b.missing])).toEqual([
      ['D0102', ['review', 'points', 'reports:2011-04', 'reports:2011-05', 'reports:2011-06']],
    ]);
    // The list to send round, and the 催报通知 as a Word document.
    const notice = await run(dir, db, ['status', '--period', '2011Q2', '--out', '催报.docx', '--date', '2011-07-05', '--number', '3']);
    expect(notice.stderr).toContain('已写入 催报.docx（缺报的党支部 1 个）');
    const zipped = await unzipper.Open.file(join(dir, '催报.docx'));
    const xml = (await zipped.files.find((f) => f.path === 'word/document.xml')!.buffer()).toString('utf8');
    const words = xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
    expect(words).toContain('关于催报2011年第二季度创先争优报送材料的通知');
    expect(words).toContain('截至2011年7月5日，2011年第二季度创先争优报送材料，20个党支部中已报齐19个，尚有1个未报齐');
    expect(words).toContain('请以上党支部于2011年7月11日前补报所缺材料');
    expect(words).toContain('测评、积分（10人）、4月信息（差3条）、5月信息（差3条）、6月信息（差3条）');
    expect((await run(dir, db, ['status', '--period', '2011Q2', '--missing', '--out', '催报名单.xlsx'])).code).toBe(0);
    const Excel = await loadExcel();
    const book = new Excel.Workbook();
    await book.xlsx.readFile(join(dir, '催报名单.xlsx'));
    const rows = (book.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 4));
    expect(rows).toEqual([
      ['编号', '名称', '缺报'],
      ['D0102', '第2党支部（城关）', '测评、积分（10人）、4月信息（差3条）、5月信息（差3条）、6月信息（差3条）'],
    ]);
    // Q3, D0105's first file with a report too many and one mistitled; M000016 comes to D0101 from D0102.
    write(
      dir,
      'office/2011Q3/D0105.yaml',
      branchFile('D0105', '2011Q3')
        .replace('D01052011-07第1条', '错题')
        .concat(reports('D0105', '2011-07', '多报')),
    );
    const q3 = await imported(['import', ...BRANCHES.filter((b) => b !== 'D0105').map((b) => `right/2011Q3/${b}.yaml`), 'office/2011Q3/D0105.yaml']);
    expect(q3.stderr).toContain('党员 M000016');
    expect(q3.stderr).toContain('的所在支部将由 D0102 改为 D0101（自 2011Q3 起）');
    // Its corrected file: refused as it is, named with both files; --add keeps both; --replace is the correction.
    const fixed = 'D0105 三季度报表（修改后）.yaml';
    write(dir, fixed, branchFile('D0105', '2011Q3'));
    const refused = await step(['import', fixed], 1);
    expect(refused.stderr).toContain(`D0105 第5党支部（城关） 2011-07 的信息报送已由 office/2011Q3/D0105.yaml 报送（第 3 次导入，`);
    expect(refused.stderr).toContain('加 --replace（新增 1 条、修改 0 条、删除 4 条）');
    expect(refused.stderr).toContain('加 --add（新增 1 条、修改 0 条，不删除）');
    const dry = await run(dir, db, ['import', fixed, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('加 --replace');
    const beforeAdd = state();
    const added = await step(['import', fixed, '--add', '-q']);
    expect(added.code).toBe(0);
    const july = async () => {
      const q = JSON.parse((await run(dir, db, ['quota', '--month', '2011-07', '--format', 'json'])).stdout);
      return q.orgs.find((o: { org: string }) => o.org === 'D0105').count;
    };
    expect(await july()).toBe(3 + 3 + 1);
    expect((await run(dir, db, ['undo', '--yes', '-q'])).code).toBe(0);
    expect(state()).toEqual(beforeAdd);
    const replaced = await imported(['import', fixed, '--replace']);
    expect(replaced.stderr).toContain('按这个文件更正（--replace），取代 office/2011Q3/D0105.yaml 报送的');
    expect(await july()).toBe(3);
    // The same file sent again: nothing to do, nothing refused.
    const again = await run(dir, db, ['import', fixed]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('没有任何记录改变');
    // D0102's Q2 file, late, its roster the Q2 one: M000016 is D0102's in Q2 only.
    const late = await imported(['import', 'right/2011Q2/D0102.yaml']);
    expect(late.stderr).toContain('党员 M000016');
    expect(late.stderr).toContain(`：这份名册写其 2011Q2 在 D0102，而 right/2011Q3/D0101.yaml:`);
    expect(late.stderr).toContain('写其自 2011Q3 起在 D0101');
    const after = JSON.parse((await run(dir, db, ['status', '--period', '2011Q2', '--missing', '--format', 'json'])).stdout);
    expect(after.branches).toEqual([]);
    expect(after.summary).toEqual({ branches: 20, complete: 20, missing: 0 });
    // Q4: D0110's reports come month by month, apart from the rest of its quarter: no file is another's resubmission.
    await imported(['import', ...BRANCHES.filter((b) => b !== 'D0110').map((b) => `right/2011Q4/${b}.yaml`), '-q']);
    write(dir, 'office/D0110 季度.yaml', branchFile('D0110', '2011Q4', { reports: [] }));
    for (const m of periodMonths('2011Q4')) write(dir, `office/D0110 ${m}.yaml`, `reports:\n${reports('D0110', m)}`);
    for (const f of ['office/D0110 季度.yaml', ...periodMonths('2011Q4').map((m) => `office/D0110 ${m}.yaml`)]) await imported(['import', f, '-q']);
    // A roster with no quarter at the year's end states everyone as things are now: from 2011Q4, nothing earlier changes.
    write(
      dir,
      'members.yaml',
      `members:\n${MEMBERS.map((m) => `  - {id: ${m}, name: 某, org: ${branchOf(m, '2011Q4')}, role: member}\n`)
        .join('')
        .replace(/某/g, (_, i: number) => `某${i}`)}`,
    );
    const undated = await imported(['import', 'members.yaml', '--format', 'json']);
    expect(JSON.parse(undated.stdout).sections.members).toEqual({ inserted: 0, updated: 200, unchanged: 0, removed: 0 });
    // Renamed everyone from 2011Q4: the names are the latest's, the branches as they were; now the right order gets it too.
    expect((await run(dir, 'right.db', ['import', 'members.yaml', '-q'])).code).toBe(0);

    const show = await run(dir, db, ['show', 'M000016']);
    expect(show.stdout).toMatch(/2011Q2\s+D0102\s+党员\s+在册\s+right\/2011Q2\/D0102.yaml/);
    expect(show.stdout).toMatch(/2011Q3\s+D0101/);
    const stars = async (q: string) => JSON.parse((await run(dir, db, ['stars', '--period', q, '--format', 'json'])).stdout);
    for (const [q, org] of [
      ['2011Q2', 'D0102'],
      ['2011Q3', 'D0101'],
      ['2011Q4', 'D0101'],
    ])
      expect((await stars(q)).members.find((m: { member: string }) => m.member === 'M000016').org, q).toBe(org);

    // Every figure of the year, both ways.
    expect(await year(dir, db)).toEqual(await year(dir, 'right.db'));

    // Each import undone, latest first, gives back the database as it was before it, row for row.
    for (let i = snapshots.length - 1; i > 0; i--) {
      const u = await run(dir, db, ['undo', '--yes', '-q']);
      expect(u.code, u.stderr).toBe(0);
      expect(state(), `undo of import ${i + 1}`).toEqual(snapshots[i]);
    }
  }, 60_000);
});

describe('rows a clerk meant to delete', () => {
  it('hidden rows and rows all struck through are read, each sheet’s named in one warning, errors under --strict', async () => {
    const dir = tmp();
    write(dir, 'orgs.yaml', orgsYaml());
    // As Excel writes them: rows hidden, a font that strikes through, a rich text whose every run does.
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    const ws = wb.addWorksheet('信息报送（8月）');
    ws.addRow(['组织编号', '日期', '标题']);
    for (let i = 1; i <= 7; i++) ws.addRow(['D0101', `2011-08-0${i}`, `八月第${i}条`]);
    for (const r of [3, 4, 5]) ws.getRow(r).hidden = true;
    for (const c of [1, 2, 3]) ws.getRow(7).getCell(c).font = { strike: true };
    ws.getRow(8).getCell(3).value = {
      richText: [
        { text: '删', font: { strike: true } },
        { text: '掉的', font: { strike: true } },
      ],
    };
    for (const c of [1, 2]) ws.getRow(8).getCell(c).font = { strike: true };
    // Struck through in part: not a row to delete.
    ws.getRow(6).getCell(3).value = { richText: [{ text: '一半', font: { strike: true } }, { text: '留着' }] };
    writeFileSync(join(dir, 'excel.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    // As other programs write them: <strike val="1"/> in a prefixed namespace, hidden="true".
    const sheet = (r: number, title: string, attrs = '', s = '') =>
      `<x:row r="${r}"${attrs}>${[`<x:c r="A${r}" t="inlineStr"${s}><x:is><x:t>D0102</x:t></x:is></x:c>`, `<x:c r="B${r}" t="inlineStr"${s}><x:is><x:t>2011-08-0${r}</x:t></x:is></x:c>`, `<x:c r="C${r}" t="inlineStr"${s}><x:is><x:t>${title}</x:t></x:is></x:c>`].join('')}</x:row>`;
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const parts = workbookParts([{ name: '信息报送', xml: '' }]).map((p) => {
      if (p.name === 'xl/styles.xml')
        return {
          ...p,
          data: `<?xml version="1.0"?><x:styleSheet ${ns}><x:fonts count="2"><x:font/><x:font><x:strike val="1"/></x:font></x:fonts><x:cellXfs><x:xf numFmtId="0" fontId="0"/><x:xf numFmtId="0" fontId="1"/></x:cellXfs></x:styleSheet>`,
        };
      if (p.name === 'xl/worksheets/sheet1.xml')
        return {
          ...p,
          data: `<?xml version="1.0"?><x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>组织编号</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>日期</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>标题</x:t></x:is></x:c></x:row>${sheet(2, '一')}${sheet(3, '二', ' hidden="true"')}${sheet(4, '三', '', ' s="1"')}${sheet(5, '四')}</x:sheetData></x:worksheet>`,
        };
      return p;
    });
    zip(join(dir, 'other.xlsx'), parts);
    const r = await cxzy(['import', 'orgs.yaml', 'excel.xlsx', 'other.xlsx', '--format', 'json', '--db', 'c.db'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.sections.reports.inserted).toBe(11);
    expect(
      json.warnings.map((w: { code: string; sheet: string; cell: string; message: string }) => [w.code, `${w.sheet}!${w.cell}`, w.message.split('：')[0]]),
    ).toEqual([
      ['rows_hidden', '信息报送（8月）!A3', '信息报送（8月）!3-5 隐藏'],
      ['rows_struck', '信息报送（8月）!A7', '信息报送（8月）!7-8 删除线'],
      ['rows_hidden', '信息报送!A3', '信息报送!3 隐藏'],
      ['rows_struck', '信息报送!A4', '信息报送!4 删除线'],
    ]);
    const strict = await cxzy(['import', 'excel.xlsx', '--strict', '--db', 'c.db'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('错误  信息报送（8月）!3-5 隐藏');
  });
});

describe('a county-wide file sent again', () => {
  it('is refused in a few lines: the first 20 orgs named, the rest counted; every one in JSON', async () => {
    const codes = Array.from({ length: 30 }, (_, i) => `B${String(i + 1).padStart(2, '0')}`);
    const orgs = `orgs:\n  - {code: W, name: 县委, type: committee, category: agency}\n${codes.map((c) => `  - {code: ${c}, name: ${c}支部, type: branch, parent: W, category: rural}\n`).join('')}`;
    const reportsOf = (title: string) => `period: 2011Q1\nreports:\n${codes.map((c) => `  - {org: ${c}, date: 2011-01-05, title: ${title}}\n`).join('')}`;
    const dir = tmp();
    write(dir, 'orgs.yaml', orgs);
    write(dir, 'reports.yaml', reportsOf('一月信息'));
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    write(dir, 'reports.yaml', reportsOf('一月信息（改）'));
    const r = await cxzy(['import', 'reports.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/错误 {2}B\d\d B\d\d支部 2011-01 的信息报送已由 reports.yaml 报送/g)).toHaveLength(20);
    expect(r.stderr).toContain('……另有 10 个组织的 10 份报送也是重报（--format json 列出全部）');
    const json = JSON.parse((await cxzy(['import', 'reports.yaml', '--format', 'json'], { cwd: dir })).stdout);
    expect(json.errors).toHaveLength(30);
    expect(json.errors[0]).toMatchObject({
      code: 'resubmission',
      org: 'B01',
      section: 'reports',
      span: '2011-01',
      file: 'reports.yaml',
      earlier: { file: 'reports.yaml', import: 1 },
      changes: { added: 1, changed: 0, removed: 1 },
    });
    // The same file name with new content, said to be the corrected file: every branch's January is the new one.
    const fixed = await cxzy(['import', 'reports.yaml', '--replace', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(fixed.stdout).sections.reports).toEqual({ inserted: 30, updated: 0, unchanged: 0, removed: 30 });
  });
});

describe('a transfer within one batch', () => {
  it('is said alike by validate, by a first import and by an import into a database that holds other records', async () => {
    const q3 = `period: 2011Q3\nmembers:\n  - id: M2\n    name: 李四\n    org: D02\n    role: member\n`;
    const said = '党员 M2（李四）的所在支部将由 D01 改为 D02（自 2011Q3 起）';
    const first = files({ ...BASE, 'q3.yaml': q3 });
    const v = await cxzy(['validate', '.'], { cwd: first });
    expect(v.stderr).toContain(said);
    const i = await cxzy(['import', '.'], { cwd: first });
    expect(i.code).toBe(0);
    expect(i.stderr).toContain(said);
    const later = files({ ...BASE, 'q3.yaml': q3 });
    expect((await cxzy(['import', 'orgs.yaml'], { cwd: later })).code).toBe(0);
    const j = await cxzy(['import', 'members.yaml', 'q3.yaml'], { cwd: later });
    expect(j.stderr).toContain(said);
    // Both databases place her alike: D01 before the third quarter, D02 from it on.
    for (const dir of [first, later]) {
      const runs = (dump(join(dir, 'cxzy.db')).members as { id: string; since: string; until: string; org: string }[]).filter((m) => m.id === 'M2');
      expect(runs.map((m) => [m.since, m.until, m.org])).toEqual([
        ['', '2011Q3', 'D01'],
        ['2011Q3', '~', 'D02'],
      ]);
    }
  });
});
