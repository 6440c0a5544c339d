// One measured step: the step run in a process of its own (bench/step.ts), so
// that its peak RSS is its own; and the best of several runs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const DATA = join(ROOT, 'bench', '.data');
/** The step runner: each step in a Node of its own. */
export const STEP = fileURLToPath(new URL('./step.js', import.meta.url));
/** The V8 flags cxzy runs with (bin/cxzy and the executables): each step runs with them, as cxzy would. */
export const FLAGS = JSON.parse(readFileSync(join(ROOT, 'bin', 'node-flags.json'), 'utf8')) as string[];

export interface Measure {
  ms: number;
  rss_mb: number;
  out: string;
}

/** `code`: the exit code the step must end with (validate of a bad batch exits 1). */
export function measure(step: string, args: string[], env: Record<string, string> = {}, code = 0): Measure {
  const r = spawnSync(process.execPath, [...FLAGS, STEP, step, ...args], {
    env: { ...process.env, ...env, CXZY_BENCH_EXIT: String(code) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${step} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measure;
}

/** The fastest of `n` runs (peak RSS the highest): on a shared, noisy machine the minimum is the stable figure. */
export function best(n: number, run: () => Measure): Measure {
  const all = Array.from({ length: n }, run);
  const fastest = all.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...fastest, rss_mb: Math.max(...all.map((m) => m.rss_mb)) };
}

export const REPEAT = 3;
