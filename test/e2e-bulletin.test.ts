// cxzy report through the built CLI: each section's figures on the examples
// (checked against the YAML and against grade, stars and quota), the formats,
// and hostile text from the data in HTML, Markdown and XLSX.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { BASE, EXAMPLES, cxzy, files, tmp } from './helpers.js';
import { generate } from '../src/bench/generate.js';

let dir: string;
const db = () => join(dir, 'cxzy.db');
const run = async (args: string[]) => await cxzy([...args, '--db', db()], { cwd: dir });
const json = async (args: string[]) => {
  const r = await run([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  REPORTS = await exampleReports();
  dir = tmp();
  expect((await cxzy(['import', EXAMPLES, '-q'], { cwd: dir })).code).toBe(0);
});

type Row = { org: string; date: string; title: string; adopted?: string };
const POINTS: Record<string, number> = { none: 1, county: 5, city: 10, province: 20, central: 40 };
const LABELS: Record<string, string> = { 未采用: 'none', 县级: 'county', 市级: 'city', 省级: 'province', 中央: 'central' };

/** The example quarter's reports as written: the YAML's, and one branch's in its workbook's 信息报送 sheet. */
async function exampleReports(): Promise<Row[]> {
  const rows = parseYaml(readFileSync(join(EXAMPLES, '2011Q2', 'reports.yaml'), 'utf8')).reports as Row[];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(EXAMPLES, '2011Q2', 'D0202-2011Q2.xlsx'));
  wb.getWorksheet('信息报送')!.eachRow((row, n) => {
    if (n === 1) return;
    const [, , org, date, title, adopted] = row.values as unknown[];
    rows.push({ org: String(org), date: (date as Date).toISOString().slice(0, 10), title: String(title), adopted: String(adopted) });
  });
  expect(rows.filter((r) => r.org === 'D0202').length).toBeGreaterThan(0);
  return rows;
}
let REPORTS: Row[];

/** The month's counted items straight from the example files: active orgs, one per org and title. */
function itemsFromYaml(month: string): Map<string, string> {
  const inactive = new Set(
    (parseYaml(readFileSync(join(EXAMPLES, 'orgs.yaml'), 'utf8')).orgs as { code: string; active?: boolean }[])
      .filter((o) => o.active === false)
      .map((o) => o.code),
  );
  const rows = REPORTS;
  const best = new Map<string, string>();
  const order = Object.keys(POINTS);
  for (const r of rows) {
    if (!r.date.startsWith(month) || inactive.has(r.org)) continue;
    const k = `${r.org}|${r.title}`;
    const a = LABELS[r.adopted ?? ''] ?? r.adopted ?? 'none';
    if (!best.has(k) || order.indexOf(a) > order.indexOf(best.get(k)!)) best.set(k, a);
  }
  return best;
}

