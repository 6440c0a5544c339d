// The runtime a checkout brings: tests and bin/cxzy run on the Node of
// node_modules (24), even when the machine's own Node is older.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from './helpers.js';

const major = (v: string) => Number(v.replace(/^v/, '').split('.')[0]);
/** The machine's own Node, outside node_modules/.bin. */
const system = spawnSync('sh', ['-c', 'PATH=$(echo "$PATH" | tr ":" "\\n" | grep -v node_modules | paste -sd:) command -v node'], {
  encoding: 'utf8',
}).stdout.trim();

describe('runtime', () => {
  it(`runs the tests on Node 22.12 or later (${process.version})`, () => {
    expect(major(process.version)).toBeGreaterThanOrEqual(22);
  });

  it.runIf(system)('bin/cxzy started by the machine’s own Node runs the demo on a supported Node', () => {
    const r = spawnSync(system, [BIN, 'demo'], { encoding: 'utf8', env: { ...process.env, CXZY_LANG: 'en' } });
    expect(r.status, r.stderr).toBe(0);
    const on = /^cxzy \S+ on Node\.js (v[\d.]+)/.exec(r.stdout);
    expect(on, r.stdout.slice(0, 200)).not.toBeNull();
    expect(major(on![1])).toBeGreaterThanOrEqual(22);
  });
});
