// The Chromium the browser suites drive: Debian's, unless CHROMIUM_PATH names another, with the flags a closed network and a root user need.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BIN } from '../helpers.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM);
if (!CHROMIUM_AVAILABLE && process.env.CXZY_REQUIRE_BROWSER) throw new Error(`${CHROMIUM} is missing; install it with: apt-get install chromium`);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The built binary's `cxzy serve` in `dir`, on any free port: it says its address once it listens. */
export async function serveIn(dir: string): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise<string>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    createInterface({ input: server.stdout! }).on('line', (l) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(l);
      if (m) resolve(m[0]);
    });
  });
  return { server, base };
}

/** A page at the size of an office's screen (1366×768) that takes downloads. */
export async function officePage(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  return { browser, page: await context.newPage() };
}
