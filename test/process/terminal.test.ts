// cxzy as a process meets a terminal: Ctrl-C at each stage, a pipe closed
// early, a progress bar on a console and none in a pipe, --out through /dev/stdout.
import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, EXAMPLES, ROOT, appears, cxzy, dump, imported, machineNode, spawnCxzy, tmp } from '../helpers.js';

describe('Ctrl-C', () => {
  it('Ctrl-C while cxzy starts up is said, in the language asked for, and writes nothing', async () => {
    const { dir, db } = await imported();
    const before = dump(db);
    // Pressed the moment cxzy listens for it: while its modules load, before any command has begun.
    const press = `data:text/javascript,${encodeURIComponent("const t = setInterval(() => { if (process.listenerCount('SIGINT')) { clearInterval(t); process.kill(process.pid, 'SIGINT'); } }); t.unref();")}`;
    for (const [lang, text] of [
      ['zh', '已中断：没有写入任何数据'],
      ['en', 'interrupted: nothing was written'],
    ]) {
      const r = spawnCxzy(['grade', '--db', db, '--lang', lang], { cwd: dir, env: { NODE_OPTIONS: `--import=${press}` } });
      expect([r.code, r.stderr.trim()]).toEqual([130, text]);
    }
    expect(dump(db)).toEqual(before);
  });

  it('Ctrl-C while a command reads and computes without pause stops it at once, with the line', async () => {
    const { dir, db } = await imported();
    const before = dump(db);
    // Pressed as the store gives its first row, in the middle of synchronous work that a listener could not
    // interrupt: the work goes on (the hook keeps reading) unless cxzy stops it.
    const hook = [
      "import { createRequire } from 'node:module';",
      `const D = createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('better-sqlite3');`,
      'const prepare = D.prototype.prepare; let pressed = false;',
      'D.prototype.prepare = function (...a) { const st = prepare.apply(this, a); const it = st.iterate;',
      "  st.iterate = function* (...b) { for (const r of it.apply(this, b)) { if (!pressed) { pressed = true; process.kill(process.pid, 'SIGINT'); for (let i = 0; i < 3e9; i++); } yield r; } };",
      '  return st; };',
    ].join('\n');
    const press = `data:text/javascript,${encodeURIComponent(hook)}`;
    for (const [cmd, lang, text] of [
      ['stars', 'zh', '已中断：没有写入任何数据'],
      ['report', 'en', 'interrupted: nothing was written'],
    ]) {
      const r = spawnCxzy([cmd, '--db', db, '--lang', lang, '--out', join(dir, `${cmd}.md`)], { cwd: dir, env: { NODE_OPTIONS: `--import=${press}` } });
      expect([r.code, r.stderr.trim()], cmd).toEqual([130, text]);
      expect(existsSync(join(dir, `${cmd}.md`)), cmd).toBe(false);
    }
    expect(dump(db)).toEqual(before);
  });

  it('Ctrl-C during a first import says nothing was written and no database made, and leaves none; started by the machine’s own Node too', async () => {
    const dir = tmp();
    const data = join(dir, 'data');
    const { generate } = await import('../../src/bench/generate.js');
    generate({ name: 'int', branches: 1500 }, data);
    // The checkout's Node, and the machine's own (an older one re-starts cxzy on the checkout's: Ctrl-C sent to it alone must reach cxzy).
    const system = machineNode();
    for (const node of [process.execPath, ...(system ? [system] : [])]) {
      const db = join(dir, 'c.db');
      const child = spawn(node, [BIN, 'import', data, '--db', db], { env: { ...process.env, CXZY_WORKERS: '1' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      // The import has its Ctrl-C handler once it has created the database: wait for that file, not for a time.
      await appears(db);
      child.kill('SIGINT');
      const code = await new Promise((r) => child.on('exit', (c) => r(c)));
      expect(code, node).toBe(130);
      expect(stderr, node).toContain(`已中断：没有写入任何数据，也没有新建数据库 ${db}`);
      expect(existsSync(db), node).toBe(false);
    }
  }, 60_000);
});

describe('pipes and terminals', () => {
  it('a closed pipe stops a JSON command quietly', async () => {
    const { db } = await imported();
    for (const cmd of ['grade', 'stars', 'quota', 'report']) {
      const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" ${cmd} --db "${db}" --format json | head -c 10 > /dev/null`], {
        encoding: 'utf8',
      });
      expect(r.stderr, cmd).toBe('');
      expect(r.status, cmd).toBe(0);
    }
  });

  it('--out /dev/stdout, a link to a pipe here, is written through and the link stays', async () => {
    const { db } = await imported();
    const out = spawnCxzy(['report', '--db', db, '--out', '/dev/stdout', '--format', 'md']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('# 关于2011年6月创先争优活动开展情况的通报');
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('shows a progress bar on a terminal, never in a pipe', async () => {
    const dir = tmp();
    const env: Record<string, string | undefined> = { ...process.env, CXZY_PROGRESS_AFTER_MS: '0' };
    delete env.CI;
    // `script` gives the command a terminal, as an office PC's console would.
    const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" import "${EXAMPLES}" --db "${join(dir, 't.db')}"`, '/dev/null'], {
      env,
      encoding: 'utf8',
    });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/导入 \[[█░]+\] \d+\/12/);
    const pipe = await cxzy(['import', EXAMPLES, '--db', join(dir, 'p.db')], { env: { CXZY_PROGRESS_AFTER_MS: '0', CI: '' } });
    expect(pipe.code).toBe(0);
    expect(pipe.stderr + pipe.stdout).not.toContain('导入 [');
  });
});
