// The Word notice through a client nobody here wrote: LibreOffice converts it
// to PDF, and `pdftotext -bbox-layout` says where every line landed. On the
// examples' three months, a four-branch county, a county with long lists and a
// 3,000-branch county, in Chinese and in English: no heading ends a page, the
// signature is never alone at the top of one, page numbers stand right on odd
// pages and left on even ones, the 版记 sits at the foot of the last page, and
// the body's figures are written as an office writes them. Each page of the
// June notice is left as a PNG in test-output/notice/ for a person to look at.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/bench/generate.js';
import { proseFaults } from '../../src/render/i18n/figures.js';
import { t } from '../../src/render/i18n/index.js';
import { EXAMPLES, ROOT, cxzy, tmp } from '../helpers.js';

const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!SOFFICE && process.env.CXZY_REQUIRE_OFFICE) throw new Error('soffice is missing; install it with: apt-get install libreoffice-writer-nogui');
const OUT = join(ROOT, 'test-output', 'notice');
const ISSUER = '中共示范县委创先争优活动领导小组办公室';
const OFFICE = `office:\n  name: ${ISSUER}\n  area: 示范县\n  number_prefix: 县创争办\n  cc: [市委创先争优活动领导小组办公室, 县委组织部]\n`;
const LONG_OFFICE = `${OFFICE}  addressee: 各乡镇党委，县直各单位党组织，县教育系统、卫生系统各党组织，各非公有制经济组织和社会组织党组织\n  printer: 示范县委创先争优活动领导小组办公室秘书组\n`;
const SECTIONS = ['一、总体情况', '二、信息报送', '三、公开承诺', '四、分类定级', '五、积分评星', '六、工作要求'];
const ATTACHMENTS = ['信息报送完成情况', '公开承诺情况', '分类定级情况', '积分评星情况'];
/** The type area's sides in points: portrait 28 mm from the left and 26 from the right, landscape 37 and 35. */
const mm = (n: number) => (n * 72) / 25.4;

type Lang = 'zh' | 'en';
interface Fixture {
  name: string;
  lang: Lang;
  db: string;
  args: string[];
  rules?: string;
  /** The most pages the notice may take, all of it and before its attachments. */
  pages?: { all: number; body: number };
}
interface Line {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Its words run together: LibreOffice breaks runs where fonts change (2011 年). */
  text: string;
}
interface Page {
  width: number;
  height: number;
  lines: Line[];
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Every page of a PDF with its lines of text and where they are, top to bottom. */
function pdfPages(pdf: string): Page[] {
  const xml = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).stdout;
  const entities = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return xml
    .split('<page ')
    .slice(1)
    .map((p) => {
      const [, width, height] = p.match(/^width="([\d.]+)" height="([\d.]+)"/)!;
      const lines = [...p.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: squeeze(entities([...m[5].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''))),
      }));
      return { width: Number(width), height: Number(height), lines: lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0) };
    });
}

const isNumber = (l: Line) => /^—\d+—$/.test(l.text);
const headings = (lang: Lang) =>
  [
    ...(['bulletin_s_overview', 'bulletin_s_reports', 'bulletin_s_pledges', 'bulletin_s_grading', 'bulletin_s_stars', 'bulletin_s_closing'] as const).map(
      (id) => t(lang, id),
    ),
    ...[1, 2, 3, 4].map((n) => t(lang, 'bulletin_att_title', { n, name: '' }).split(/[　:：]/)[0]),
  ].map(squeeze);

let fixtures: Fixture[];
const pdfs = new Map<string, Page[]>();
let bodies: Map<string, string[]>;

/** A generated county imported into a database of its own. */
async function county(branches: number, dir: string): Promise<string> {
  generate({ name: `county-${branches}`, branches }, join(dir, 'data'));
  const db = join(dir, 'cxzy.db');
  expect((await cxzy(['import', join(dir, 'data'), '--db', db, '-q'])).code).toBe(0);
  rmSync(join(dir, 'data'), { recursive: true });
  return db;
}

