// What an office user and hostile input broke (the hardening issue): data
// safety, crashes, hostile text. Each test names the case it holds to.
import { describe, expect, it } from 'vitest';
import { chmodSync, cpSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import unzipper from 'unzipper';
import { SaxesParser } from 'saxes';
import { BASE, EXAMPLES, cxzy, dump, files, imported, midWrite, tmp } from './helpers.js';

const points = (lead: Record<string, number> = {}, extra = '') => {
  const v = { study: 18, excel: 17, service: 20, discipline: 20, integrity: 16, ...lead };
  return `period: 2011Q1\npoints:\n  - member: M1\n${Object.entries(v)
    .map(([k, n]) => `    ${k}: ${n}\n`)
    .join('')}${extra}`;
};
const errorsOf = async (dir: string, args: string[] = []) => {
  const r = await cxzy(['validate', '.', '--format', 'json', ...args], { cwd: dir });
  return {
    code: r.code,
    ...(JSON.parse(r.stdout) as {
      errors: { file: string; line: number; col: number; path: string; code: string; message: string }[];
      warnings: { code: string; message: string }[];
    }),
  };
};

describe('points within the rules', () => {
  it('a lead above stars.max_points is an error naming the rule, also under --strict', async () => {
    const dir = files({ ...BASE, 'p.yaml': points({ excel: 81 }) });
    const r = await errorsOf(dir, ['--strict']);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.objectContaining({ line: 5, col: 12, path: 'points[0].excel', code: 'range', message: '不能超过满分 20（规则 stars.max_points），实际为 81' }),
    ]);
  });

  it('a deduction above the maximum too; a rules file with a lower maximum moves the bound', async () => {
    const dir = files({ ...BASE, 'p.yaml': points({}, '    deductions:\n      - {dimension: study, points: 25, reason: 缺席}\n') });
    expect((await errorsOf(dir)).errors.map((e) => [e.path, e.code])).toEqual([['points[0].deductions[0].points', 'range']]);
    writeFileSync(join(dir, 'cxzy.rules.yaml'), 'stars:\n  max_points: 10\n  star_min: 9\n');
    writeFileSync(join(dir, 'p.yaml'), points());
    const low = await errorsOf(dir);
    expect(low.errors.map((e) => e.path)).toEqual(['points[0].study', 'points[0].excel', 'points[0].service', 'points[0].discipline', 'points[0].integrity']);
  });

  it('a rules file whose star_min exceeds max_points is refused', async () => {
    const dir = files({ ...BASE, 'cxzy.rules.yaml': 'stars:\n  star_min: 25\n' });
    const r = await cxzy(['rules'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cxzy.rules.yaml:2:3  错误  stars.star_min: 得星分数线 star_min（25）高于每项满分 max_points（20）');
  });
});

describe('the database: never a stack trace, a message that says what to do', () => {
  it('text no XML may hold, stored before cxzy refused it, still gives workbooks and Word files that open', async () => {
    const { dir, db } = await imported();
    const d = new Database(db);
    d.exec(
      "UPDATE orgs SET name = name || char(65535) || char(1) || '<&>' WHERE code IN ('W01', 'D0101'); UPDATE pledges SET content = content || char(65534)",
    );
    d.close();
    const outs = ['e.xlsx', 't.xlsx', 'r.docx', 'r.xlsx', 'g.xlsx'];
    const runs = [
      ['export', '--out', 'e.xlsx'],
      ['template', '--org', 'W01', '--period', '2011Q2', '--out', 't.xlsx'],
      ['report', '--out', 'r.docx'],
      ['report', '--out', 'r.xlsx'],
      ['grade', '--out', 'g.xlsx'],
    ];
    for (const args of runs) expect((await cxzy([...args, '--db', db], { cwd: dir })).code, args.join(' ')).toBe(0);
    for (const out of outs) {
      const zip = (await unzipper.Open.file(join(dir, out))) as unknown as { files: { path: string; buffer(): Promise<Buffer> }[] };
      for (const part of zip.files.filter((f) => f.path.endsWith('.xml'))) {
        const parser = new SaxesParser();
        let error: Error | null = null;
        parser.on('error', (e) => (error ??= e));
        parser.write((await part.buffer()).toString('utf8')).close();
        expect(error, `${out} ${part.path}`).toBeNull();
      }
    }
    // The export's text comes back as stored, and is refused at its cell with what to fix.
    const back = await cxzy(['validate', 'e.xlsx', '--db', join(dir, 'empty.db'), '--format', 'json'], { cwd: dir });
    const errors = JSON.parse(back.stdout).errors as { code: string; sheet: string }[];
    expect(errors.some((e) => e.code === 'control_char' && e.sheet === '组织')).toBe(true);
  });

  it('--out writes through a device or a link, never replacing it, and leaves no temporary file', async () => {
    const { dir, db } = await imported();
    const r = await cxzy(['report', '--db', db, '--out', '/dev/null', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    writeFileSync(join(dir, 'real.md'), 'old');
    symlinkSync(join(dir, 'real.md'), join(dir, 'link.md'));
    expect((await cxzy(['report', '--db', db, '--out', join(dir, 'link.md')])).code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.md'))).toBe(join(dir, 'real.md'));
    expect(readFileSync(join(dir, 'real.md'), 'utf8')).toContain('# 关于2011年6月创先争优活动开展情况的通报');
    expect(spawnSync('ls', ['-a', dir], { encoding: 'utf8' }).stdout).not.toMatch(/\.tmp/);
    // A file written again keeps its mode: a private list stays private.
    writeFileSync(join(dir, 'private.md'), 'old');
    chmodSync(join(dir, 'private.md'), 0o600);
    expect((await cxzy(['report', '--db', db, '--out', join(dir, 'private.md')])).code).toBe(0);
    expect(statSync(join(dir, 'private.md')).mode & 0o777).toBe(0o600);
  });

  it('an import killed mid-write: read commands roll it back and read, import works again', async () => {
    const { dir, db } = await imported();
    const before = dump(db);
    // What kill -9 leaves: pages of an open transaction in the file, and the hot journal that undoes them.
    const w = midWrite(db);
    const crashed = join(dir, 'crashed.db');
    cpSync(db, crashed);
    cpSync(`${db}-journal`, `${crashed}-journal`);
    w.exec('ROLLBACK');
    w.close();
    expect(statSync(`${crashed}-journal`).size).toBeGreaterThan(0);
    for (const cmd of ['grade', 'stars', 'quota', 'report']) {
      const r = await cxzy([cmd, '--db', crashed]);
      // report without office settings says which to add: that is all it says.
      expect(r.stderr.replace(/^注意：规则文件没有设置发文机关.*\n/, ''), cmd).toBe('');
      expect(r.code, cmd).toBe(0);
    }
    expect(existsSync(`${crashed}-journal`)).toBe(false);
    expect(dump(crashed)).toEqual(before);
    expect((await cxzy(['import', EXAMPLES, '--db', crashed, '-q'])).code).toBe(0);
  });

  it('read commands leave no -wal or -shm file behind', async () => {
    const { dir, db } = await imported();
    for (const cmd of ['grade', 'stars', 'quota', 'report']) expect((await cxzy([cmd, '--db', db])).code).toBe(0);
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.trim()).toBe('x.db');
  });

  it('a damaged database exits 3 with a message: a page overwritten, or cxzy’s identity without tables', async () => {
    const { dir, db } = await imported();
    const bytes = readFileSync(db);
    bytes.fill(0xde, 4096 * 4, 4096 * 5);
    writeFileSync(join(dir, 'bad.db'), bytes);
    const d = new Database(join(dir, 'empty.db'));
    d.pragma('application_id = 0x43585a59');
    d.pragma('user_version = 2');
    d.close();
    for (const file of ['bad.db', 'empty.db']) {
      for (const cmd of ['grade', 'stars', 'report', 'import']) {
        const r = await cxzy(cmd === 'import' ? ['import', EXAMPLES, '--db', join(dir, file)] : [cmd, '--db', join(dir, file)]);
        if (r.code === 0) continue; // a command that never reads the damaged page has nothing to say
        expect(r.code, `${file} ${cmd}`).toBe(3);
        expect(r.stderr, `${file} ${cmd}`).toMatch(/已损坏或不完整/);
        expect(r.stderr).not.toMatch(/internal error| {4}at /);
      }
    }
    expect((await cxzy(['stars', '--db', join(dir, 'empty.db')])).code).toBe(3);
  });

  it('a zero-byte database says it is empty, not missing', async () => {
    const dir = files({ 'z.db': '' });
    const r = await cxzy(['grade', '--db', 'z.db'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('是空文件（0 字节）');
  });

  it("--db '' and --db :memory: are usage errors", async () => {
    const dir = files({ ...BASE });
    for (const db of ['', ':memory:', 'file:x.db']) {
      const r = await cxzy(['import', '.', '--db', db], { cwd: dir });
      expect(r.code, db).toBe(2);
      expect(r.stderr).toContain('--db 必须是一个数据库文件的路径');
    }
    expect(spawnSync('ls', [dir], { encoding: 'utf8' }).stdout).not.toContain('.db');
  });

  it('a full disk says so, and the database is as it was', async () => {
    const mnt = tmp();
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=640k', 'tmpfs', mnt]);
    if (mounted.status !== 0) return; // no tmpfs here: nothing to fill
    try {
      const db = join(mnt, 'f.db');
      expect((await cxzy(['import', join(EXAMPLES, 'orgs.yaml'), '--db', db, '-q'])).code).toBe(0);
      const before = dump(db);
      const r = await cxzy(['import', EXAMPLES, '--db', db]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('磁盘已满');
      expect(r.stderr).not.toContain('cannot rollback');
      expect(dump(db)).toEqual(before);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('a full disk while writing a notice says so in Chinese, naming the file, and leaves nothing half-written', async () => {
    const dir = tmp();
    expect((await cxzy(['import', EXAMPLES, '--db', join(dir, 'c.db'), '-q'])).code).toBe(0);
    const mnt = tmp();
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mnt]);
    if (mounted.status !== 0) return; // no tmpfs here: nothing to fill
    try {
      const r = await cxzy(['report', '--db', join(dir, 'c.db'), '--out', join(mnt, '六月通报.docx')]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`无法写入 ${join(mnt, '六月通报.docx')}：磁盘已满，请腾出空间后重试；没有写入任何内容`);
      expect(r.stderr).not.toContain('ENOSPC');
      expect(readdirSync(mnt)).toEqual([]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});

describe('hostile text, in every output', () => {
  const hostile = {
    ...BASE,
    'orgs.yaml': BASE['orgs.yaml']
      .replace('name: 红湾社区党支部', 'name: "=HYPERLINK(\\"http://x\\")"')
      .replace('name: 东关社区党支部', 'name: "<script>alert(1)</script>|x"'),
    'members.yaml': BASE['members.yaml'].replace('name: 张三', 'name: "+1+1"').replace('name: 李四', 'name: "@SUM(A1)"').replace('name: 王五', 'name: "-2+3"'),
    'r.yaml':
      'period: 2011Q1\nreviews:\n  - org: D01\n    self: 90\n    masses: {satisfied: 40}\n    superior: 90\n    commentary: {date: 2011-03-01, by: "\\"><img src=x onerror=alert(1)>", text: ok}\n  - org: D02\n    self: 90\n    masses: {satisfied: 40}\n    superior: 90\npoints:\n  - {member: M1, study: 20, excel: 20, service: 20, discipline: 20, integrity: 20}\n  - {member: M2, study: 20, excel: 20, service: 20, discipline: 20, integrity: 20}\n  - {member: M3, study: 20, excel: 20, service: 20, discipline: 20, integrity: 20}\n',
    'i.yaml': 'reports:\n  - {org: D01, date: 2011-03-05, title: "\\ttab start"}\n',
  };
  const setup = async () => {
    const dir = files(hostile);
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    return dir;
  };

  it('CSV: text that Excel would run as a formula starts with an apostrophe; numbers stay numbers', async () => {
    const dir = await setup();
    const cells: string[] = [];
    for (const args of [['grade'], ['stars'], ['quota', '--month', '2011-03'], ['quota', '--period', '2011Q1']]) {
      const r = await cxzy([...args, '--format', 'csv'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(0);
      cells.push(...(parseCsv(r.stdout.replace(/^\ufeff/, '')) as string[][]).flat());
    }
    for (const bad of ['=HYPERLINK("http://x")', '+1+1', '@SUM(A1)', '-2+3']) {
      expect(cells).toContain(`'${bad}`);
      expect(cells).not.toContain(bad);
    }
    for (const c of cells) expect(c, c).not.toMatch(/^[=+@\t\r]|^-[^0-9]/);
  });

  it('Markdown: tags from the data are inert and pipes cannot break a table, in grade, stars, quota and report', async () => {
    const dir = await setup();
    for (const args of [['grade', '--explain'], ['stars'], ['quota', '--month', '2011-03'], ['report']]) {
      const r = await cxzy([...args, '--format', 'md'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).not.toMatch(/<script|<img/);
      if (args[0] !== 'report') expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\\|x');
    }
  });

  it('control characters, bidi overrides, NUL and half surrogate pairs are refused in data, each named', async () => {
    const bad = ['\\e[2J', '\\e]0;pwned\\a', 'a\\bb', 'a\\rb', '\\u202Eevil', '\\0x', '\\ud800', '\\x85'];
    const dir = files({ ...BASE, 'i.yaml': `reports:\n${bad.map((b, i) => `  - org: D01\n    date: 2011-03-0${i + 1}\n    title: "${b}"\n`).join('')}` });
    const r = await errorsOf(dir);
    expect(r.code).toBe(1);
    expect(r.errors.map((e) => [e.path, e.code])).toEqual(bad.map((_, i) => [`reports[${i}].title`, 'control_char']));
    expect(r.errors[0].message).toContain('U+001B');
  });

  it('names and file names that would rewrite the terminal are escaped in tables, --explain, warnings and errors', async () => {
    const dir = await setup();
    // Already stored by an earlier cxzy (before data refused them): escaped on the way out.
    const d = new Database(join(dir, 'cxzy.db'));
    d.prepare("UPDATE orgs SET name = ? WHERE code = 'D01'").run('\u001b[2J\u202eevil\b');
    d.close();
    for (const args of [['grade', '--explain'], ['stars'], ['quota']]) {
      const r = await cxzy(args, { cwd: dir });
      expect(r.stdout, args.join(' ')).not.toMatch(/[\u001b\u202e\b]/);
      expect(r.stdout).toContain('\\u{1b}[2J\\u{202e}evil\\u{8}');
    }
    const evil = files({ ...BASE, '\u001b[31mred\u202e.yaml': 'reports:\n  - org: NOPE\n    date: 2011-03-05\n    title: x\n' });
    const v = await cxzy(['validate', '.'], { cwd: evil });
    expect(v.code).toBe(1);
    expect(v.stderr).not.toMatch(/[\u001b\u202e]/);
    expect(v.stderr).toContain('\\u{1b}[31mred\\u{202e}.yaml');
    const json = await cxzy(['validate', '.', '--format', 'json'], { cwd: evil });
    expect(json.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(JSON.parse(json.stdout).errors[0].file).toBe('\u001b[31mred\u202e.yaml');
  });
});

describe('a file of one long line', () => {
  it('50 MB on one quoted line is refused at its line, the terminal shown a window of it, not the line', async () => {
    const dir = files({ 'orgs.yaml': BASE['orgs.yaml'] });
    writeFileSync(join(dir, 'big.yaml'), `reports:\n  - {org: D01, date: 2011-01-05, title: "${'长'.repeat(16 * 2 ** 20)}\u0007"}\n`);
    const r = await cxzy(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('big.yaml:2:16385  错误  这一行过长（超过 16384 个字符），已拒绝');
    // The line as shown: a hundred characters around the place, cut at both ends.
    const shown = r.stderr.split('\n').find((l) => l.startsWith('  2 | '))!;
    expect(shown).toMatch(/^ {2}2 \| …长{90,110}…$/);
    expect(r.stderr.length).toBeLessThan(2_000);
  });
});

describe('--number', () => {
  it('every command that numbers a document takes a whole number from 1, and says what it got otherwise', async () => {
    const dir = tmp();
    const commands = [['report'], ['ledger'], ['status'], ['annual', '--out', 'x.docx']];
    for (const cmd of commands)
      for (const bad of ['0', '-3', '1e2', '0x10', '2.5', '1234567', '三'] as const) {
        const r = await cxzy([...cmd, '--number', bad], { cwd: dir });
        expect([cmd[0], bad, r.code]).toEqual([cmd[0], bad, 2]);
        expect(r.stderr).toContain(`--number 应为正整数（文号的顺序号），实际为 ${bad}`);
      }
  });
});
