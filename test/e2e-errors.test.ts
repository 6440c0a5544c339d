// Every kind of bad input is an error with file, line, column and the source
// line under it; never a stack trace; exit code 1.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BASE, cxzy, EXAMPLES, files } from './helpers.js';

interface JsonError {
  file: string;
  line: number;
  col: number;
  path: string | null;
  code: string;
  message: string;
}

async function errorsOf(
  dir: string,
  args: string[] = [],
  lang = 'zh',
): Promise<{ code: number; errors: JsonError[]; warnings: JsonError[]; json: Record<string, unknown> }> {
  const r = await cxzy(['validate', '.', '--format', 'json', '--lang', lang, ...args], { cwd: dir });
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  const json = JSON.parse(r.stdout);
  return { code: r.code, errors: json.errors, warnings: json.warnings, json };
}

const one = async (dir: string, lang = 'zh') => {
  const r = await errorsOf(dir, [], lang);
  expect(r.code).toBe(1);
  expect(r.errors).toHaveLength(1);
  return r.errors[0];
};

describe('errors with file, line and column', () => {
  it('a value out of range: the SPEC example, in Chinese and English, with the caret', async () => {
    const dir = files({
      ...BASE,
      '2011Q1/reviews.yaml': 'period: 2011Q1\nreviews:\n  - org: D01\n    self: 120\n    masses: {satisfied: 45, basic: 3, unsatisfied: 2}\n    superior: 88\n',
    });
    const e = await one(dir);
    expect(e).toMatchObject({ file: join('2011Q1', 'reviews.yaml'), line: 4, col: 11, path: 'reviews[0].self', code: 'range' });
    expect(e.message).toBe('必须在 0 到 100 之间，实际为 120');
    expect((await one(dir, 'en')).message).toBe('must be between 0 and 100, got 120');
    const text = await cxzy(['validate', '.'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(
      '2011Q1/reviews.yaml:4:11  错误  reviews[0].self: 必须在 0 到 100 之间，实际为 120\n  4 |     self: 120\n    |           ^^^',
    );
    expect(text.stderr).toContain('校验未通过，没有写入任何数据');
  });

  it('YAML syntax error', async () => {
    const e = await one(files({ 'a.yaml': 'orgs:\n  - code: W01\n    name: [城关镇\n' }));
    expect(e).toMatchObject({ file: 'a.yaml', code: 'yaml_syntax' });
    expect(e.line).toBeGreaterThanOrEqual(3);
    expect(e.message).toMatch(/^YAML 格式错误/);
  });

  it('tabs used for indentation', async () => {
    const e = await one(files({ 'a.yaml': 'orgs:\n\t- code: W01\n' }));
    expect(e).toMatchObject({ line: 2, col: 1, code: 'yaml_syntax' });
    expect(e.message).toContain('Tab');
  });

  it('duplicate key', async () => {
    const e = await one(files({ 'a.yaml': 'orgs:\n  - code: W01\n    name: 城关镇党委\n    type: committee\n    category: agency\n    name: 又一个\n' }));
    expect(e).toMatchObject({ line: 6, col: 5, code: 'duplicate_key' });
  });

  it('unknown field, with the likely intended one', async () => {
    const dir = files({
      ...BASE,
      'r.yaml': 'period: 2011Q1\nreviews:\n  - org: D01\n    self: 90\n    masses: {satisfied: 45, basic: 3, unsatisified: 2}\n    superior: 88\n',
    });
    const e = await one(dir);
    expect(e).toMatchObject({ file: 'r.yaml', line: 5, col: 39, path: 'reviews[0].masses.unsatisified', code: 'unknown_field' });
    expect(e.message).toBe('未知字段 unsatisified，是否应为 unsatisfied？');
  });

  it('missing required field', async () => {
    const e = await one(files({ 'a.yaml': 'orgs:\n  - code: W01\n    name: 城关镇党委\n    category: agency\n' }));
    expect(e).toMatchObject({ line: 2, col: 5, path: 'orgs[0]', code: 'required' });
    expect(e.message).toBe('缺少必填字段 类型');
  });

  it('wrong type, with a hint to quote a numeric code', async () => {
    const dir = files({ ...BASE, 'm.yaml': 'members:\n  - id: 0101\n    name: 赵六\n    org: D01\n    role: member\n' });
    const e = await one(dir);
    expect(e).toMatchObject({ line: 2, col: 9, path: 'members[0].id', code: 'type' });
    expect(e.message).toBe('应为文本，实际为数字；编号请加引号，如 "0101"');
  });

  it('bad date, with the ISO form suggested', async () => {
    const dir = files({
      ...BASE,
      'r.yaml': 'reports:\n  - org: D01\n    date: 2011年3月5日\n    title: 红湾社区推行民情流水线\n  - org: D01\n    date: 2011/3/6\n    title: 又一条\n',
    });
    const r = await errorsOf(dir);
    expect(r.errors.map((e) => [e.line, e.col, e.code, e.message])).toEqual([
      [3, 11, 'date', '日期“2011年3月5日”无效，应写成 YYYY-MM-DD，是否应为 2011-03-05？'],
      [6, 11, 'date', '日期“2011/3/6”无效，应写成 YYYY-MM-DD，是否应为 2011-03-06？'],
    ]);
    expect((await errorsOf(dir, [], 'en')).errors[0].message).toBe('date "2011年3月5日" is invalid; write YYYY-MM-DD; did you mean 2011-03-05?');
  });

  it('an impossible date', async () => {
    const e = await one(files({ ...BASE, 'r.yaml': 'reports:\n  - org: D01\n    date: 2011-02-30\n    title: 某条信息\n' }));
    expect(e).toMatchObject({ line: 3, col: 11, code: 'date' });
  });

  it('unknown reference, resolved against database and batch', async () => {
    const dir = files({ ...BASE, 'r.yaml': 'reports:\n  - org: D09\n    date: 2011-03-05\n    title: 某条信息\n' });
    const e = await one(dir);
    expect(e).toMatchObject({ file: 'r.yaml', line: 2, col: 10, code: 'unknown_ref' });
    // D09 is one typo from D01 and D02: both are offered.
    expect(e.message).toBe('组织“D09”不存在（本批文件和数据库中都没有），是否应为 D01（红湾社区党支部）、D02（东关社区党支部）？');
  });

  it('duplicate identity inside the batch names the first place', async () => {
    const dir = files({ ...BASE, 'more.yaml': 'members:\n  - id: M2\n    name: 李四\n    org: D02\n    role: member\n' });
    const e = await one(dir);
    expect(e).toMatchObject({ file: 'more.yaml', line: 2, col: 9, code: 'duplicate_id' });
    expect(e.message).toBe('党员“M2”重复，首次出现在 members.yaml:6');
  });

  it('two files of one org and quarter (an original and its correction) are one error naming both, not one per record', async () => {
    const reports = (titles: string[]) =>
      `period: 2011Q1\nreports:\n${titles.map((t, i) => `  - {org: D01, date: "2011-01-0${i + 1}", title: ${t}}\n`).join('')}`;
    const dir = files({ ...BASE, 'D01-2011Q1.yaml': reports(['甲', '乙', '丙']), 'D01-2011Q1-更正.yaml': reports(['甲', '乙', '丙', '丁']) });
    const e = await one(dir);
    expect(e).toMatchObject({ file: 'D01-2011Q1.yaml', code: 'duplicate_id' });
    expect(e.message).toBe(
      '这个文件与 D01-2011Q1-更正.yaml 有 3 条相同的信息（如“D01|2011-01-01|甲”）：同一组织同一季度的材料只能交一份——删去其中一个文件，或先导入原件，再用 cxzy import --replace 导入更正件',
    );
  });

  it('a cycle in the org tree', async () => {
    const dir = files({
      'orgs.yaml':
        'orgs:\n  - code: A\n    name: 甲党委\n    type: committee\n    parent: B\n    category: agency\n  - code: B\n    name: 乙党委\n    type: committee\n    parent: A\n    category: agency\n',
    });
    const e = await one(dir);
    expect(e).toMatchObject({ line: 5, col: 13, code: 'cycle' });
    expect(e.message).toBe('组织上下级关系成环：A → B → A');
  });

  it('org tree rules: a branch has no children, members belong to branches', async () => {
    const dir = files({
      ...BASE,
      'more.yaml':
        'orgs:\n  - code: D0101\n    name: 下级\n    type: branch\n    parent: D01\n    category: rural\nmembers:\n  - id: M9\n    name: 钱七\n    org: W01\n    role: member\n',
    });
    const r = await errorsOf(dir);
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [5, 'tree'],
      [10, 'tree'],
    ]);
  });

  it('an alias bomb is refused once', async () => {
    const bomb = ['a: &a [1,1,1,1,1,1,1,1,1]', ...'bcdef'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcde'[i]}`).join(',')}]`)].join('\n');
    const e = await one(files({ 'bomb.yaml': `${bomb}\n` }));
    expect(e.code).toBe('alias_limit');
  });

  it('a custom tag', async () => {
    const e = await one(files({ 'a.yaml': 'orgs:\n  - !!js/function "x"\n' }));
    expect(e).toMatchObject({ line: 2, col: 5, code: 'custom_tag' });
  });

  it('__proto__ keys and deep nesting', async () => {
    expect(await one(files({ 'a.yaml': '__proto__: {polluted: 1}\n' }))).toMatchObject({ line: 1, col: 1, code: 'forbidden_key' });
    expect((await one(files({ 'a.yaml': `a: ${'['.repeat(3000)}${']'.repeat(3000)}\n` }))).code).toBe('too_deep');
  });

  it('CRLF line ends keep line and column right', async () => {
    const dir = files({
      ...BASE,
      'r.yaml': 'period: 2011Q1\r\nreviews:\r\n  - org: D01\r\n    self: 120\r\n    masses: {satisfied: 1}\r\n    superior: 88\r\n',
    });
    expect(await one(dir)).toMatchObject({ line: 4, col: 11, code: 'range' });
  });

  it('period rules: required with reviews, dates within the period', async () => {
    const dir = files({
      ...BASE,
      'r.yaml': 'reviews:\n  - org: D01\n    self: 90\n    masses: {satisfied: 1}\n    superior: 90\n',
      'i.yaml': 'period: 2011q1\nreports:\n  - org: D01\n    date: 2011-04-02\n    title: 某条信息\n',
    });
    const r = await errorsOf(dir);
    expect(r.errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ['i.yaml', 4, 'period'],
      ['r.yaml', 1, 'required'],
    ]);
  });

  it('binary, UTF-16 and undecodable files; a missing path', async () => {
    const dir = files({
      'a.yaml': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]),
      'b.yaml': Buffer.from([0xff, 0xfe, 0x61, 0]),
      'c.yaml': Buffer.from([0x61, 0xff]),
    });
    const r = await errorsOf(dir);
    expect(r.errors.map((e) => [e.file, e.line, e.col, e.code])).toEqual([
      ['a.yaml', 1, 1, 'encoding'],
      ['b.yaml', 1, 1, 'encoding'],
      ['c.yaml', 1, 1, 'encoding'],
    ]);
    const missing = await cxzy(['validate', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.yaml:1:1  错误  文件或文件夹不存在');
  });

  it('reports at most 100 errors, then a count', async () => {
    const lines = ['members:'];
    for (let i = 0; i < 150; i++) lines.push(`  - id: X${i}\n    name: 某某\n    org: D01\n    role: nobody`);
    const dir = files({ ...BASE, 'm.yaml': `${lines.join('\n')}\n` });
    const r = await errorsOf(dir);
    expect(r.errors).toHaveLength(100);
    expect(r.json.error_count).toBe(150);
    const text = await cxzy(['validate', '.'], { cwd: dir });
    expect(text.stderr).toContain('……另有 50 个错误未列出');
  });

  it('GBK files are read with a warning naming the file', async () => {
    const gbk = Buffer.from([
      ...Buffer.from('orgs:\r\n  - code: G1\r\n    name: '),
      0xba,
      0xec,
      0xcd,
      0xe5,
      ...Buffer.from('\r\n    type: committee\r\n    category: agency\r\n'),
    ]);
    const r = await errorsOf(files({ 'gbk.yaml': gbk }));
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([{ file: 'gbk.yaml', line: 1, col: 1, code: 'gbk', message: '文件按 GB18030/GBK 编码读取；建议另存为 UTF-8' }]);
  });
});

describe('values echoed back are shown, never obeyed', () => {
  it('an ESC or BEL in a show target, --org, --period or --month is printed escaped', async () => {
    const dir = files({});
    expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
    const asks = [
      ['show', 'M\x1b[31mX'],
      ['grade', '--org', '\x1b]0;title\x07'],
      ['grade', '--period', '2011Q\x1b'],
      ['quota', '--month', '2011-\x07'],
    ];
    for (const args of asks) {
      const r = await cxzy(args, { cwd: dir });
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/[\x07\x1b]/);
      expect(r.stderr, args.join(' ')).toMatch(/\\u\{(1b|7)\}/);
    }
  });
});