beforeAll(async () => {
  if (!SOFFICE) return;
  const dir = tmp();
  const examples = join(dir, 'examples.db');
  expect((await cxzy(['import', EXAMPLES, '--db', examples, '-q'])).code).toBe(0);
  writeFileSync(join(dir, 'office.yaml'), OFFICE);
  writeFileSync(join(dir, 'long.yaml'), LONG_OFFICE);
  const [four, long, big] = [await county(4, tmp()), await county(300, tmp()), await county(3000, tmp())];
  fixtures = [
    ...(['zh', 'en'] as const).flatMap((lang) =>
      (['2011-04', '2011-05', '2011-06'] as const).map((month) => ({
        name: `examples-${month}-${lang}`,
        lang,
        db: examples,
        args: ['--month', month],
        // The June notice: its body and signature on three pages, each attachment from a new page (GB/T 9704).
        ...(month === '2011-06' ? { pages: lang === 'zh' ? { all: 9, body: 3 } : { all: 12, body: 4 } } : {}),
      })),
    ),
    ...(['zh', 'en'] as const).flatMap((lang) => [
      { name: `four-${lang}`, lang, db: four, args: [] },
      { name: `long-${lang}`, lang, db: long, args: [], rules: join(dir, 'long.yaml') },
      { name: `county-${lang}`, lang, db: big, args: [] },
    ]),
  ];
  const docx = join(dir, 'docx');
  mkdirSync(docx);
  bodies = new Map();
  for (const f of fixtures) {
    const args = ['report', '--db', f.db, '--rules', f.rules ?? join(dir, 'office.yaml'), '--number', '6', '--date', '2011-07-05', '--lang', f.lang, ...f.args];
    expect((await cxzy([...args, '--out', join(docx, `${f.name}.docx`), '-q'])).code).toBe(0);
    const md = (await cxzy(args)).stdout;
    bodies.set(
      f.name,
      md
        .slice(md.indexOf('\n# '), md.search(/\n(附件：|Attachments:)\n/))
        .split('\n\n')
        .slice(2)
        .filter((p) => p && !p.startsWith('#')),
    );
  }
  // The Excel notice of the June example, printed by LibreOffice Calc as well.
  for (const lang of ['zh', 'en'])
    expect(
      (await cxzy(['report', '--db', examples, '--rules', join(dir, 'office.yaml'), '--lang', lang, '--out', join(docx, `workbook-${lang}.xlsx`), '-q'])).code,
    ).toBe(0);
  const pdf = join(dir, 'pdf');
  const names = [...fixtures.map((f) => f.name), 'workbook-zh', 'workbook-en'];
  const files = names.map((n) => join(docx, `${n}.${n.startsWith('workbook') ? 'xlsx' : 'docx'}`));
  const r = spawnSync(SOFFICE, [`-env:UserInstallation=file://${tmp()}`, '--headless', '--convert-to', 'pdf', '--outdir', pdf, ...files], {
    encoding: 'utf8',
    timeout: 540_000,
  });
  expect(r.status, r.stderr).toBe(0);
  for (const n of names) pdfs.set(n, pdfPages(join(pdf, `${n}.pdf`)));
  // Each page of the June notice, for a person to look at.
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const png = spawnSync('pdftoppm', ['-png', '-r', '60', join(pdf, 'examples-2011-06-zh.pdf'), join(OUT, 'notice-page')]);
  expect(png.status).toBe(0);
}, 600_000);

