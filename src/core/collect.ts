// A full garbage collection, asked for where a command has just let go of
// most of what it held and goes on to make a long list. V8's incremental
// marking, started while the year's review was read and tallied, does not
// finish while the list allocates only short-lived text: without this, the
// review's garbage stays until the command ends (a city's `annual --all`:
// 494–524 MB at its peak, against 445–454 with it, in process).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    // Exposed to a context of its own: the command's globals stay as they are.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
