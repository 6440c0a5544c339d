// The bulletin as a notice: the Word document read back (its XML; through
// LibreOffice to PDF in e2e/notice-pdf.test.ts); Markdown's notice layout; the office settings; one
// committee's bulletin (--org); the options' mistakes.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import unzipper from 'unzipper';
import { EXAMPLES, cxzy, tmp } from './helpers.js';
import { renderDocx } from '../src/render/formats/docx.js';
import { text, type Doc } from '../src/render/doc.js';
import { proseFaults } from '../src/render/i18n/figures.js';

const OFFICE = 'office:\n  name: 中共示范县委创先争优活动领导小组办公室\n  area: 示范县\n  number_prefix: 县创争办\n';
const ISSUER = '中共示范县委创先争优活动领导小组办公室';
const TITLE = '关于2011年6月创先争优活动开展情况的通报';
const SECTIONS = ['一、总体情况', '二、信息报送', '三、公开承诺', '四、分类定级', '五、积分评星', '六、工作要求'];
const ATTACHMENTS = ['信息报送完成情况', '公开承诺情况', '分类定级情况', '积分评星情况'];

let dir: string;
const run = (args: string[]) => cxzy([...args, '--db', join(dir, 'cxzy.db')], { cwd: dir });

/** A .docx part's text: the runs of each paragraph joined, one paragraph a line. */
async function docxText(file: string, part = 'word/document.xml'): Promise<string> {
  const zip = await unzipper.Open.file(file);
  const xml = (await zip.files.find((f) => f.path === part)!.buffer()).toString('utf8');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

beforeAll(async () => {
  dir = tmp();
  expect((await run(['import', EXAMPLES, '-q'])).code).toBe(0);
  writeFileSync(join(dir, 'cxzy.rules.yaml'), OFFICE);
});

describe('the Word notice', () => {
  let file: string;
  beforeAll(async () => {
    file = join(dir, '六月通报.docx');
    const r = await run(['report', '--number', '6', '--date', '2011-07-05', '--out', file]);
    expect([r.code, r.stderr]).toEqual([0, `通报已写入 ${file}\n`]);
  });

  it('holds issuer, number, title, addressee, every section, the attachment list, signature and date, then each attachment', async () => {
    const text = await docxText(file);
    const lines = text.split('\n');
    const at = (s: string) => lines.indexOf(s);
    const order = [
      ISSUER,
      '县创争办〔2011〕6号',
      TITLE,
      '各基层党组织：',
      ...SECTIONS,
      '附件：1.信息报送完成情况',
      '2.公开承诺情况',
      '2011年7月5日',
      '附件1',
      ...ATTACHMENTS,
    ];
    const found = order.map(at);
    expect(
      found.every((i) => i >= 0),
      order.filter((_, i) => found[i] < 0).join(' '),
    ).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    expect(text).toContain('示范县现有党组织25个（党委6个、党支部19个），党员171名。');
    expect(text).toContain('未达标的是：王家庄村党支部（差1条）。');
    // No file path in the printed form.
    expect(text).not.toMatch(/\.yaml|\.xlsx|examples\//);
  });

  it('has real Word tables with header rows repeated on each page, and page numbers', async () => {
    const zip = await unzipper.Open.file(file);
    const xml = (await zip.files.find((f) => f.path === 'word/document.xml')!.buffer()).toString('utf8');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(xml).toContain('<w:tblHeader');
    const footers = zip.files.filter((f) => /^word\/footer\d*\.xml$/.test(f.path));
    const footerXml = (await Promise.all(footers.map(async (f) => (await f.buffer()).toString('utf8')))).join('');
    expect(footerXml).toMatch(/PAGE/);
  });

  it('turns an attachment whose table is too wide for portrait to landscape, and only that one', async () => {
    const wide = {
      caption: '宽表',
      headers: Array.from({ length: 14 }, (_, i) => `列${i + 1}`),
      rows: [Array.from({ length: 14 }, () => text('河口乡个体劳动者协会党支部'))],
    };
    const narrow = { caption: '窄表', headers: ['编号', '名称'], rows: [[text('D01'), text('红湾社区党支部')]] };
    const notice = {
      issuer: '办公室',
      number: null,
      title: '标题',
      to: '各党组织：',
      date: '2011年7月5日',
      attachments: ['宽', '窄'],
      label: '附件：',
      imprint: null,
    };
    const doc: Doc = {
      lang: 'zh',
      notice,
      sections: [
        { id: 'a', title: '附件1　宽', attachment: 1, parts: [{ kind: 'table', table: wide }] },
        { id: 'b', title: '附件2　窄', attachment: 2, parts: [{ kind: 'table', table: narrow }] },
      ],
    };
    const out = join(tmp(), 'w.docx');
    writeFileSync(out, await renderDocx(doc));
    const xml = (await (await unzipper.Open.file(out)).files.find((f) => f.path === 'word/document.xml')!.buffer()).toString('utf8');
    expect([...xml.matchAll(/w:orient="(\w+)"/g)].map((m) => m[1])).toEqual(['portrait', 'landscape', 'portrait']);
  });
});

describe('the notice in Markdown', () => {
  it('heads it with issuer, number and title, lists the attachments, and has no source column', async () => {
    const md = (await run(['report', '--number', '12', '--date', '2011-07-05'])).stdout;
    expect(md.startsWith(`**${ISSUER}**\n\n县创争办〔2011〕12号\n\n# ${TITLE}\n\n各基层党组织：\n\n现将2011年6月示范县创先争优活动开展情况通报如下。`)).toBe(
      true,
    );
    for (const s of SECTIONS) expect(md).toContain(`## ${s}`);
    expect(md).toContain(`附件：\n\n1. 信息报送完成情况\n2. 公开承诺情况\n3. 分类定级情况\n4. 积分评星情况\n\n${ISSUER}  \n2011年7月5日`);
    expect(md).toContain('## 附件1　信息报送完成情况');
    expect(md).not.toMatch(/examples\/|\.yaml|\.xlsx/);
  });

  it('without office settings names a generic office and area, and without --number has no number', async () => {
    // A database with no rules beside it: the warning names where to put them.
    const bare = tmp();
    copyFileSync(join(dir, 'cxzy.db'), join(bare, 'cxzy.db'));
    const r = await cxzy(['report', '--db', 'cxzy.db', '--date', '2011-07-05'], { cwd: bare });
    const md = r.stdout;
    expect(md.startsWith(`**创先争优活动领导小组办公室**\n\n# ${TITLE}`)).toBe(true);
    // Said, not guessed: the settings to add, and the file where they are looked for.
    expect([r.code, r.stderr]).toEqual([
      0,
      `注意：规则文件没有设置发文机关（office.name），通报的红头和落款用了通用名称。请在规则文件 ${join(bare, 'cxzy.rules.yaml')} 中加入 office 一节，填写 office.name、office.area、office.number_prefix（cxzy init 写出的 cxzy.rules.yaml 有带注释的示例；也可用 --rules 指定规则文件）。\n`,
    ]);
    writeFileSync(join(bare, 'area.yaml'), 'office:\n  area: 示范县\n');
    const some = await cxzy(['report', '--db', 'cxzy.db', '--rules', 'area.yaml', '--lang', 'en', '--out', 'n.docx'], { cwd: bare });
    expect(some.code).toBe(0);
    expect(some.stderr).toContain(`Add an office section with office.name, office.number_prefix to the rules file ${join(bare, 'area.yaml')}`);
    expect(some.stderr).toContain('bulletin written to n.docx');
    writeFileSync(join(bare, 'named.yaml'), 'office:\n  name: 中共示范县委创先争优活动领导小组办公室\n');
    const named = await cxzy(['report', '--db', 'cxzy.db', '--rules', 'named.yaml', '--number', '6', '--date', '2011-07-05'], { cwd: bare });
    expect(named.stdout).toContain('\n〔2011〕6号\n');
    expect(named.stderr).toBe(
      `注意：规则文件没有设置文号前缀（office.number_prefix），文号只有年份和顺序号。请在规则文件 ${join(bare, 'named.yaml')} 的 office 一节填写 number_prefix（如 县创争办）。\n`,
    );
    expect((await cxzy(['report', '--db', join(dir, 'cxzy.db'), '--rules', 'named.yaml'], { cwd: bare })).stderr).toBe('');
    expect(md).toContain('全县现有党组织25个');
    const en = (await cxzy(['report', '--db', join(dir, 'cxzy.db'), '--date', '2011-07-05', '--lang', 'en'], { cwd: bare })).stdout;
    expect(en).toContain('# Bulletin on the campaign, June 2011');
    expect(en).toContain('5 July 2011');
  });

  it('refuses a bad --number, --date or office setting, saying which', async () => {
    const n = await run(['report', '--number', 'six']);
    expect([n.code, n.stderr]).toEqual([2, 'cxzy: 用法错误：--number 应为正整数（文号的顺序号），实际为 six\n']);
    const d = await run(['report', '--date', '2011-13-01']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--date 应写成 YYYY-MM-DD，实际为 2011-13-01');
    // A database of its own, so that the rules beside it are the bad ones.
    const bad = tmp();
    copyFileSync(join(dir, 'cxzy.db'), join(bad, 'cxzy.db'));
    writeFileSync(join(bad, 'cxzy.rules.yaml'), 'office:\n  nmae: 办公室\n');
    const r = await cxzy(['report', '--db', 'cxzy.db'], { cwd: bad });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'cxzy.rules.yaml:2:3  错误  office.nmae: 未知字段 nmae；允许的字段：name, area, number_prefix, code, addressee, cc, printer, requirements',
    );
  });
});

/** The body's paragraphs of a Markdown notice: from the title to the attachments' list, headings left out. */
const bodyOf = (md: string) =>
  md
    .slice(md.indexOf('\n# '), md.search(/\n(附件：|Attachments:)\n/))
    .split('\n\n')
    .slice(2)
    .filter((p) => p && !p.startsWith('#'));

describe('figures in running text', () => {
  it.each([
    ['2011-04', 'zh'],
    ['2011-05', 'zh'],
    ['2011-06', 'zh'],
    ['2011-04', 'en'],
    ['2011-05', 'en'],
    ['2011-06', 'en'],
  ] as const)('%s %s: as an office writes them, in every sentence of the body', async (month, lang) => {
    const body = bodyOf((await run(['report', '--month', month, '--lang', lang])).stdout);
    expect(body.length).toBeGreaterThanOrEqual(7);
    for (const p of body) expect(proseFaults(lang, p), p).toEqual([]);
  });
});

describe('report --org', () => {
  it("is the committee's own bulletin: only its subtree, ranked among themselves, titled for it", async () => {
    const all = JSON.parse((await run(['report', '--format', 'json'])).stdout);
    const w01 = JSON.parse((await run(['report', '--org', 'W01', '--format', 'json'])).stdout);
    const tree = JSON.parse((await run(['grade', '--org', 'W01', '--format', 'json'])).stdout).orgs.map((o: { org: string }) => o.org);
    const subtree = new Set<string>(['W01', ...tree]);
    const codes = (list: (string | { org?: string; code?: string })[]) => list.map((x) => (typeof x === 'string' ? x : (x.org ?? x.code!)));
    expect(codes(w01.reports.month.orgs).every((c: string) => subtree.has(c))).toBe(true);
    expect(codes(w01.reports.month.orgs).length).toBeLessThan(codes(all.reports.month.orgs).length);
    expect(w01.reports.month.orgs.map((o: { rank: number }) => o.rank)[0]).toBe(1);
    for (const list of [w01.overview.no_review, w01.pledges.coverage.orgs.without, w01.stars.benchmark_branches, w01.stars.flag_committees, w01.grading.moved])
      expect(codes(list).every((c: string) => subtree.has(c))).toBe(true);
    expect(w01.stars.red_stars.every((m: { org: string }) => subtree.has(m.org))).toBe(true);
    expect(w01.overview.orgs.committees + w01.overview.orgs.branches).toBe(subtree.size);
    const md = (await run(['report', '--org', 'W01', '--date', '2011-07-05'])).stdout;
    expect(md).toContain('# 关于城关镇党委2011年6月创先争优活动开展情况的通报');
    expect(md).toContain('城关镇党委所属各党组织：');
    const names = new Set(all.reports.month.orgs.filter((o: { org: string }) => !subtree.has(o.org)).map((o: { name: string }) => o.name));
    for (const name of names) expect(md).not.toContain(`| ${name} |`);
  });

  it('names an unknown committee', async () => {
    const r = await run(['report', '--org', 'W99']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('W99');
  });
});
