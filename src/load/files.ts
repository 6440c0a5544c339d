// Command-line paths → the list of data files, and reading one file to text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from './decode.js';
import type { MsgId } from '../render/i18n.js';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface PathProblem {
  file: string;
  id: MsgId;
  params?: Record<string, string | number>;
}

/** Files in argument order; folders searched recursively for *.yaml / *.yml in sorted path order. */
export function expandPaths(paths: string[]): { files: string[]; problems: PathProblem[] } {
  const files: string[] = [];
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push({ file: p, id: 'not_found' });
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(p);
      if (found.length === 0) problems.push({ file: p, id: 'no_yaml_files' });
      found.forEach(add);
    } else {
      add(p);
    }
  }
  return { files, problems };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (e.isFile() && /\.ya?ml$/i.test(e.name)) out.push(full);
  }
  return out;
}

export type ReadResult =
  | { ok: true; text: string; gbk: boolean; bytes: number; raw: Buffer }
  | { ok: false; problem: PathProblem };

export function readText(file: string): ReadResult {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      return { ok: false, problem: { file, id: 'too_large', params: { size: mib(size), limit: mib(MAX_FILE_BYTES) } } };
    }
    bytes = readFileSync(file);
  } catch (e) {
    return { ok: false, problem: { file, id: 'read_failed', params: { reason: (e as NodeJS.ErrnoException).code ?? String(e) } } };
  }
  const d = decode(bytes);
  if (!d.ok) return { ok: false, problem: { file, id: d.reason } };
  return { ok: true, text: d.text, gbk: d.encoding === 'gb18030', bytes: bytes.length, raw: bytes };
}

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
