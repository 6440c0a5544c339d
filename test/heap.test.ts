// An import runs with less headroom for V8's heaps (core/heap.ts), and V8's
// own rule is back once it ends, even when it fails or another import overlaps
// it (the web view imports in its own long-running process).
import { describe, expect, it } from 'vitest';
import { headroom } from '../src/core/heap.js';

const flags: string[] = [];
const withLessHeadroom = headroom((f) => flags.push(f));

describe('less headroom while importing', () => {
  it('is set for the import and undone after it, once for imports that overlap, and undone when one fails', async () => {
    let release = () => {};
    const first = withLessHeadroom(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    expect(flags).toEqual(['--heap-growing-percent=50']);
    await expect(withLessHeadroom(async () => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    // The failed import overlapped the first: the first still has its headroom.
    expect(flags).toEqual(['--heap-growing-percent=50']);
    release();
    expect(await first).toBe('first');
    expect(flags).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
    await expect(withLessHeadroom(async () => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(flags.slice(2)).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']);
  });
});