describe.skipIf(!SOFFICE)('the Word notice printed by LibreOffice', () => {
  const each = (name: string, test: (f: Fixture, pages: Page[]) => void) =>
    it.each(['examples-2011-04', 'examples-2011-05', 'examples-2011-06', 'four', 'long', 'county'].flatMap((n) => [`${n}-zh`, `${n}-en`]))(
      `%s: ${name}`,
      (n) => {
        const f = fixtures.find((x) => x.name === n)!;
        test(f, pdfs.get(n)!);
      },
    );

  each('no heading is the last line of a page', (f, pages) => {
    const names = headings(f.lang);
    pages.forEach((p, i) => {
      const last = p.lines.filter((l) => !isNumber(l)).at(-1);
      expect(last && names.includes(last.text), `page ${i + 1} ends with the heading ${last?.text}`).toBe(false);
    });
  });

  each('the signature and date stand with the body’s last lines, never alone at the top of a page', (f, pages) => {
    const date = squeeze(t(f.lang, 'bulletin_date', { y: 2011, m: 7, d: 5 }));
    const at = pages.findIndex((p) => p.lines.some((l) => l.text === date));
    expect(at).toBeGreaterThanOrEqual(0);
    const lines = pages[at].lines.filter((l) => !isNumber(l));
    const d = lines.findIndex((l) => l.text === date);
    expect(lines[d - 1].text).toBe(ISSUER);
    // Above the signature on its page: the 附件 list, and at least one line of the body.
    const list = /^(附件：)?\d+\.|^(Attachments:)?\d+\./;
    const body = lines.slice(0, d - 1).filter((l) => !list.test(l.text));
    expect(body.length, `page ${at + 1} starts with ${lines[0].text}`).toBeGreaterThanOrEqual(1);
  });

  each('page numbers run on, one character in from the right on odd pages and from the left on even ones', (_, pages) => {
    pages.forEach((p, i) => {
      const n = p.lines.filter(isNumber);
      expect(n.map((l) => l.text)).toEqual([`—${i + 1}—`]);
      const landscape = p.width > p.height;
      const [left, right] = landscape ? [mm(37), p.width - mm(35)] : [mm(28), p.width - mm(26)];
      // 四号 is 14 pt: the dash one character from the type area's edge.
      if ((i + 1) % 2 === 1) expect(right - n[0].x1, `page ${i + 1}`).toBeCloseTo(14, -1);
      else expect(n[0].x0 - left, `page ${i + 1}`).toBeCloseTo(14, -1);
      // 7 mm under the type area.
      expect(n[0].y0 - (p.height - mm(35))).toBeGreaterThan(mm(5));
    });
  });

  each('ends with the 版记 at the foot of the last page', (f, pages) => {
    const last = pages.at(-1)!;
    const printed = squeeze(t(f.lang, 'bulletin_printed', { y: 2011, m: 7, d: 5 }));
    const line = last.lines.find((l) => l.text.endsWith(printed));
    expect(line).toBeDefined();
    const bottom = last.height - mm(35);
    expect(bottom - line!.y1).toBeLessThan(mm(6));
    expect(last.lines.some((l) => l.text.startsWith(squeeze(t(f.lang, 'bulletin_cc'))))).toBe(true);
  });

  each('writes figures in running text as an office writes them', (f) => {
    for (const p of bodies.get(f.name)!) expect(proseFaults(f.lang, p), p).toEqual([]);
  });

  it('keeps the June notice short: its body and signature on three pages, nine in all with the attachments', () => {
    for (const f of fixtures.filter((x) => x.pages)) {
      const pages = pdfs.get(f.name)!;
      const first = pages.findIndex((p) => p.lines[0]?.text === squeeze(t(f.lang, 'bulletin_att_title', { n: 1, name: '' }).split(/[　:：]/)[0]));
      expect([f.name, pages.length <= f.pages!.all, first <= f.pages!.body]).toEqual([f.name, true, true]);
    }
  });

  it.each(['zh', 'en'])('%s: the Excel notice prints within the page: its text, then each attachment fitted to the page’s width', (lang) => {
    const pages = pdfs.get(`workbook-${lang}`)!;
    expect(pages[0].lines[0].text).toBe(ISSUER);
    // Within the workbook's 0.6-inch side margins, on every page.
    for (const [i, p] of pages.entries())
      for (const l of p.lines) expect([i + 1, l.text, l.x0 >= 43 - 2 && l.x1 <= p.width - 43 + 2]).toEqual([i + 1, l.text, true]);
    // Every attachment's name heads a page.
    const names = ['bulletin_a_reports', 'bulletin_a_pledges', 'bulletin_a_grading', 'bulletin_a_stars'] as const;
    const heads = pages.map((p) => p.lines[0]?.text);
    for (const id of names) expect(heads).toContain(squeeze(t(lang as Lang, id)));
  });

  it('says what the notice says, with no file path, and leaves each page of the June notice as a PNG', () => {
    const text = pdfs
      .get('examples-2011-06-zh')!
      .flatMap((p) => p.lines.map((l) => l.text))
      .join('');
    for (const s of [ISSUER, '县创争办〔2011〕6号', '关于2011年6月创先争优活动', '开展情况的通报', ...SECTIONS, ...ATTACHMENTS, '2011年7月5日'])
      expect(text).toContain(s);
    expect(text).not.toMatch(/\.yaml/);
    const pngs = readdirSync(OUT).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(pdfs.get('examples-2011-06-zh')!.length);
    for (const p of pngs) expect(statSync(join(OUT, p)).size).toBeGreaterThan(5_000);
  });
});
