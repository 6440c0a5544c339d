/// <reference lib="dom" />
// The HTML bulletin in a real headless Chromium: the notice's head, every
// section and chart is visible, the page makes no request and logs no error,
// and it prints as the Word notice does: A4 with GB/T 9704's margins, 三号
// body, each attachment from a new page, page numbers — N — right on odd
// pages and left on even ones, no table wider than the type area.
// A screenshot and the PDF land in test-output/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_AVAILABLE } from './chromium.js';
import { EXAMPLES, ROOT, cxzy, tmp } from '../helpers.js';

const OUT = join(ROOT, 'test-output', 'browser');
if (!CHROMIUM_AVAILABLE) console.warn(`skipping the browser test: ${CHROMIUM} is missing (apt-get install chromium)`);

/** Each page's number as printed, — N —, and where it stands: from pdftotext's boxes. */
function numbers(pdf: string): { text: string; x0: number; x1: number }[] {
  const xml = spawnSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
  return xml
    .split('<page ')
    .slice(1)
    .map((p) => {
      const lines = [...p.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)].map((m) => ({
        x0: Number(m[1]),
        x1: Number(m[2]),
        text: [...m[3].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
      }));
      return lines.find((l) => /^—\d+—$/.test(l.text)) ?? { text: '', x0: 0, x1: 0 };
    });
}

