// The HTML bulletin in a real headless Chromium: every section and chart is
// visible, the page makes no request and logs no error, and it prints to A4.
// A screenshot and the PDF land in test-output/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EXAMPLES, ROOT, cxzy, tmp } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join(ROOT, 'test-output', 'browser');
const available = existsSync(CHROMIUM);
if (!available && process.env.CXZY_REQUIRE_BROWSER) throw new Error(`${CHROMIUM} is missing; install it with: apt-get install chromium`);
if (!available) console.warn(`skipping the browser test: ${CHROMIUM} is missing (apt-get install chromium)`);

// Flags for a closed network and a root user, as Debian's chromium needs here.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!available)('the HTML bulletin in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  let url: string;

  beforeAll(async () => {
    const dir = tmp();
    const db = join(dir, 'cxzy.db');
    expect((await cxzy(['import', EXAMPLES, '--db', db, '-q'])).code).toBe(0);
    const html = join(dir, 'bulletin.html');
    expect((await cxzy(['report', '--db', db, '--out', html])).code).toBe(0);
    url = pathToFileURL(html).href;
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the five sections in order', async () => {
    const titles = await page.locator('section > h2').allTextContents();
    expect(titles).toEqual(['一、总体情况', '二、信息报送', '三、公开承诺', '四、分类定级', '五、积分评星']);
    for (const id of ['overview', 'reports', 'pledges', 'grading', 'stars']) await expect(page.locator(`section#${id}`).isVisible()).resolves.toBe(true);
    await expect(page.locator('h1').textContent()).resolves.toBe('创先争优活动月度通报（2011-06）');
  });

  it('draws each chart with its bars', async () => {
    for (const [id, bars] of [['quota', 6], ['grades', 5], ['movement', 4]] as const) {
      const svg = page.locator(`figure[data-chart="${id}"] svg`);
      await expect(svg.isVisible()).resolves.toBe(true);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(50);
      await expect(svg.locator('text.label').count()).resolves.toBe(bars);
    }
    // 14 orgs graded good: the widest bar of the grade chart
    const widths = await page.locator('figure[data-chart="grades"] rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
    expect(Math.max(...widths)).toBe(widths[0]);
  });

  it('makes no request beyond the file itself and logs no error', () => {
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
  });

  it('prints to A4 and leaves a screenshot and the PDF for a person', async () => {
    const png = join(OUT, 'bulletin.png');
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: join(OUT, 'bulletin.pdf'), preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 at 72 dpi: 595 × 842 points
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    expect(requests).toEqual([url]);
  });
});
