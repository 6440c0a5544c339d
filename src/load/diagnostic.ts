// A diagnostic is an error or warning tied to a place in a file. Its message is
// kept as an id with parameters and translated only when printed.
import type { MsgId, Param } from '../render/i18n.js';

export type Params = Record<string, Param>;

export interface Msg {
  id: MsgId;
  params?: Params;
}

export interface Place {
  file: string;
  /** 1-based line and column; endCol is exclusive and on the same line. */
  line: number;
  col: number;
  endCol: number;
  /** The text of that line, for the caret display. */
  source: string | null;
}

export interface Diagnostic extends Place {
  severity: 'error' | 'warning';
  /** Field path such as reviews[3].self, or null for a whole file or document. */
  path: string | null;
  code: string;
  msg: Msg;
}

export type Path = ReadonlyArray<string | number>;

/** reviews[3].self — the form users see and the JSON `path` key. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** Collects diagnostics of one run; keeps at most `limit` of each severity but counts all. */
export class Diagnostics {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(private readonly limit = 100) {}

  add(d: Diagnostic): void {
    if (d.severity === 'error') {
      this.errorCount++;
      if (this.errors.length < this.limit) this.errors.push(d);
    } else {
      this.warningCount++;
      if (this.warnings.length < this.limit) this.warnings.push(d);
    }
  }

  /** --strict: every warning becomes an error. */
  promoteWarnings(): void {
    for (const w of this.warnings) this.add({ ...w, severity: 'error' });
    this.errorCount += this.warningCount - this.warnings.length;
    this.warnings.length = 0;
    this.warningCount = 0;
  }
}
