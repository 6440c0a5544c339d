// Import on the two shapes offices keep a county in: the bench's many small
// files (a folder per town), and one file per section and quarter (the largest
// tens of MB at city size). Each is imported in process (as the other steps
// are) and as a whole process, as a user waits, Node's start included, each
// against js-yaml's bare load of the same files measured the same way.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { best, DATA, FLAGS, measure, REPEAT, ROOT, STEP, type Measure } from './measure.js';
import { oneFilePerSection, type Generated } from './generate.js';

export function shapes(name: string, g: Generated): Record<string, Measure> {
  const one = join(DATA, `${name}-one`);
  if (!existsSync(one)) oneFilePerSection(g.dir, one);
  const db = join(DATA, `${name}-shape.db`);
  const fresh = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
  };
  const note = (label: string) => process.stderr.write(`${name}: ${label} …\n`);
  const out: Record<string, Measure> = {};
  note('one file per section: js-yaml load, cxzy import');
  out.jsyaml_one = best(REPEAT, () => measure('jsyaml', [one]));
  out.import_one = best(REPEAT, () => {
    fresh();
    return measure('cxzy', ['import', one, '--db', db, '-q']);
  });
  // Whole processes: js-yaml's load in a Node of its own, and bin/cxzy as a user starts it.
  for (const [shape, dir] of [
    ['many', g.dir],
    ['one', one],
  ]) {
    note(`${shape}: whole processes`);
    out[`jsyaml_whole_${shape}`] = best(REPEAT, () => measure('program', [process.execPath, ...FLAGS, STEP, 'jsyaml', dir]));
    out[`import_whole_${shape}`] = best(REPEAT, () => {
      fresh();
      return measure('program', [process.execPath, ...FLAGS, join(ROOT, 'bin', 'cxzy'), 'import', dir, '--db', db, '-q']);
    });
  }
  fresh();
  return out;
}
