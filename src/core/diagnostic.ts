// A diagnostic is an error or warning tied to a place in a file. Its message is
// kept as an id with parameters and translated only when printed.
import type { Msg } from './messages/index.js';

export interface Place {
  file: string;
  /** 1-based line and column; endCol is exclusive and on the same line. */
  line: number;
  col: number;
  endCol: number;
  /** The text of that line, for the caret display. */
  source: string | null;
  /** In a workbook: the cell (line is its row, col its column), with its column's header and its value as shown. */
  cell?: CellPlace;
}

export interface CellPlace {
  sheet: string;
  /** A1-style, e.g. C14; just the sheet's name for a sheet as a whole. */
  ref: string;
  header: string | null;
  value: string | null;
}

export interface Diagnostic extends Place {
  severity: 'error' | 'warning';
  /** Field path such as reviews[3].self, or null for a whole file or document. */
  path: string | null;
  code: string;
  msg: Msg;
  /** More of what it is, as data: keys its JSON form carries beside the place and message (a resubmission's org, span, files). */
  extra?: Record<string, unknown>;
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

/** The whole file, for problems that have no line of their own (it cannot be read, it is empty). */
export const wholeFile = (file: string): Place => ({ file, line: 1, col: 1, endCol: 2, source: null });

/** Errors kept at most (all are shown); the rest are counted. */
export const SHOWN = 100;
/** Warnings kept at most: the terminal shows a few of each kind, JSON every one kept. */
export const WARNINGS_KEPT = 10_000;

/** Collects diagnostics of one run; keeps at most so many of each severity but counts all, warnings by kind too. */
export class Diagnostics {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  errorCount = 0;
  warningCount = 0;
  /** How many warnings of each kind (code), kept or not. */
  readonly warningKinds = new Map<string, number>();

  constructor(
    private readonly limit = SHOWN,
    private readonly warningLimit = WARNINGS_KEPT,
  ) {}

  add(d: Diagnostic): void {
    if (d.severity === 'error') {
      this.errorCount++;
      if (this.errors.length < this.limit) this.errors.push(d);
    } else {
      this.warningCount++;
      this.warningKinds.set(d.code, (this.warningKinds.get(d.code) ?? 0) + 1);
      if (this.warnings.length < this.warningLimit) this.warnings.push(d);
    }
  }

  /** Whether one more diagnostic of `severity` would be kept: past the cap it need not be built, only counted. */
  wants(severity: Diagnostic['severity']): boolean {
    return severity === 'error' ? this.errors.length < this.limit : this.warnings.length < this.warningLimit;
  }

  /** `n` more of `severity` (of kind `code`) that were counted but not built. */
  count(severity: Diagnostic['severity'], n: number, code = ''): void {
    if (severity === 'error') this.errorCount += n;
    else {
      this.warningCount += n;
      this.warningKinds.set(code, (this.warningKinds.get(code) ?? 0) + n);
    }
  }

  /** --strict: every warning becomes an error. */
  promoteWarnings(): void {
    for (const w of this.warnings) this.add({ ...w, severity: 'error' });
    this.errorCount += this.warningCount - this.warnings.length;
    this.warnings.length = 0;
    this.warningCount = 0;
    this.warningKinds.clear();
  }
}
