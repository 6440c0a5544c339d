/// <reference lib="dom" />
// The quarter's loop in a real Chromium against the built binary: a folder of
// five branch workbooks dropped (one with an error, one resubmitting a quarter
// already in), the error seen at its cell, the marked copy downloaded and
// opened, the rest imported; the corrected workbook and the resubmission
// dropped again and imported replacing; that import undone. After each step
// the overview's and the grades' figures are the command line's for the same
// sequence of files. Screenshots land in test-output/intake/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_AVAILABLE, officePage, serveIn } from './chromium.js';
import { EXAMPLES, ROOT, cxzy, tmp } from '../helpers.js';
import { workbook } from '../workbook-fixtures.js';

const OUT = join(ROOT, 'test-output', 'intake');
const HEAD = ['季度', '组织编号', '自评', '满意', '基本满意', '不满意', '上级评定'];

/** One branch's review of `period` as its workbook. */
const review = (path: string, period: string, org: string, self: unknown, superior = 90) =>
  workbook(path, [{ name: '季度测评', rows: [HEAD, [period, org, self, 45, 2, 1, superior]] }]);

describe.skipIf(!CHROMIUM_AVAILABLE)('the quarter in Chromium', () => {
  let server: ChildProcess;
  let base: string;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const errors: string[] = [];

  const cli = async (args: string[]) => {
    const r = await cxzy([...args, '--db', 'cli.db'], { cwd: dir });
    expect(r.code, r.stderr).toBeLessThanOrEqual(4);
    return r.stdout;
  };
  /** The page's text as the clerk sees it, lines and all (Playwright's innerText, not the DOM's), once it has all come. */
  const shown = async () => {
    // An import's page comes as the import runs: read it once it has all come.
    await page.waitForLoadState('load');
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator's method, laid out as shown
    return page.locator('main').innerText();
  };
  const webJson = async (path: string) => JSON.parse(await (await page.request.get(`${base}${path}`)).text());
  const untimed = (v: unknown) => JSON.parse(JSON.stringify(v), (k, x) => (k === 'at' ? undefined : x));
  /** The overview's figures and the grades, in the browser and by the command line, over the same files. */
  async function sameFigures(): Promise<void> {
    const grade = JSON.parse(await cli(['grade', '--format', 'json']));
    expect(untimed(await webJson('grade?format=json'))).toEqual(untimed(grade));
    const status = JSON.parse(await cli(['status', '--format', 'json']));
    const overview = await webJson('?format=json');
    expect(overview.grades.summary).toEqual(grade.summary);
    expect(overview.status).toEqual(status.summary);
  }

  beforeAll(async () => {
    dir = tmp();
    const base0 = ['orgs.yaml', 'members.yaml', 'pledges.yaml', '2011Q1'].map((f) => join(EXAMPLES, f));
    for (const db of ['cxzy.db', 'cli.db']) expect((await cxzy(['import', ...base0, '--db', join(dir, db), '-q'])).code).toBe(0);
    // A folder as the branches sent it: four 2011Q2 reviews (D0103's self score typed as a word), and D0105 resending its 2011Q1.
    mkdirSync(join(dir, '二季度'));
    for (const org of ['D0101', 'D0102', 'D0104']) await review(join(dir, '二季度', `${org}.xlsx`), '2011Q2', org, 90);
    await review(join(dir, '二季度', 'D0103.xlsx'), '2011Q2', 'D0103', '很好');
    await review(join(dir, '二季度', 'D0105.xlsx'), '2011Q1', 'D0105', 70, 75);
    ({ server, base } = await serveIn(dir));
    mkdirSync(OUT, { recursive: true });
    ({ browser, page } = await officePage());
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGINT');
  });

  it('takes a folder in, shows the error at its cell, gives the marked copy, and imports the rest', async () => {
    await page.goto(base);
    await page.click('nav >> text=收件');
    await page.screenshot({ path: join(OUT, 'intake.png'), fullPage: false });
    await page.setInputFiles('input[name=folder]', join(dir, '二季度'));
    await page.click('form.drop button');
    await page.waitForURL(/intake\?drop=/);
    await page.screenshot({ path: join(OUT, 'drop.png'), fullPage: true });
    const text = await shown();
    expect(text).toMatch(/收件箱\/2011Q2\/D0103\.xlsx:季度测评!C2 +错误/);
    expect(text).toContain('很好');
    // Each in the folder of the quarter it names.
    expect(readdirSync(join(dir, '收件箱', '2011Q2')).sort()).toEqual(['D0101.xlsx', 'D0102.xlsx', 'D0103.xlsx', 'D0104.xlsx']);
    expect(readdirSync(join(dir, '收件箱', '2011Q1'))).toEqual(['D0105.xlsx']);

    const [copy] = await Promise.all([page.waitForEvent('download'), page.click('a:text("下载")')]);
    expect(copy.suggestedFilename()).toBe('D0103.xlsx');
    const marked = join(dir, 'marked.xlsx');
    await copy.saveAs(marked);
    const zip = await JSZip.loadAsync(readFileSync(marked));
    const xml = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n');
    expect(xml).toContain('应为数字');
    expect(xml).toContain('FFFFC7CE');

    await page.check('input[name=skip]');
    await page.click('button:text("预演（不写入）")');
    await page.waitForLoadState('load');
    await expect(page.locator('h1').textContent()).resolves.toBe('预演：导入将做的改动（尚未写入）');
    await page.click('button:text("导入数据库")');
    await expect(shown()).resolves.toContain('跳过 收件箱/2011Q2/D0103.xlsx（1 个错误）');
    await page.screenshot({ path: join(OUT, 'imported.png'), fullPage: true });
    const sent = [...['D0101', 'D0102', 'D0103', 'D0104'].map((o) => `收件箱/2011Q2/${o}.xlsx`), '收件箱/2011Q1/D0105.xlsx'];
    await cli(['import', ...sent, '--skip-invalid', '-q']);
    await sameFigures();
  });

  it('takes the corrected workbook and the resubmission again, replaces, and undoes', async () => {
    await review(join(dir, 'D0103.xlsx'), '2011Q2', 'D0103', 88);
    await page.goto(`${base}intake`);
    await page.setInputFiles('input[name=files]', [join(dir, 'D0103.xlsx'), join(dir, '二季度', 'D0105.xlsx')]);
    await page.click('form.drop button');
    await page.waitForURL(/intake\?drop=/);
    expect(await shown()).toContain('已有同名文件：D0103.xlsx 另存为 收件箱/2011Q2/D0103-2.xlsx');
    await page.check('input[name=mode][value=replace]');
    await page.click('button:text("预演（不写入）")');
    expect(await shown()).toMatch(/D0105[^\n]*\n[^\n]*测评：更新 1/);
    await page.click('button:text("导入数据库")');
    await expect(shown()).resolves.toContain('已导入 2 个文件，导入编号 3');
    await cli(['import', '收件箱/2011Q2/D0103-2.xlsx', '收件箱/2011Q1/D0105-2.xlsx', '--replace', '-q']);
    await sameFigures();

    await page.click('nav >> text=导入记录');
    await page.click('a:text("撤销最近一次导入")');
    expect(await shown()).toContain('将撤销第 3 次导入');
    await page.click('button:text("确认撤销第 3 次导入")');
    await expect(page.locator('h1').textContent()).resolves.toBe('已撤销第 3 次导入');
    await cli(['undo', '--yes', '-q']);
    await sameFigures();
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
