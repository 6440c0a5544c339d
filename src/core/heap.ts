// Less headroom for V8's heaps while files are imported. V8 lets a heap grow
// to between 1.1 and 4 times what it held after its last full collection
// before it collects again, more the smaller the heap. An import's threads
// parse file after file (or piece after piece), each leaving garbage it no
// longer needs; on the county kept as one file per section each thread's heap
// grew to about 100 MB over a live set of 20-50 MB. With a factor of 1.5
// (V8's --heap-growing-percent) the county's import peaks 50-90 MB lower in
// every shape, in the same time (bench/RESULTS.md). The flag is V8's, shared
// by every thread of the process, so it is set for the import only and V8's
// own rule is back once it ends: a long-running `cxzy serve` renders its pages
// as before.
import { setFlagsFromString } from 'node:v8';

/** A `withLessHeadroom` that sets V8's flags through `set`: the tests see what it sets. */
export function headroom(set: (flag: string) => void) {
  let running = 0;
  return async <T>(run: () => Promise<T>): Promise<T> => {
    if (running++ === 0) set('--heap-growing-percent=50');
    try {
      return await run();
    } finally {
      // 0: V8's own rule (its default).
      if (--running === 0) set('--heap-growing-percent=0');
    }
  };
}

/** `run` with every heap of the process growing by half its live size before a full collection; imports that overlap share it. */
export const withLessHeadroom = headroom(setFlagsFromString);
