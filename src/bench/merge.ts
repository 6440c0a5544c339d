// A city's merge of its counties: twelve databases of the county, each with
// codes of its own (made once, by a merge with a prefix), merged into a new
// city database, against the floor: the same rows copied by a bare ATTACH +
// INSERT … SELECT. Then the everyday case: twelve copies of the county merged
// with --prefix, and one of them merged again.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { removeDb } from '../store/db.js';
import { join } from 'node:path';
import { best, DATA, measure, REPEAT, type Measure } from './measure.js';

const COUNTIES = 12;

export function merges(county: string): Record<string, Measure> {
  const dir = join(DATA, 'merge');
  mkdirSync(dir, { recursive: true });
  const names = Array.from({ length: COUNTIES }, (_, i) => String(i + 1).padStart(2, '0'));
  const own = names.map((n) => join(dir, `k${n}.db`));
  const copies = names.map((n) => join(dir, `c${n}.db`));
  process.stderr.write(`merge: ${COUNTIES} county databases …\n`);
  own.forEach((path, i) => {
    removeDb(path);
    measure('cxzy', ['merge', `K${names[i]}=${county}`, '--db', path, '-q']);
    copyFileSync(county, copies[i]);
    // Twelve counties, not twelve copies of one: a database is known by the id it was created with.
    const d = new Database(copies[i]);
    d.prepare("UPDATE meta SET value = ? WHERE key = 'id'").run(`cxzy-bench-county-${names[i]}`);
    d.close();
  });
  const city = join(dir, 'city.db');
  const fresh =
    (args: string[], step = 'cxzy') =>
    () => {
      removeDb(city);
      return measure(step, args);
    };
  process.stderr.write('merge: cxzy merge …\n');
  const merge = best(REPEAT, fresh(['merge', ...own, '--db', city, '-q']));
  process.stderr.write('merge: floor …\n');
  const floor = best(REPEAT, fresh([city, ...own], 'merge-floor'));
  process.stderr.write('merge: cxzy merge --prefix, and one county again …\n');
  const prefix = best(REPEAT, fresh(['merge', '--prefix', ...copies, '--db', city, '-q']));
  const again = best(REPEAT, () => measure('cxzy', ['merge', '--prefix', copies[4], '--db', city, '-q']));
  for (const path of [city, ...own, ...copies]) if (existsSync(path)) removeDb(path);
  return { merge, merge_floor: floor, merge_prefix: prefix, merge_again: again };
}
