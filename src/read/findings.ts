// An error found while reading a file, before its place is known. A file
// with errors is read again with the places of its nodes, and only the
// findings that will be shown are placed: past the cap they are only counted.
import type { Diagnostic, Path, Place } from '../core/diagnostic.js';
import { formatPath } from '../core/diagnostic.js';
import type { Msg } from '../core/messages/index.js';

export interface Finding {
  path: Path;
  /** Place the key at `path` rather than its value (an unknown field). */
  key: boolean;
  code: string;
  msg: Msg;
  /** This message parameter shows the value as written in the source (a code YAML took for a number, `.nan`). */
  written?: string;
}

/** The same error at the same place comes once: a field may break a rule more than one way. */
export const findingKey = (f: Finding) => `${formatPath(f.path)}|${f.key ? 'k' : 'v'}|${f.code}`;

export function placeFinding(f: Finding, at: Place): Diagnostic {
  const d: Diagnostic = { severity: 'error', ...at, path: formatPath(f.path) || null, code: f.code, msg: f.msg };
  if (f.written && at.source) {
    const written = at.source.slice(at.col - 1, at.endCol - 1).trim();
    if (written) d.msg = { ...d.msg, params: { ...d.msg.params, [f.written]: written } } as typeof d.msg;
  }
  return d;
}
