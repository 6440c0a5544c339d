// Messages an office worker meets (the hardening issue): each says what is
// wrong in the user's terms, with the fix to type, and nothing misleads.
import { describe, expect, it } from 'vitest';
import { symlinkSync, writeFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BASE, EXAMPLES, ROOT, cxzy, dump, files, tmp } from './helpers.js';

type E = { file: string; line: number; col: number; path: string | null; code: string; message: string };
const validate = async (dir: string, args: string[] = []) => {
  const r = await cxzy(['validate', '.', '--format', 'json', ...args], { cwd: dir });
  const j = JSON.parse(r.stdout) as { errors: E[]; warnings: E[]; cross_checked: boolean; warning_count: number };
  return { code: r.code, ...j };
};
const review = (body: string) => `period: 2011Q1\nreviews:\n  - org: D01\n${body}`;
const good = '    self: 90\n    masses: {satisfied: 40, basic: 0, unsatisfied: 0}\n    superior: 88\n';

describe('limits on every reader', () => {
  it('a 100 KB line of dashes is refused with its line, never an abort', async () => {
    const dir = files({ 'a.yaml': `orgs: ${'- '.repeat(50_000)}\n`, 'b.yaml': `orgs:\n${'  - '.repeat(60)}x\n` });
    const r = await validate(dir);
    expect(r.code).toBe(1);
    expect(r.errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ['a.yaml', 1, 'line_too_long'],
      ['b.yaml', 2, 'too_deep'],
    ]);
  });
});

describe('full-width input, named with its half-width form', () => {
  it.each([
    ['a full-width colon', review(good.replace('superior: 88', 'superior：85')), 6, 13, '字段名后用了全角冒号“：”，应为半角冒号加一个空格：superior: '],
    ['no space after a colon', review(good.replace('superior: 88', 'superior:85')), 6, 14, '冒号后缺少空格，应写成 superior: 值'],
    ['a full-width space in the indentation', review(good.replace('    superior: 88', '　　superior: 88')), 6, 1, '缩进中有全角空格“　”，请改用半角空格'],
    ['full-width digits', review(good.replace('self: 90', 'self: ９５')), 4, 11, '“９５”含有全角字符，应写成半角：95'],
    [
      'a full-width date',
      'reports:\n  - org: D01\n    date: ２０１１-０３-１８\n    title: 某条信息\n',
      3,
      11,
      '“２０１１-０３-１８”含有全角字符，应写成半角：2011-03-18',
    ],
    ['a full-width code', 'reports:\n  - org: Ｄ01\n    date: 2011-03-18\n    title: 某条信息\n', 2, 10, '“Ｄ01”含有全角字符，应写成半角：D01'],
  ])('%s', async (_, text, line, col, message) => {
    const r = await validate(files({ ...BASE, 'r.yaml': text }));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'r.yaml', line, col, message });
  });
});

