// The county as `cxzy export` writes it, the shapes an office keeps or sends
// its whole county in: one workbook of every section, and one YAML file of a
// document per quarter. Each is imported into an empty database, beside its
// floor read the same way in a process of its own: exceljs's bare streaming
// read of every cell, js-yaml's bare load.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { best, DATA, measure, REPEAT, type Measure } from './measure.js';

export function exported(name: string, db: string): Record<string, Measure> {
  const note = (label: string) => process.stderr.write(`${name}: ${label} …\n`);
  const out: Record<string, Measure> = {};
  for (const ext of ['xlsx', 'yaml'] as const) {
    // A folder of the one file: the floors read a folder.
    const dir = join(DATA, `${name}-export-${ext}`);
    const file = join(dir, `${name}.${ext}`);
    if (!existsSync(file)) {
      note(`cxzy export to one .${ext}`);
      mkdirSync(dir, { recursive: true });
      measure('cxzy', ['export', '--db', db, '--out', file, '-q']);
    }
    const target = join(DATA, `${name}-export-${ext}.db`);
    const fresh = () => ['', '-wal', '-shm'].forEach((s) => rmSync(target + s, { force: true }));
    note(`the one .${ext}: its floor, cxzy import`);
    const floor = ext === 'xlsx' ? 'exceljs' : 'jsyaml';
    out[`${floor}_export_${ext}`] = best(REPEAT, () => measure(floor, [dir]));
    out[`import_export_${ext}`] = best(REPEAT, () => {
      fresh();
      return measure('cxzy', ['import', file, '--db', target, '-q']);
    });
    fresh();
  }
  return out;
}