describe.skipIf(!CHROMIUM_AVAILABLE)('the HTML bulletin in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  let url: string;
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = tmp();
    db = join(dir, 'cxzy.db');
    expect((await cxzy(['import', EXAMPLES, '--db', db, '-q'])).code).toBe(0);
    const html = join(dir, 'bulletin.html');
    const rules = join(dir, 'rules.yaml');
    writeFileSync(rules, 'office:\n  name: 中共示范县委创先争优活动领导小组办公室\n  area: 示范县\n  number_prefix: 县创争办\n');
    expect((await cxzy(['report', '--db', db, '--rules', rules, '--number', '6', '--date', '2011-07-05', '--out', html])).code).toBe(0);
    url = pathToFileURL(html).href;
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
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

  it('heads the notice with issuer, number and title, then the body, the signature and the attachments in order', async () => {
    await expect(page.locator('.issuer').textContent()).resolves.toBe('中共示范县委创先争优活动领导小组办公室');
    await expect(page.locator('.number').textContent()).resolves.toBe('县创争办〔2011〕6号');
    await expect(page.locator('h1').textContent()).resolves.toBe('关于2011年6月创先争优活动开展情况的通报');
    const titles = await page.locator('section:not(.attachment) > h2').allTextContents();
    expect(titles).toEqual(['一、总体情况', '二、信息报送', '三、公开承诺', '四、分类定级', '五、积分评星', '六、工作要求']);
    for (const id of ['overview', 'reports', 'pledges', 'grading', 'stars']) await expect(page.locator(`section#${id}`).isVisible()).resolves.toBe(true);
    await expect(page.locator('#overview').textContent()).resolves.toContain('示范县现有党组织25个');
    await expect(page.locator('.sign').textContent()).resolves.toBe('中共示范县委创先争优活动领导小组办公室2011年7月5日');
    await expect(page.locator('.att-label').allTextContents()).resolves.toEqual(['附件1', '附件2', '附件3', '附件4']);
    await expect(page.locator('h2.att').allTextContents()).resolves.toEqual(['信息报送完成情况', '公开承诺情况', '分类定级情况', '积分评星情况']);
    // No file path anywhere in the printed form.
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/\.yaml|\.xlsx/);
  });

  it('draws each chart with its bars', async () => {
    for (const [id, bars] of [
      ['quota', 6],
      ['grades', 5],
      ['movement', 4],
    ] as const) {
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

  it('prints to A4 as the Word notice does: 三号 body, — N — right on odd pages and left on even ones; leaves a screenshot and the PDF for a person', async () => {
    const png = join(OUT, 'bulletin.png');
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'print' });
    // 三号 is 16 pt, 21.33 CSS pixels; the title 二号, 22 pt.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('p.fact')!).fontSize)).toBe('21.3333px');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize)).toBe('29.3333px');
    // The red 发文机关标志 larger than the title, and narrowed to keep to one line of the type area (156 mm, 590 px).
    const mark = await page.evaluate(() => {
      const span = document.querySelector('.issuer span')!;
      return { size: Number.parseFloat(getComputedStyle(span).fontSize), width: span.getBoundingClientRect().width };
    });
    expect(mark.size).toBeGreaterThan(29.34);
    expect(mark.width).toBeLessThanOrEqual((156 / 25.4) * 96);
    const file = join(OUT, 'bulletin.pdf');
    const pdf = await page.pdf({ path: file, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 at 72 dpi: 595 × 842 points
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    const pages = numbers(file);
    // Each attachment from a new page, as in the Word file: the body and signature on three pages, eleven in all.
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(11);
    pages.forEach((n, i) => {
      expect(n.text, `page ${i + 1}`).toBe(`—${i + 1}—`);
      // One character of 四号 (14 pt) in from the type area's right edge (26 mm) on odd pages, its left edge (28 mm) on even ones.
      if (i % 2 === 0) expect(595.3 - (26 * 72) / 25.4 - n.x1, `page ${i + 1}`).toBeCloseTo(14, -1);
      else expect(n.x0 - (28 * 72) / 25.4, `page ${i + 1}`).toBeCloseTo(14, -1);
    });
    // Laid out at the type area's width (210 mm less 28 and 26 mm of margins), every table fits.
    await page.setViewportSize({ width: Math.floor((156 / 25.4) * 96), height: 1000 });
    const over = await page
      .locator('table')
      .evaluateAll((ts) =>
        ts.filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((t) => t.previousElementSibling?.textContent),
      );
    expect(over).toEqual([]);
  });

  it('prints the signature and 附件说明 on the page of the body’s last lines, never alone, wherever the page ends', { timeout: 60_000 }, async () => {
    await page.emulateMedia({ media: 'print' });
    const last = await page.evaluate(() => [...document.querySelectorAll('section:not(.attachment) p.fact')].at(-1)!.textContent!.replace(/\s+/g, ''));
    const date = await page.evaluate(() => document.querySelector('.sign .date')!.textContent!.replace(/\s+/g, ''));
    // The last section pushed down a line at a time, so that a page ends at every point of the body's close.
    // A spacer at the head of the last section (a margin would be dropped where a page ends).
    const pushBy = (px: number) =>
      page.evaluate((by) => {
        document.querySelector('#push')?.remove();
        if (!by) return;
        const spacer = Object.assign(document.createElement('div'), { id: 'push' });
        spacer.style.height = `${by}px`;
        [...document.querySelectorAll('section:not(.attachment)')].at(-1)!.prepend(spacer);
      }, px);
    for (let push = 0; push <= 950; push += 38) {
      await pushBy(push);
      const file = join(dir, `push${push}.pdf`);
      await page.pdf({ path: file, preferCSSPageSize: true });
      const texts = numbers(file).map((_, i) =>
        spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ''),
      );
      const signed = texts.findLastIndex((t) => t.includes(date));
      expect(signed, `pushed ${push}px`).toBeGreaterThanOrEqual(0);
      expect(texts[signed], `pushed ${push}px`).toContain(last.slice(-12));
    }
    await pushBy(0);
  });

  it('prints other months and English as the Word notice does too', { timeout: 60_000 }, async () => {
    const other = await browser.newPage();
    for (const args of [
      ['--month', '2011-05'],
      ['--month', '2011-04'],
      ['--lang', 'en'],
    ]) {
      const html = join(dir, `b${args.join('')}.html`);
      expect((await cxzy(['report', '--db', db, ...args, '--date', '2011-07-05', '--out', html])).code).toBe(0);
      await other.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      await other.emulateMedia({ media: 'print' });
      const file = join(dir, `b${args.join('')}.pdf`);
      await other.pdf({ path: file, preferCSSPageSize: true });
      const pages = numbers(file);
      expect(pages.length, args.join(' ')).toBeLessThanOrEqual(11);
      // The signature is printed on the page of the body's last lines, never alone.
      const last = await other.evaluate(() => [...document.querySelectorAll('section:not(.attachment) p.fact')].at(-1)!.textContent!.replace(/\s+/g, ''));
      const texts = pages.map((_, i) =>
        spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ''),
      );
      const date = await other.evaluate(() => document.querySelector('.sign .date')!.textContent!.replace(/\s+/g, ''));
      const signed = texts.findLastIndex((t) => t.includes(date));
      expect(signed, args.join(' ')).toBeGreaterThanOrEqual(0);
      expect(texts[signed], args.join(' ')).toContain(last.slice(-12));
      expect(pages.map((n) => n.text)).toEqual(pages.map((_, i) => `—${i + 1}—`));
      expect(pages.every((n, i) => (i % 2 === 0 ? n.x0 > 297 : n.x1 < 297))).toBe(true);
    }
    await other.close();
    expect(requests).toEqual([url]);
  });
});