describe('report on the examples', () => {
  it('defaults to the latest month with reports and the quarter graded by its end', async () => {
    const b = await json(['report']);
    expect([b.month, b.period, b.graded_period]).toEqual(['2011-06', '2011Q2', '2011Q2']);
    expect((await json(['report', '--month', '2011-05'])).graded_period).toBe('2011Q1');
    const feb = await json(['report', '--month', '2011-02']);
    expect([feb.graded_period, feb.grading, feb.stars]).toEqual([null, null, null]);
    expect((await run(['report', '--month', '2011-02'])).stdout).toContain('截至本月末尚无已测评的季度');
  });

  it('1. overview: who is covered and whose data is missing', async () => {
    const o = (await json(['report'])).overview;
    expect(o.orgs).toEqual({ committees: 6, branches: 19 }); // 26 orgs, D0204 inactive
    expect(o.members).toBe(171);
    expect(o.no_review).toEqual([{ org: 'D0301', name: '河口村党支部' }]);
    expect(o.no_reports).toEqual([]);
    expect(o.data.reports).toBe(itemsFromYaml('2011-06').size);
    expect(o.data.reviews).toBe(23);
  });

  it('2. reports: the quota as `quota` computes it, adoption points from the YAML, typicals', async () => {
    const r = (await json(['report'])).reports;
    const q = await json(['quota', '--month', '2011-06']);
    expect(r.month).toEqual(q);
    expect(r.month.summary).toEqual({ met: 24, missed: 1 });
    expect(r.month.orgs.find((o: { org: string }) => o.org === 'D0302')).toMatchObject({ count: 2, shortfall: 1, met: false });
    const adopted = [...itemsFromYaml('2011-06').values()].filter((a) => a !== 'none');
    expect(r.adopted.length).toBe(adopted.length);
    expect(r.adopted.reduce((s: number, i: { points: number }) => s + i.points, 0)).toBe(adopted.reduce((s, a) => s + POINTS[a], 0));
    expect(r.adopted[0].sources[0].file).toMatch(/2011Q2\/(reports\.yaml|D0202-2011Q2\.xlsx)$/);
    const months = Object.keys(r.quarter_to_date.orgs[0].months);
    expect(months).toEqual(['2011-04', '2011-05', '2011-06']);
    const w = (c: string) => r.typicals.find((x: { org: string }) => x.org === c);
    expect(w('W02')).toMatchObject({ count: 2, met: true });
    expect(w('W03')).toMatchObject({ count: 0, met: false });
    // Each active org once, under the committee in whose charge it is: Z0401 (a 党总支 under W04) has a bar of its own.
    expect(r.committees.map((c: { org: string; met: number; missed: number }) => [c.org, c.met + c.missed])).toEqual([
      ['W00', 1],
      ['W01', 6],
      ['W02', 5],
      ['W03', 5],
      ['W04', 5],
      ['Z0401', 3],
    ]);
  });

  it('3. pledges: kept, overdue, coverage, vague with reasons, evaluations', async () => {
    const p = (await json(['report'])).pledges;
    expect(p.fulfilled.map((x: { id: string }) => x.id)).toEqual(['P-D0201-2011-01']);
    expect(p.overdue.map((x: { id: string }) => x.id)).toContain('P-D0102-2011-01');
    expect(p.overdue.every((x: { due: string }) => x.due <= '2011-06-30')).toBe(true);
    expect(p.coverage.orgs.total).toBe(25);
    expect(p.coverage.orgs.without.map((o: { org: string }) => o.org)).toContain('W00');
    expect(p.coverage.members.total).toBe(171);
    expect(p.vague).toHaveLength(6);
    const short = p.vague.find((v: { content: string }) => v.content === '积极为群众办实事好事');
    expect(short.reasons.map((r: { code: string }) => r.code)).toEqual(['vague_short', 'vague_no_number']);
    expect(p.evaluated.length).toBeGreaterThan(0);
    const v = p.evaluated.reduce(
      (a: number[], e: { votes: { satisfied: number; basic: number; unsatisfied: number } }) => [
        a[0] + e.votes.satisfied + e.votes.basic,
        a[1] + e.votes.satisfied + e.votes.basic + e.votes.unsatisfied,
      ],
      [0, 0],
    );
    expect(p.satisfaction).toBeCloseTo(v[0] / v[1], 10);
    expect(p.made).toEqual([]); // every example pledge was made in January
  });

  it('4. grading and 5. stars agree with grade and stars', async () => {
    const b = await json(['report']);
    const g = await json(['grade']);
    expect(b.grading.summary).toEqual(g.summary);
    const moved = g.orgs
      .filter((o: { movement: string }) => o.movement === 'up' || o.movement === 'down')
      .map((o: { org: string }) => o.org)
      .sort();
    expect(b.grading.moved.map((o: { org: string }) => o.org).sort()).toEqual(moved);
    expect(b.grading.overrides.map((o: { org: string }) => o.org)).toEqual(['D0203']);
    expect(b.grading.remedial).toEqual([{ org: 'D0404', name: '县供电公司党支部', satisfaction: 0.88, grade: 'average', action: 'push' }]);
    const s = await json(['stars']);
    expect(b.stars.red_stars.map((m: { member: string }) => m.member)).toEqual(
      s.members.filter((m: { red_star: boolean }) => m.red_star).map((m: { member: string }) => m.member),
    );
    expect(b.stars.benchmark_branches).toEqual(s.benchmark_branches);
    expect(b.stars.flag_committees).toEqual(['W02']);
    expect(b.stars.rated).toBe(s.members.length);
  });

  it('names the same red stars as stars when the rules ask fewer stars and a lower bar', async () => {
    // The bulletin reads only the points that can reach a red star; with other rules it must still find them all.
    writeFileSync(join(dir, 'easy.yaml'), 'stars:\n  star_min: 17\n  red_star: {stars: 4, satisfaction: 0.8}\n');
    const b = await json(['report', '--rules', 'easy.yaml']);
    const s = await json(['stars', '--rules', 'easy.yaml']);
    const reds = s.members.filter((m: { red_star: boolean }) => m.red_star).map((m: { member: string }) => m.member);
    expect(reds.length).toBeGreaterThan((await json(['stars'])).members.filter((m: { red_star: boolean }) => m.red_star).length);
    expect(b.stars.red_stars.map((m: { member: string }) => m.member)).toEqual(reds);
    expect(b.stars.benchmark_branches).toEqual(s.benchmark_branches);
    expect(b.stars.rated).toBe(s.members.length);
  });

  it("Markdown: the body's six sections, then four attachments, GFM tables, English on request", async () => {
    const md = (await run(['report'])).stdout;
    const heads = md.split('\n').filter((l) => l.startsWith('## '));
    expect(heads).toEqual([
      '## 一、总体情况',
      '## 二、信息报送',
      '## 三、公开承诺',
      '## 四、分类定级',
      '## 五、积分评星',
      '## 六、工作要求',
      '## 附件1　信息报送完成情况',
      '## 附件2　公开承诺情况',
      '## 附件3　分类定级情况',
      '## 附件4　积分评星情况',
    ]);
    expect(md).toContain(
      '| 名次 | 编号 | 名称 | 4月 | 5月 | 6月 | 差额 | 本月积分 | 达标月数 | 季度积分 |\n| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    expect(md).toMatch(/\| 20 \| D0302 \| 王家庄村党支部 \| \d+ \| \d+ \| 2 \| 1 \| \d+ \| \d \| \d+ \|/);
    const en = (await run(['report', '--lang', 'en'])).stdout;
    expect(
      en
        .split('\n')
        .filter((l) => l.startsWith('## '))
        .slice(0, 6),
    ).toEqual(['## 1. Overview', '## 2. Information reports', '## 3. Public pledges', '## 4. Grading', '## 5. Stars', '## 6. What follows']);
    expect(en).toContain('| D0404 | 县供电公司党支部 | 88.0% | average | push |');
  });

  it('--out picks the format from the extension and writes nothing to stdout', async () => {
    const out = join(dir, '六月通报.html');
    const r = await run(['report', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`通报已写入 ${out}`);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect((await run(['report', '--out', join(dir, 'b.json')])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).month).toBe('2011-06');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe((await run(['report', '--format', 'json'])).stdout);
  });

  it('usage and environment errors: exit 2 for format, 1 for no data, 3 when the file cannot be written', async () => {
    const ext = await run(['report', '--out', join(dir, 'b.txt')]);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toContain('无法从文件名');
    const x = await run(['report', '--format', 'xlsx']);
    expect(x.code).toBe(2);
    expect(x.stderr).toContain('--out');
    expect((await run(['report', '--format', 'pdf'])).code).toBe(2);
    expect((await run(['report', '--month', '2011-13'])).code).toBe(2);
    const none = await run(['report', '--month', '2012-01']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('2012-01 没有信息报送数据');
    const bad = await run(['report', '--out', join(dir, 'missing', 'b.html')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('无法写入');
    expect(bad.stderr).not.toContain('    at ');
    expect((await run(['report', '--out', join(dir, 'missing', 'b.json')])).code).toBe(3); // written in pieces, failing the same way
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('XLSX prints as the notice does: its text on a sheet as wide as the page, then 附件1…附件4, each with its tables under their captions; numbers and dates typed', async () => {
    const out = join(dir, 'b.xlsx');
    expect((await run(['report', '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['通报', '附件1', '附件2', '附件3', '附件4']);
    const notice = wb.worksheets[0];
    expect(notice.getColumn(1).values.slice(1, 4)).toEqual(['创先争优活动领导小组办公室', '关于2011年6月创先争优活动开展情况的通报', '各基层党组织：']);
    expect(notice.getColumn(1).values).toContain('附件：1. 信息报送完成情况');
    // Fitted to the page's width: one column, narrower than A4 portrait holds at 100%, wrapping.
    expect([notice.columnCount, notice.getColumn(1).width! <= 64, notice.getColumn(1).alignment?.wrapText]).toEqual([1, true, true]);
    for (const ws of wb.worksheets)
      expect([ws.pageSetup.paperSize, ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight], ws.name).toEqual([9, true, 1, 0]);
    expect(notice.pageSetup.orientation).toBe('portrait');
    /** The rows of the table under `caption` on sheet `ws`: its header, then its rows up to the next blank row. */
    const tableUnder = (ws: ExcelJS.Worksheet, caption: string) => {
      let at = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(1).value === caption) at = n;
      });
      expect(at, caption).toBeGreaterThan(0);
      const header = (ws.getRow(at + 1).values as unknown[]).slice(1);
      const rows: ExcelJS.Row[] = [];
      for (let n = at + 2; ws.getRow(n).getCell(1).value != null; n++) rows.push(ws.getRow(n));
      return { header, rows, cell: (r: ExcelJS.Row, h: string) => r.getCell(header.indexOf(h) + 1) };
    };
    const a1 = wb.getWorksheet('附件1')!;
    expect([a1.getRow(1).getCell(1).value, a1.getRow(2).getCell(1).value]).toEqual(['附件1', '信息报送完成情况']);
    const month = tableUnder(a1, '2011年6月信息报送完成情况（每月至少3条，按本月采用积分排名）');
    expect(month.rows).toHaveLength(25);
    expect(month.cell(month.rows[0], '名次').value).toBe(1);
    expect(month.cell(month.rows[0], '编号').value).toBe('D0101');
    expect(typeof month.cell(month.rows[0], '本月积分').value).toBe('number');
    expect(month.cell(month.rows[0], '名次').font?.bold).toBeFalsy();
    const kept = tableUnder(wb.getWorksheet('附件2')!, '本月兑现承诺');
    const date = kept.cell(kept.rows[0], '兑现日期');
    expect([date.value, date.numFmt]).toEqual([new Date('2011-06-20T00:00:00Z'), 'yyyy-mm-dd']);
    const remedial = tableUnder(wb.getWorksheet('附件3')!, '补课整改名单（群众满意率低于90.0%）');
    const sat = remedial.cell(remedial.rows[0], '满意率');
    expect([sat.value, sat.numFmt]).toEqual([0.88, '0.0%']);
    expect(tableUnder(wb.getWorksheet('附件4')!, '红星党员').rows.length).toBe(19);
  });
});

describe('report at scale', () => {
  it('Markdown and HTML cut long tables at 500 rows and say so; JSON keeps every row', async () => {
    const dir = tmp();
    generate({ name: 'test', branches: 600 }, join(dir, 'data'));
    const db = join(dir, 'g.db');
    expect((await cxzy(['import', join(dir, 'data'), '--db', db, '-q'])).code).toBe(0);
    const md = (await cxzy(['report', '--db', db])).stdout;
    const section = md.slice(md.indexOf('**2011年6月信息报送完成情况'), md.indexOf('**本月未报送信息的组织**'));
    expect(section.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(500);
    expect(section).toContain('（仅列出前500行，共607行；完整名单见 --format xlsx 或 json）');
    const json = JSON.parse((await cxzy(['report', '--db', db, '--format', 'json'])).stdout);
    expect(json.reports.month.orgs).toHaveLength(607);
    expect(json.pledges.coverage.members.by_org.length).toBeGreaterThan(500);
  }, 60_000);
});

describe('report with hostile text in the data', () => {
  const HOSTILE = ['<script>alert("x")</script>', '=HYPERLINK("http://evil.example","点我")', '+1+1', '-2+3', '@SUM(1,1)', 'a | b'];
  let hdir: string;
  beforeAll(async () => {
    hdir = files({
      ...BASE,
      'orgs2.yaml': `orgs:\n  - code: D03\n    name: '<img src=x onerror=alert(1)>支部'\n    type: branch\n    parent: W01\n    category: rural\n`,
      'reports.yaml': `reports:\n${HOSTILE.map((t, i) => `  - org: D01\n    date: "2011-03-0${i + 1}"\n    title: '${t.replace(/'/g, "''")}'\n    adopted: county\n`).join('')}`,
      'reviews.yaml': `period: 2011Q1\nreviews:\n  - org: D01\n    self: 90\n    masses: {satisfied: 40, basic: 0, unsatisfied: 0}\n    superior: 90\n    grade: good\n    reason: '=1+1 <b>抢险</b>'\n`,
    });
    const r = await cxzy(['import', hdir, '--db', join(hdir, 'h.db'), '-q']);
    expect(r.stderr).not.toContain('错误');
    expect(r.code).toBe(0);
  });
  const hrun = async (args: string[]) => await cxzy([...args, '--db', join(hdir, 'h.db')], { cwd: hdir });

  it('HTML escapes every text from the data', async () => {
    expect((await hrun(['report', '--out', join(hdir, 'h.html')])).code).toBe(0);
    const html = readFileSync(join(hdir, 'h.html'), 'utf8');
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;支部');
    expect(html).toContain('=1+1 &lt;b&gt;抢险&lt;/b&gt;');
  });

  it('Word keeps every text from the data as text: escaped in the XML, no field, no markup', async () => {
    const out = join(hdir, 'h.docx');
    expect((await hrun(['report', '--org', 'W01', '--out', out])).code).toBe(0);
    const zip = await unzipper.Open.file(out);
    const xml = (await zip.files.find((f) => f.path === 'word/document.xml')!.buffer()).toString('utf8');
    expect(xml).not.toMatch(/<script|<img|<b>/i);
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(xml).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;点我&quot;)');
    expect(xml).toContain('=1+1 &lt;b&gt;抢险&lt;/b&gt;');
    expect(xml).not.toContain('w:fldSimple');
  });

  it('Markdown keeps tables whole and tags inert', async () => {
    const md = (await hrun(['report'])).stdout;
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('a \\| b');
  });

  it('XLSX stores formula-like text as text, never as a formula', async () => {
    const out = join(hdir, 'h.xlsx');
    expect((await hrun(['report', '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const seen = new Map<string, ExcelJS.Cell>();
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (typeof c.value === 'string') seen.set(c.value, c);
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(c.formula).toBeFalsy();
        }),
      );
    for (const t of [...HOSTILE, '=1+1 <b>抢险</b>']) {
      const c = seen.get(t);
      expect(c, t).toBeDefined();
      expect(c!.type).toBe(ExcelJS.ValueType.String);
    }
    expect(seen.get('=HYPERLINK("http://evil.example","点我")')!.numFmt).toBe('@');
  });
});
