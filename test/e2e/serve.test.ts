/// <reference lib="dom" />
// cxzy serve as a clerk uses it, in a real Chromium against the built binary:
// started on a free port, the overview, a click to an org and on to a member
// and back, a sort, a filter, the search box, a table and the notice
// downloaded and opened, a page printed to PDF; no request leaves the server
// and the page logs no error. Screenshots land in test-output/serve/ for a
// person to look at (the README's is made there).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import unzipper from 'unzipper';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_AVAILABLE, officePage, serveIn } from './chromium.js';
import { EXAMPLES, ROOT, cxzy, tmp } from '../helpers.js';

const OUT = join(ROOT, 'test-output', 'serve');

describe.skipIf(!CHROMIUM_AVAILABLE)('cxzy serve in Chromium', () => {
  let server: ChildProcess;
  let base: string;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const foreign: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = tmp();
    expect((await cxzy(['import', EXAMPLES, '--db', join(dir, 'cxzy.db'), '-q'])).code).toBe(0);
    // The binary as a clerk starts it, on any free port; it says where once it listens.
    ({ server, base } = await serveIn(dir));
    mkdirSync(OUT, { recursive: true });
    ({ browser, page } = await officePage());
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGINT');
  });

  it('clicks from the overview to an org, on to a member, and back', async () => {
    await page.goto(base);
    await expect(page.locator('h1').textContent()).resolves.toBe('概览');
    await expect(page.locator('figure svg rect').count()).resolves.toBeGreaterThan(2);
    await page.screenshot({ path: join(OUT, 'overview.png'), fullPage: false });
    await page.click('nav >> text=组织');
    await page.click('a[href="orgs?code=D0101"]');
    await expect(page.locator('h1').textContent()).resolves.toBe('D0101 红湾社区党支部');
    await page.screenshot({ path: join(OUT, 'org.png'), fullPage: false });
    await page.click('nav >> text=积分评星');
    await page.click('a[href="member?id=M000001"] >> nth=0');
    await expect(page.locator('h1').textContent()).resolves.toContain('M000001');
    await page.goBack();
    await expect(page.locator('h1').textContent()).resolves.toContain('积分评星');
  });

  it('sorts by a header, filters by a column, and searches by name', async () => {
    await page.goto(`${base}grade`);
    await page.click('th >> text=综合');
    await page.click('th >> text=综合');
    expect(page.url()).toContain('dir=desc');
    const col = (await page.locator('table[data-table="0"] th').allTextContents()).findIndex((h) => h.startsWith('综合')) + 1;
    const scores = (await page.locator(`table[data-table="0"] tbody tr td:nth-child(${col})`).allTextContents()).filter((x) => x !== '').map(Number);
    expect(scores.length).toBeGreaterThan(3);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await page.goto(`${base}stars`);
    await page.selectOption('form.filters select', '是');
    await page.click('form.filters button');
    const red = await page.locator('table[data-table="0"] tbody tr td:last-child').allTextContents();
    expect(red.length).toBeGreaterThan(0);
    expect(new Set(red)).toEqual(new Set(['是']));
    await page.fill('nav input[name=q]', '红湾社区党支部');
    await page.press('nav input[name=q]', 'Enter');
    await page.waitForURL(/orgs\?code=D0101/);
  });

  it('downloads a table as Excel and the notice as Word, both opening as their files', async () => {
    await page.goto(`${base}quota`);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('a:text("Excel")')]);
    const xlsxPath = join(dir, 'quota.xlsx');
    await xlsx.saveAs(xlsxPath);
    expect(xlsx.suggestedFilename()).toMatch(/^信息报送 \d{4}-\d{2}\.xlsx$/);
    const sheets = await unzipper.Open.file(xlsxPath);
    expect(sheets.files.some((f) => f.path === 'xl/workbook.xml')).toBe(true);
    const [docx] = await Promise.all([page.waitForEvent('download'), page.click('a:text("月度通报（Word）")')]);
    const docxPath = join(dir, 'notice.docx');
    await docx.saveAs(docxPath);
    const word = await unzipper.Open.file(docxPath);
    const body = (await word.files.find((f) => f.path === 'word/document.xml')!.buffer()).toString().replace(/<[^>]+>/g, '');
    expect(body).toContain('创先争优活动开展情况的通报');
  });

  it('prints a page to A4 PDF, and nothing was fetched from elsewhere or logged as an error', async () => {
    await page.goto(`${base}grade`);
    const pdf = join(OUT, 'grade.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    if (text.status === 0) expect(text.stdout).toContain('分类定级');
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
    expect(foreign).toEqual([]);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
