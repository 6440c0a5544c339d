// What a command's start loads: its own modules, not every command's
// (cli/commands.ts). A report of a city need not load the import's readers.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/commands.js';
import { EXAMPLES, imported, spawnCxzy } from '../helpers.js';

/** The dist modules (relative to dist/) a spawned `cxzy args` loads. */
async function loaded(args: string[]): Promise<string[]> {
  const { dir, db } = await imported();
  const log = join(dir, 'loaded.txt');
  const hook = join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\nregisterHooks({ load(url, c, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, c); } });\n`,
  );
  writeFileSync(log, '');
  const r = spawnCxzy([...args, '--db', db], { cwd: dir, env: { NODE_OPTIONS: `--import=${hook}` } });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.includes('/dist/'))
    .map((u) => u.slice(u.indexOf('/dist/') + 6));
}

describe('a command’s start', () => {
  it('grade loads neither the import’s pipeline, nor the web view, nor another command', async () => {
    const mods = await loaded(['grade']);
    expect(mods).toContain('cli/grade.js');
    const others = Object.keys(COMMANDS).filter((c) => c !== 'grade');
    expect(mods.filter((m) => /^(web\/|pipeline\/|read\/(pool|queue|pieces|worker)\.js)/.test(m) || others.some((c) => m === `cli/${c}.js`))).toEqual([]);
  });

  it('import loads its readers, and neither the web view nor the notice', async () => {
    const mods = await loaded(['import', join(EXAMPLES, 'orgs.yaml')]);
    expect(mods).toContain('read/pool.js');
    expect(mods.filter((m) => /^(web\/|render\/views\/bulletin|cli\/(serve|bulletin|annual))/.test(m))).toEqual([]);
  });
});
