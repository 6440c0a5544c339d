import { setImmediate as turn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/core/collect.js';

const unheld = () => new WeakRef(Array.from({ length: 1e5 }, (_, i) => i));

describe('collectGarbage', () => {
  it('collects without a flag, again and again, and leaves the globals as they were', async () => {
    const before = 'gc' in globalThis;
    const ref = unheld();
    // A WeakRef's target lives out the turn that made it.
    await turn();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    collectGarbage();
    expect('gc' in globalThis).toBe(before);
  });
});
