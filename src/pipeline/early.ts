// A large YAML file staged piece by piece as its pieces come in order
// (read/queue.ts, Early), while the rest of it is read: its rows are not held
// until its last piece, nor staged in one stretch then, while the reading
// threads wait to be fed. They go in under a mark (Stager.mark) that the
// batch keeps once the file is whole, or takes back when a piece declines
// (the file is read whole instead) or the file turns out to be one the batch
// has under another name. Files read meanwhile wait for it, so that the
// file's rows stay together and can be taken back alone.
import type { Early } from '../read/queue.js';
import type { FileResult, FileTask } from '../read/task.js';
import { unpackRows } from '../read/rows.js';
import type { Mark, Stager } from '../store/batch/stage.js';

/** What the pipeline does with a file's result: `mark`, for the file staged piece by piece, to keep or undo. False: stop reading. */
export type Handle = (r: FileResult, mark: Mark | null) => boolean;

export class EarlyStaging implements Early {
  private open: { index: number; mark: Mark } | null = null;
  private readonly held: FileResult[] = [];
  private go = true;

  /** `wanted`: whether rows are still staged (none once a file has failed or the import is stopped). */
  constructor(
    private readonly stager: Stager,
    private readonly wanted: () => boolean,
    private readonly handle: Handle,
  ) {}

  piece(task: FileTask, rows: Uint8Array): void {
    if (!this.wanted()) return;
    // The queue gives one file's pieces at a time, that file's result next: two at once would mix their rows under one mark.
    if (this.open && this.open.index !== task.index) throw new Error(`a piece of ${task.file} while another file is staged piece by piece`);
    this.open ??= { index: task.index, mark: this.stager.mark() };
    this.stager.add(task.file, unpackRows(rows));
  }

  withdraw(): void {
    this.open?.mark.undo();
    this.open = null;
    this.flush();
  }

  /** The reader's onResult: a file's result handled, or held while another file is staged piece by piece. */
  readonly result = (r: FileResult): boolean => {
    if (this.open && this.open.index !== r.index) {
      this.held.push(r);
      return true;
    }
    const mark = this.open?.mark ?? null;
    this.open = null;
    this.go = this.handle(r, mark) && this.go;
    this.flush();
    return this.go;
  };

  /** At the reading's end (stopped before a file staged piece by piece was whole): its rows taken back, every file held handled. */
  close(): void {
    this.withdraw();
  }

  private flush(): void {
    while (!this.open && this.held.length > 0) this.go = this.handle(this.held.shift()!, null) && this.go;
  }
}
