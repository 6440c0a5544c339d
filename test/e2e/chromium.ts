// The Chromium the browser suites drive: Debian's, unless CHROMIUM_PATH names another, with the flags a closed network and a root user need.
import { existsSync } from 'node:fs';

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
