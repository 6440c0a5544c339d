// The layers of ARCHITECTURE.md: a module imports only from its own layer or
// below, and a format's writer never from a feature's view.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './helpers.js';

const ORDER = ['core', 'read', 'store', 'pipeline', 'analyses', 'render', 'web', 'cli', 'sea', 'bench', 'tools'];
const IMPORT = /(?:import|export)\s[^'";]*?from\s+['"](\.[^'"]+)['"]|import\s*\(\s*['"](\.[^'"]+)['"]/g;

/** Each module of src/ with the modules it imports, as paths from src/. */
function imports(): [string, string][] {
  const src = join(ROOT, 'src');
  const out: [string, string][] = [];
  for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.ts'))) {
    for (const m of readFileSync(join(src, f), 'utf8').matchAll(IMPORT)) out.push([f, relative(src, join(src, dirname(f), m[1] ?? m[2]))]);
  }
  return out;
}

describe('layers', () => {
  it('nothing imports from a layer above its own, and no format writer from a view', () => {
    // A module at the top of src/ (version.ts) counts as core.
    const layer = (p: string) => (p.includes('/') ? ORDER.indexOf(p.split('/')[0]) : 0);
    const upward = imports().filter(([from, to]) => layer(to) > layer(from) || (from.startsWith('render/formats/') && to.startsWith('render/views/')));
    expect(upward).toEqual([]);
  });
});
