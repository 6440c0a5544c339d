// The second thread of a read command (store/prefetch.ts) and this one claim
// each job once: a job the other thread has not begun when this one asks for
// it is done here and passed by there; one it has begun is waited for. Run on
// the compiled worker (dist/), with tasks that signal what they do; and a
// year's runs made there on the basis sent before them, as here.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Task } from '../../src/store/prefetch.js';
import { generatedDb } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TASKS = pathToFileURL(join(import.meta.dirname, 'fixtures', 'claims.mjs')).href;
const task = (fn: 'hold' | 'mark', sab: SharedArrayBuffer, at: number): Task => ({ module: TASKS, fn, args: [sab, at] });

/** Waits until slot `at` is no longer 0 (the other thread's signal), at most 30 s. */
const until = (view: Int32Array, at: number) => expect(Atomics.wait(view, at, 0, 30_000)).not.toBe('timed-out');

describe('the second thread', () => {
  it('does what it has begun and passes by what this thread came to first', async () => {
    const { Prefetch } = (await import(pathToFileURL(join(ROOT, 'dist', 'store', 'prefetch.js')).href)) as typeof import('../../src/store/prefetch.js');
    const sab = new SharedArrayBuffer(4 * 8);
    const view = new Int32Array(sab);
    const jobs = [task('hold', sab, 0), task('mark', sab, 2), task('hold', sab, 3), task('mark', sab, 5)];
    const p = Prefetch.start(await generatedDb(), jobs)!;
    try {
      until(view, 0);
      // Held in its first job, the second thread has not begun the second: this thread is to do it.
      expect(p.taken(jobs[1])).toBeUndefined();
      Atomics.store(view, 1, 1);
      Atomics.notify(view, 1);
      // Begun there: waited for, and made there.
      const first = p.taken<unknown[], number>(jobs[0]);
      expect(first?.value).toBeGreaterThan(0);
      until(view, 3);
      // It went on to its third job without doing the second.
      expect(Atomics.load(view, 2)).toBe(0);
      Atomics.store(view, 4, 1);
      Atomics.notify(view, 4);
      expect(p.taken<unknown[], number>(jobs[2])?.value).toBe(first?.value);
      // A job never handed over is done here.
      expect(p.taken(task('mark', sab, 7))).toBeUndefined();
    } finally {
      p.close();
    }
  });
});

describe('a year’s runs on the second thread', () => {
  it('have their basis there before them, and make there what this thread makes', async () => {
    const dist = (p: string) => pathToFileURL(join(ROOT, 'dist', ...p.split('/'))).href;
    const { Prefetch } = (await import(dist('store/prefetch.js'))) as typeof import('../../src/store/prefetch.js');
    const parts = (await import(dist('render/views/annual-parts.js'))) as typeof import('../../src/render/views/annual-parts.js');
    const { Query } = (await import(dist('store/query.js'))) as typeof import('../../src/store/query.js');
    const { openDb } = (await import(dist('store/db.js'))) as typeof import('../../src/store/db.js');
    const { defaultRules } = (await import(dist('core/rules.js'))) as typeof import('../../src/core/rules.js');
    const db = await generatedDb();
    const read = openDb(db, 'read');
    const branches = new Query(read).orgs().flatMap((o) => (o.type === 'branch' ? [o.code] : []));
    read.close();
    const plain = { rules: defaultRules(), at: '2011Q2', redOf: [['2011Q2', []]] as [string, string[]][], branches, moves: [] };
    const module = dist('render/views/annual-parts.js');
    const sab = new SharedArrayBuffer(4 * 2);
    const view = new Int32Array(sab);
    const run: Task = { module, fn: 'yearRun', args: ['year', '', null] };
    // The basis, a run, then a task that holds the second thread: once it has begun, the run was made there.
    const p = Prefetch.start(db, [{ module, fn: 'keepBasis', args: ['year', plain] }, run, task('hold', sab, 0)])!;
    try {
      until(view, 0);
      const made = p.taken<unknown[], { text: string[] }>(run);
      expect(made, 'made on the second thread').toBeDefined();
      const d = openDb(db, 'read');
      try {
        const q = new Query(d);
        parts.keepBasis(q, 'here', plain);
        const here = parts.yearRun(q, 'here', '', null).text.join('');
        expect(here).toContain('"member"');
        expect(made!.value.text.join('')).toBe(here);
      } finally {
        d.close();
      }
    } finally {
      Atomics.store(view, 1, 1);
      Atomics.notify(view, 1);
      p.close();
    }
  });
});
