// What one workbook may cost to read (read/limits.ts), counted as it streams:
// past a limit the read stops at once with a message that names it, so a zip
// bomb, a sheet of millions of cells or one huge cell costs bounded time and
// memory.
import type { Msg } from '../../core/messages/index.js';
import { MAX_CELL_CHARS, MAX_CELLS, MAX_INFLATED_BYTES } from '../limits.js';

/** A limit passed: the workbook is refused with `msg`, at the sheet and cell the read had reached when it knows them. */
export class LimitError extends Error {
  at: { row?: number; col?: number } = {};

  constructor(readonly msg: Msg) {
    super(msg.id);
  }
}

export class Budget {
  private cells = 0;
  private bytes = 0;

  /** One more cell or shared string. */
  cell(): void {
    if (++this.cells > MAX_CELLS) throw new LimitError({ id: 'xlsx_too_many_cells', params: { limit: MAX_CELLS } });
  }

  /** `more` text of one cell after `sofar`. */
  text(sofar: string, more: string): string {
    if (sofar.length + more.length > MAX_CELL_CHARS) throw new LimitError({ id: 'xlsx_cell_too_long', params: { limit: MAX_CELL_CHARS } });
    return sofar + more;
  }

  private declared = 0;

  /**
   * A part about to be inflated, by the size the zip's directory gives it: a
   * zip bomb that says what it holds is refused before a byte is inflated
   * (one that lies is stopped by its own size, open.ts).
   */
  declare(n: number): void {
    this.declared += n;
    if (this.declared > MAX_INFLATED_BYTES) throw new LimitError({ id: 'xlsx_too_large_inflated', params: { limit: MAX_INFLATED_BYTES / 2 ** 20 } });
  }

  /** What has been counted so far: cells and shared strings, and bytes of the parts declared (a workbook read in shares adds its shares'). */
  get spent(): { cells: number; declared: number } {
    return { cells: this.cells, declared: this.declared };
  }

  /** `n` more bytes inflated from the zip. */
  inflated(n: number): void {
    this.bytes += n;
    if (this.bytes > MAX_INFLATED_BYTES) throw new LimitError({ id: 'xlsx_too_large_inflated', params: { limit: MAX_INFLATED_BYTES / 2 ** 20 } });
  }
}
