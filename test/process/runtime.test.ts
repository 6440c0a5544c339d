// The runtime a checkout brings: tests and bin/cxzy run on the Node of
// node_modules (24), even when the machine's own Node is older.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, machineNode, tmp } from '../helpers.js';

const major = (v: string) => Number(v.replace(/^v/, '').split('.')[0]);
/** The machine's own Node, outside node_modules/.bin. */
const system = machineNode();

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

  it.runIf(system)('bin/cxzy re-started on the checkout’s Node runs cxzy with the V8 flags of bin/node-flags.json, unless NODE_OPTIONS sets them', () => {
    const dir = tmp();
    const log = join(dir, 'argv.txt');
    // Each process that starts writes its Node's version and flags as it ends.
    const hook = join(dir, 'hook.mjs');
    writeFileSync(
      hook,
      `import fs from 'node:fs';\nprocess.on('exit', () => fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify([process.version, process.execArgv]) + '\\n'));\n`,
    );
    const flags = JSON.parse(readFileSync(join(BIN, '..', 'node-flags.json'), 'utf8')) as string[];
    expect(flags.length).toBeGreaterThan(0);
    const runs = (options: string) => {
      writeFileSync(log, '');
      const r = spawnSync(system, [BIN, '--version'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--import=${hook} ${options}` } });
      expect(r.status, r.stderr).toBe(0);
      // cxzy itself ends first, then the launcher if there is one.
      return readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as [string, string[]]);
    };
    const [cxzy, launcher] = runs('');
    if (!launcher) return; // the machine's Node runs cxzy itself, as it is
    expect(major(cxzy[0])).toBeGreaterThanOrEqual(22);
    expect(cxzy[1]).toEqual(flags);
    // The flag NODE_OPTIONS sets is left to it; the others are passed.
    expect(runs('--max-semi-space-size=8')[0][1]).toEqual(flags.filter((f) => !f.startsWith('--max-semi-space-size')));
  });
});
