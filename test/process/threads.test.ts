// The binary runs its work on worker threads (the import's readers, the lists'
// second thread); run in process, the same work is done on one thread. Both
// must store and print the same.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EXAMPLES, cxzy, files, generatedDb, imported, spawnCxzy, importJson, starsScopes, storedRows as rows, tmp } from '../helpers.js';
import { county, points } from '../pieces-fixture.js';
import { quarter, roster } from '../county-book.js';
import { workbook } from '../workbook-fixtures.js';

describe('import', () => {
  it('stores the same rows and reports the same with worker threads (the binary) as inline (in process)', async () => {
    const dir = tmp();
    const threads = spawnCxzy(['import', EXAMPLES, '--db', join(dir, 'w.db'), '--format', 'json'], { env: { CXZY_WORKERS: '2' } });
    const inline = await importJson([EXAMPLES, '--db', join(dir, 'i.db')]);
    expect(threads.code).toBe(0);
    expect(JSON.parse(threads.stdout)).toEqual(inline.json);
    expect(inline.json.warnings.length).toBeGreaterThan(5);
    expect(rows(join(dir, 'w.db'))).toEqual(rows(join(dir, 'i.db')));
    // A new database is written without the WAL, then left in WAL mode like any other.
    const d = new Database(join(dir, 'w.db'), { readonly: true });
    expect(d.pragma('journal_mode', { simple: true })).toBe('wal');
    d.close();
  });

  it('reads a large file in pieces on worker threads as it reads it whole in process', async () => {
    const dir = files({ ...county(), '2011Q1/points.yaml': points('2011Q1', (b, i) => 10 + ((b * i) % 10)) });
    const out = tmp();
    const threads = spawnCxzy(['import', dir, '--db', join(out, 'w.db'), '--format', 'json'], { env: { CXZY_WORKERS: '2', CXZY_PIECE_BYTES: '512' } });
    const whole = await importJson([dir, '--db', join(out, 'i.db')], { CXZY_PIECE_BYTES: '0' });
    expect(threads.code, threads.stderr).toBe(0);
    expect(JSON.parse(threads.stdout)).toEqual(whole.json);
    expect(whole.json.warnings.some((w: { code: string }) => w.code === 'vague_pledge')).toBe(true);
    expect(rows(join(out, 'w.db'))).toEqual(rows(join(out, 'i.db')));
    // The same files from another folder: each cut file, staged piece by piece, is the file stored, and taken back.
    const copy = tmp();
    cpSync(dir, copy, { recursive: true });
    const again = spawnCxzy(['import', copy, '--db', join(out, 'w.db'), '--format', 'json'], { env: { CXZY_WORKERS: '2', CXZY_PIECE_BYTES: '512' } });
    expect(again.code, again.stderr).toBe(0);
    const sections = Object.values(JSON.parse(again.stdout).sections) as { inserted: number; updated: number }[];
    expect(sections.every((c) => c.inserted === 0 && c.updated === 0)).toBe(true);
    expect(rows(join(out, 'w.db'))).toEqual(rows(join(out, 'i.db')));
  });

  it('reads a large workbook in shares, on a worker thread and this one, as it reads it whole in process', async () => {
    const out = tmp();
    const book = join(out, '2011Q1.xlsx');
    await workbook(book, [...roster(), ...quarter('2011Q1', (b, i) => 10 + ((b + i) % 10), '2011-02')]);
    const threads = spawnCxzy(['import', book, '--db', join(out, 'w.db'), '--format', 'json'], { env: { CXZY_WORKERS: '1', CXZY_PIECE_BYTES: '1024' } });
    const whole = await importJson([book, '--db', join(out, 'i.db')], { CXZY_PIECE_BYTES: '0' });
    expect(threads.code, threads.stderr).toBe(0);
    expect(JSON.parse(threads.stdout)).toEqual(whole.json);
    expect(whole.json.warnings.map((w: { code: string }) => w.code)).toEqual(['rows_hidden', 'rows_struck', 'rows_struck', 'vague_pledge']);
    expect(rows(join(out, 'w.db'))).toEqual(rows(join(out, 'i.db')));
  });
});

describe('commands', () => {
  it('the binary, which counts on a second thread, prints what the same command run inline prints', async () => {
    const { dir, db } = await imported();
    // The notice's date fixed: it is today's otherwise, and the two runs may straddle midnight.
    const runs = [
      ['report', '--format', 'json'],
      ['report', '--date', '2011-07-01'],
      ['report', '--org', 'W01', '--format', 'json'],
      ['report', '--org', 'W02', '--date', '2011-07-01'],
      ['annual'],
      ['annual', '--format', 'json'],
      ['stars', '--format', 'json'],
    ];
    for (const args of runs) {
      const inline = await cxzy([...args, '--db', db], { cwd: dir });
      const spawned = spawnCxzy([...args, '--db', db], { cwd: dir });
      expect([spawned.code, spawned.stdout], args.join(' ')).toEqual([inline.code, inline.stdout]);
    }
  });
});

describe('every member in JSON', () => {
  let db = '';
  beforeAll(async () => {
    db = await generatedDb();
  }, 30_000);

  it('the binary, which makes every other run of orgs on a second thread, writes what one thread writes', async () => {
    // Runs of 7 orgs (render/views/runs.ts): the second thread makes every other one, some with no member.
    const env = { CXZY_RUN_SIZE: '7' };
    for (const args of starsScopes(db)) {
      const inline = await cxzy(args);
      const spawned = spawnCxzy(args, { env });
      expect([spawned.code, spawned.stderr], args.join(' ')).toEqual([0, '']);
      expect(spawned.stdout, args.join(' ')).toBe(inline.stdout);
    }
  });

  it('the binary, which makes every other run of members’ years on a second thread, writes what one thread writes', async () => {
    // Runs of 97 members: the second thread makes every other one, its first with what the years rest on.
    const env = { CXZY_RUN_SIZE: '97' };
    const args = ['annual', '--all', '--db', db, '--format', 'json'];
    const inline = await cxzy(args);
    expect(inline.code, inline.stderr).toBe(0);
    const spawned = spawnCxzy(args, { env });
    expect([spawned.code, spawned.stderr]).toEqual([0, '']);
    expect(spawned.stdout).toBe(inline.stdout);
  });
});
