// What every YAML reader gives: documents with their data, each record's
// line, and (from the readers that keep them) the place of any node.
import type { Path } from '../../core/diagnostic.js';

/** 1-based line and column of a node; endCol is exclusive and on the same line. */
export interface Pos {
  line: number;
  col: number;
  endCol: number;
}

export interface YamlDoc {
  data: unknown;
  /** The 1-based line of each record of each block-style section. */
  lines: Partial<Record<string, number[]>>;
  /** Where the value at `path` is (or its key); the nearest existing node when the path runs out. */
  locate?: (path: Path, key?: boolean) => Pos;
}
