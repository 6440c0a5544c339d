// cxzy beside other processes and users: an import that waits for another's
// lock, and a database of another user, read-only, read by every command.
import { describe, expect, it } from 'vitest';
import { chmodSync, cpSync, mkdirSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { AS_NOBODY, BIN, appears, imported, midWrite, nobodyCannot, spawnCxzy, tmp } from '../helpers.js';

/** Whether the tests run as another user are skipped here; if so, says why. */
function skipNobody(): boolean {
  const why = nobodyCannot();
  if (why) console.warn(`skipped: ${why}`);
  return why !== null;
}

describe('another user', () => {
  it.skipIf(skipNobody())('a user who may not write it is told what to do with an interrupted import', async () => {
    const { dir, db } = await imported();
    const w = midWrite(db);
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    cpSync(db, join(ro, 'x.db'));
    cpSync(`${db}-journal`, join(ro, 'x.db-journal'));
    w.exec('ROLLBACK');
    w.close();
    chmodSync(join(ro, 'x.db'), 0o444);
    chmodSync(ro, 0o555);
    chmodSync(dir, 0o755);
    const r = spawnSync(AS_NOBODY[0], [...AS_NOBODY.slice(1), 'grade', '--db', join(ro, 'x.db')], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('上次导入中途被中断');
  });

  it.skipIf(skipNobody())('a read-only database in a read-only folder, of another user, can be read by every command', async () => {
    const { dir, db } = await imported();
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    cpSync(db, join(ro, 'x.db'));
    chmodSync(join(ro, 'x.db'), 0o444);
    chmodSync(ro, 0o555);
    chmodSync(dir, 0o755);
    for (const cmd of ['grade', 'stars', 'quota', 'report']) {
      const r = spawnSync(AS_NOBODY[0], [...AS_NOBODY.slice(1), cmd, '--db', join(ro, 'x.db'), '--format', 'json'], { encoding: 'utf8' });
      expect(r.stderr, cmd).toBe('');
      expect(r.status, cmd).toBe(0);
      expect(JSON.parse(r.stdout)).toBeTruthy();
    }
    expect(spawnSync('ls', [ro], { encoding: 'utf8' }).stdout.trim()).toBe('x.db');
  });
});

describe('another import', () => {
  it('a second import into a database being created waits its turn instead of failing at once', async () => {
    const dir = tmp();
    const data = join(dir, 'data');
    const { generate } = await import('../../src/bench/generate.js');
    generate({ name: 'busy', branches: 800 }, data);
    const db = join(dir, 'b.db');
    const first = spawn(process.execPath, [BIN, 'import', data, '--db', db, '-q']);
    // The first import holds the database from when it creates the file.
    await appears(db);
    const second = spawnCxzy(['import', data, '--db', db, '--format', 'json']);
    await new Promise((r) => first.on('exit', r));
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).valid).toBe(true);
  }, 30_000);
});