describe('values accepted as people write them', () => {
  it('active: 是 and 否, stored as booleans', async () => {
    const dir = files({
      ...BASE,
      'members.yaml': BASE['members.yaml']
        .replace('role: member', 'role: member\n    active: 否')
        .replace('role: secretary', 'role: secretary\n    active: 是'),
    });
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    const stored = dump(join(dir, 'cxzy.db')).members as { id: string; active: number }[];
    expect(stored.map((m) => [m.id, m.active])).toEqual([
      ['M1', 1],
      ['M2', 1],
      ['M3', 0],
    ]);
    const bad = await validate(files({ ...BASE, 'members.yaml': BASE['members.yaml'].replace('role: member', 'role: member\n    active: 不') }));
    expect(bad.errors[0].message).toBe('“不”不是有效取值；可选：是、否');
  });

  it('the rules file takes Chinese labels for grades and actions', async () => {
    const dir = files({
      'cxzy.rules.yaml':
        'grading:\n  caps:\n    satisfaction:\n      max: 一般\n  levels:\n    - grade: 好\n      min: 90\n    - grade: 较好\n      min: 80\n    - grade: 一般\n      min: 60\n    - grade: 差\n  actions:\n    poor: 整顿转化\nstars:\n  benchmark:\n    grade: 好\n',
    });
    const r = await cxzy(['rules', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const rules = JSON.parse(r.stdout);
    expect(rules.grading.levels.map((l: { grade: string }) => l.grade)).toEqual(['good', 'fair', 'average', 'poor']);
    expect(rules.grading.caps.satisfaction.max).toBe('average');
    expect(rules.grading.actions.poor).toBe('rectify');
  });
});

describe('texts that say what is meant', () => {
  it.each([
    ['a day the month lacks', 'reports:\n  - org: D01\n    date: 2011-02-30\n    title: 某条信息\n', '日期“2011-02-30”不存在：这个月只有 28 天'],
    ['a fraction of a vote', review(good.replace('basic: 0', 'basic: 30.5')), '必须是整数，实际为 30.5'],
    ['.nan', review(good.replace('self: 90', 'self: .nan')), '“.nan”不是有效的数字'],
    ['1e400', review(good.replace('self: 90', 'self: 1e400')), '“1e400”不是有效的数字'],
  ])('%s', async (_, text, message) => {
    const r = await validate(files({ ...BASE, 'r.yaml': text }));
    expect(r.errors.map((e) => e.message)).toEqual([message]);
  });

  it('--rules naming no file says so', async () => {
    const r = await cxzy(['grade', '--rules', 'nope.yaml'], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cxzy: 用法错误：规则文件 nope.yaml 不存在\n');
  });

  it('init run again says nothing was written; it never writes through a link', async () => {
    const dir = tmp();
    expect((await cxzy(['init', 'o'], { cwd: dir })).stdout).toMatch(/写入 8 个文件/);
    const again = await cxzy(['init', 'o'], { cwd: dir });
    expect(again.stdout).toContain('都已存在，没有写入任何文件');
    const d2 = join(dir, 'p');
    await cxzy(['init', 'p'], { cwd: dir });
    const outside = join(tmp(), 'outside.yaml');
    writeFileSync(join(d2, 'data', 'orgs.yaml'), ''); // placeholder, replaced below by a dangling link
    const { rmSync } = await import('node:fs');
    rmSync(join(d2, 'data', 'orgs.yaml'));
    symlinkSync(outside, join(d2, 'data', 'orgs.yaml'));
    await cxzy(['init', 'p'], { cwd: dir });
    expect(existsSync(outside)).toBe(false);
  });

  it('the demo names no temporary database it then deletes', async () => {
    const r = await cxzy(['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('演示：示例数据已导入一个临时数据库');
    expect(r.stdout).not.toMatch(/cxzy-demo-/);
  });

  it('no empty slot where there is no period yet', async () => {
    const dir = files({ ...BASE });
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    const g = await cxzy(['grade'], { cwd: dir });
    expect(g.stderr).toBe('cxzy: 数据库中还没有测评数据；请先用 cxzy import 导入\n');
    expect((await cxzy(['grade', '--lang', 'en'], { cwd: dir })).stderr).toBe('cxzy: the database has no review data yet; import some with cxzy import\n');
    writeFileSync(join(dir, 'i.yaml'), 'reports:\n  - org: D01\n    date: 2011-01-05\n    title: 某条信息\n');
    expect((await cxzy(['import', '.', '-q'], { cwd: dir })).code).toBe(0);
    const b = await cxzy(['report'], { cwd: dir });
    expect(b.stdout).toContain('；到本月末还没有已结束的测评季度。');
    expect(b.stdout).not.toMatch(/— 无测评记录|： 无测评|分类定级季度 —/);
  });

  it('a folder’s other files are named as skipped', async () => {
    const dir = files({ ...BASE, 'notes.txt': 'x', '说明.docx': 'x', '.hidden': 'x' });
    const r = await validate(dir);
    expect(r.warnings.map((w) => w.message)).toEqual(['. 中有 2 个文件不是数据文件（.yaml、.xlsx），已跳过：notes.txt、说明.docx']);
  });

  it('when the files themselves have errors, it says the checks across files have not run yet', async () => {
    const dir = files({
      ...BASE,
      'r.yaml': review(good.replace('self: 90', 'self: 900')),
      'i.yaml': 'reports:\n  - org: NOPE\n    date: 2011-01-05\n    title: x\n',
    });
    const r = await validate(dir);
    expect(r.errors.map((e) => e.code)).toEqual(['range']);
    expect(r.cross_checked).toBe(false);
    const text = await cxzy(['validate', '.'], { cwd: dir });
    expect(text.stderr).toContain('引用、组织关系等跨文件的检查还没有进行');
  });
});

describe('indentation mistakes: one error, at the line, saying what to fix', () => {
  it.each([
    [
      'a field one space short',
      'period: 2011Q1\npoints:\n  - member: M1\n    study: 18\n   excel: 17\n    service: 20\n',
      [[5, '缩进不对：这里有 3 个空格，与上面的字段对齐应为 4 个']],
    ],
    [
      'a field one space deep',
      'period: 2011Q1\npoints:\n  - member: M1\n    study: 18\n     excel: 17\n',
      [[5, '缩进不对：这里有 5 个空格，与上面的字段对齐应为 4 个']],
    ],
    [
      'a record without its dash',
      'period: 2011Q1\npoints:\n  - member: M1\n    study: 18\n    excel: 17\n    member: M2\n    study: 18\n    excel: 17\n',
      [[6, '字段 member 在同一条记录中又出现了：若这里是新的一条记录，请在前面加“- ”']],
    ],
    [
      'a field at the dashes',
      'orgs:\n  - code: W1\n    name: 甲\n  code: W2\n    name: 乙\n',
      [[4, '这个字段与列表的“- ”对齐了：若是新的一条记录，请在前面加“- ”；若属于上一条记录，应缩进 4 个空格']],
    ],
  ])('%s', async (_, text, expected) => {
    const r = await validate(files({ 'a.yaml': text }));
    expect(r.errors.map((e) => [e.line, e.message])).toEqual(expected);
  });
});

describe('many warnings of one kind are summarised', () => {
  it('a branch’s points file in a county: one line per branch with a count and the first few; --verbose and --format json for all', async () => {
    const members = Array.from({ length: 40 }, (_, i) => `  - id: X${i}\n    name: 某${i}\n    org: D01\n    role: member\n`).join('');
    const dir = files({
      ...BASE,
      'm2.yaml': `members:\n${members}`,
      'p.yaml': 'period: 2011Q1\npoints:\n  - {member: M1, study: 20, excel: 20, service: 20, discipline: 20, integrity: 20}\n',
    });
    const text = await cxzy(['validate', '.'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stderr.match(/没有积分记录/g)).toHaveLength(2);
    expect(text.stderr).toContain('警告  D01 有 41 名在册党员在 2011Q1 没有积分记录：X0 某0、X1 某1、X2 某2 等（加 --verbose 或 --format json 逐个列出）');
    expect(text.stderr).toContain('警告  D02 有 1 名在册党员在 2011Q1 没有积分记录：M3 王五\n');
    const verbose = await cxzy(['validate', '.', '--verbose'], { cwd: dir });
    expect(verbose.stderr.match(/警告 {2}党员 .* 没有积分记录/g)).toHaveLength(42);
    const json = await validate(dir);
    expect(json.warnings.filter((w) => w.code === 'no_points')).toHaveLength(42);
  });
});

describe('tables fit the terminal', () => {
  it('80 columns in a pipe, in English too; a wide terminal keeps whole names', async () => {
    const dir = tmp();
    expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
    const { default: stringWidth } = await import('string-width');
    for (const lang of ['zh', 'en']) {
      for (const args of [['grade'], ['stars'], ['quota'], ['quota', '--period', '2011Q2']]) {
        const r = await cxzy([...args, '--lang', lang], { cwd: dir });
        const tableLines = r.stdout
          .split('\n')
          .slice(1)
          .filter((l) => l !== '' && !/[：:]/.test(l.slice(0, 12)));
        expect(Math.max(...tableLines.slice(0, 20).map((l) => stringWidth(l))), `${lang} ${args.join(' ')}`).toBeLessThanOrEqual(80);
      }
    }
    // A narrow terminal wraps names within their column, never cutting one; a wide one shows them on one line.
    const row = (out: string) => out.split('\n').find((l) => l.includes('D0304')) ?? '';
    const narrow = await cxzy(['grade', '--lang', 'en', '--no-color'], { cwd: dir, tty: true, columns: 70 });
    const lines = narrow.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('D0304'));
    // The name column starts at the seventh column: its text on this row and the lines under it, until the next code.
    const next = lines.findIndex((l, i) => i > at && /^D\d{4}/.test(l));
    const name = lines
      .slice(at, next)
      .map((l) =>
        l
          .slice(7)
          .split(/\s{2,}/)[0]
          .trim(),
      )
      .join('');
    expect(name).toBe('河口乡个体劳动者协会党支部');
    expect(narrow.stdout).not.toContain('…');
    const table = lines.slice(1, lines.indexOf('', 1));
    expect(table.length).toBeGreaterThan(25);
    expect(Math.max(...table.map((l) => stringWidth(l)))).toBeLessThanOrEqual(70);
    const wide = await cxzy(['grade', '--lang', 'en', '--no-color'], { cwd: dir, tty: true, columns: 160 });
    expect(row(wide.stdout)).toContain('河口乡个体劳动者协会党支部');
  });
});

describe('stars before the quarter is graded', () => {
  it('rates the members of the latest quarter with points, and says the rest waits for the grading', async () => {
    const dir = tmp();
    expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'q3.yaml'), 'period: 2011Q3\npoints:\n  - {member: M000001, study: 20, excel: 20, service: 20, discipline: 20, integrity: 20}\n');
    expect((await cxzy(['import', 'q3.yaml', '-q'], { cwd: dir })).code).toBe(0);
    const r = await cxzy(['stars'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2011Q3 积分评星');
    expect(r.stdout).toContain('2011Q3 还没有测评数据：党员已按积分评星，标杆支部和旗帜党委待分类定级后评选');
    const j = JSON.parse((await cxzy(['stars', '--period', '2011Q3', '--format', 'json'], { cwd: dir })).stdout);
    expect(j).toMatchObject({ period: '2011Q3', grading_pending: true, benchmark_branches: [], flag_committees: [] });
    expect(j.members).toHaveLength(1);
  });

  it('a subtree without committees shows no empty flag-committee heading; the name column is 姓名', async () => {
    const dir = tmp();
    expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
    const r = await cxzy(['stars', '--org', 'D0201'], { cwd: dir });
    expect(r.stdout).toContain('标杆支部');
    expect(r.stdout).not.toContain('旗帜党委');
    expect(r.stdout.split('\n')[1]).toMatch(/^党员\s+姓名\s+支部/);
  });
});

describe('smaller things', () => {
  it('--explain with CSV puts the explanation in a column', async () => {
    const dir = tmp();
    expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
    const r = await cxzy(['grade', '--org', 'D0101', '--explain', '--format', 'csv'], { cwd: dir });
    const { parse } = await import('csv-parse/sync');
    const rows = parse(r.stdout.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    expect(rows[0]['说明（计算过程及来源）']).toMatch(/综合 = 0\.2×92 .*2011Q2\/reviews\.yaml:\d+/);
  });

  it('a rules file with a second document, and a directive with no document, are errors', async () => {
    const dir = files({ 'cxzy.rules.yaml': 'grading:\n  commentary_days: 90\n---\nstars:\n  star_min: 17\n', 'd.yaml': '%YAML 1.2\n' });
    const r = await cxzy(['rules'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cxzy.rules.yaml:4:1  错误  规则文件只能有一个文档');
    const d = await validate(files({ 'd.yaml': '%YAML 1.2\n' }));
    expect(d.errors.map((e) => [e.line, e.code])).toEqual([[1, 'yaml_syntax']]);
  });

  it('commander’s messages and help come in the chosen language', async () => {
    expect((await cxzy(['grade', '--perod', '1'])).stderr).toBe('cxzy: 用法错误：没有选项 --perod，是否应为 --period？\n');
    expect((await cxzy(['import'])).stderr).toBe('cxzy: 用法错误：缺少要读的文件或文件夹（如 收件箱）\n');
    expect((await cxzy(['grad'])).stderr).toBe('cxzy: 用法错误：没有命令 grad，是否应为 grade？\n');
    const help = (await cxzy(['init', '--help'])).stdout;
    expect(help).toMatch(/^用法：/);
    expect(help).toContain('选项：');
    expect(help).not.toMatch(/default|Usage|Options/);
    expect((await cxzy(['grade', '--perod', '1', '--lang', 'en'])).stderr).toBe('cxzy: usage error: no option --perod; did you mean --period?\n');
  });

  it('the bulletin counts pledges in force as not yet kept (在诺)', async () => {
    const dir = tmp();
    expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
    const b = JSON.parse((await cxzy(['report', '--format', 'json'], { cwd: dir })).stdout);
    // From the YAML: made by the month's end, neither abandoned nor fulfilled by then, the owner active.
    const y = (f: string) => parseYaml(readFileSync(join(EXAMPLES, f), 'utf8'));
    const orgs = new Map((y('orgs.yaml').orgs as { code: string; active?: boolean }[]).map((o) => [o.code, o.active !== false]));
    const members = new Map(
      (y('members.yaml').members as { id: string; org: string; active?: boolean }[]).map((m) => [m.id, m.active !== false && orgs.get(m.org) === true]),
    );
    type P = { owner: string; made: string; status: string; fulfilled?: string };
    const end = '2011-06-30';
    const inForce = (y('pledges.yaml').pledges as P[]).filter(
      (p) =>
        String(p.made) <= end &&
        (orgs.get(p.owner) ?? members.get(p.owner)) &&
        !['abandoned', '已放弃'].includes(p.status) &&
        !(['fulfilled', '已兑现'].includes(p.status) && String(p.fulfilled) <= end),
    );
    expect(b.pledges.in_force).toBe(inForce.length);
    expect(b.overview.data.pledges).toBe(inForce.length);
  });
});

describe('the catalogues', () => {
  it('give each message id in one catalogue only: a second text of one id would silently replace the first', async () => {
    const dir = join(ROOT, 'src', 'render', 'i18n');
    // A catalogue that spreads another in holds the same entries: only another entry of the same id counts.
    const seen = new Map<string, { at: string; entry: unknown }>();
    const twice: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const mod = (await import(join(dir, f))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        // A catalogue: each entry a text per language.
        const entries = value && typeof value === 'object' ? Object.values(value) : [];
        if (!entries.length || !entries.every((e) => typeof (e as { zh?: unknown }).zh === 'function')) continue;
        for (const [id, entry] of Object.entries(value as object)) {
          const first = seen.get(id);
          if (first !== undefined && first.entry !== entry) twice.push(`${id} (${first.at}, ${f}:${name})`);
          seen.set(id, { at: `${f}:${name}`, entry });
        }
      }
    }
    expect(twice).toEqual([]);
  });
});
