// The read step's work, in the batch's order: each file, a large YAML file cut
// into pieces when its turn comes (read/pieces.ts), and each file's result
// given once, whole, whichever threads read its pieces.
import { statSync } from 'node:fs';
import { cutFile, isPiece, joinPieces, type CutFile, type PieceResult, type PieceTask } from './pieces.js';
import { readPiece } from './piece.js';
import { readOne } from './read.js';
import type { DocumentValidator } from './schemas.js';
import type { FileResult, FileTask, ReadRules } from './task.js';

export type Job = FileTask | PieceTask;
export type JobResult = FileResult | PieceResult;

/** One job, on this thread or a worker: a file read whole, or a piece of one. */
export function readJob(job: Job, validate: DocumentValidator, rules: ReadRules): JobResult | Promise<JobResult> {
  return isPiece(job) ? readPiece(job, validate, rules) : readOne(job, validate, rules);
}

interface Cut {
  task: FileTask;
  file: CutFile;
  /** Pieces handed out, and how many will be: all, unless one declined first. */
  taken: number;
  count: number;
  parts: Extract<PieceResult, { status: 'ok' }>[];
  /** Pieces answered, kept or not. */
  answered: number;
  /** Given already: joined, or read again whole. */
  given: boolean;
}

export class ReadQueue {
  private next = 0;
  /** The file being handed out in pieces. */
  private cutting: Cut | null = null;
  private readonly cuts = new Map<number, Cut>();

  /** `readWhole`: a file one of whose pieces declined, read the ordinary way. */
  constructor(
    private readonly tasks: FileTask[],
    private readonly pieceBytes: number,
    private readonly readWhole: (t: FileTask) => FileResult,
  ) {}

  get more(): boolean {
    return this.cutting !== null || this.next < this.tasks.length;
  }

  take(): Job {
    if (!this.cutting) {
      const task = this.tasks[this.next++];
      const file = cutFile(task, this.pieceBytes);
      if (!file) return task;
      this.cutting = { task, file, taken: 0, count: file.count, parts: [], answered: 0, given: false };
      this.cuts.set(task.index, this.cutting);
    }
    const cut = this.cutting;
    const piece = cut.file.piece(cut.taken++);
    if (cut.taken === cut.count) this.cutting = null;
    return piece;
  }

  /** The file's result once it is whole: at once for a file read whole, at a cut file's last piece (or first declined one). */
  settle(r: JobResult): FileResult | null {
    if (!('part' in r)) return r;
    const cut = this.cuts.get(r.index)!;
    const first = r.status === 'declined' && !cut.given;
    if (first) {
      // The file is read whole: the pieces not handed out yet are not read at all.
      cut.given = true;
      cut.count = cut.taken;
      if (this.cutting === cut) this.cutting = null;
    }
    if (++cut.answered === cut.count) this.cuts.delete(r.index);
    if (first) return this.readWhole(cut.task);
    if (cut.given || r.status === 'declined') return null;
    cut.parts[r.part] = r;
    // None declined so far: every piece answered is kept.
    if (cut.answered < cut.count) return null;
    cut.given = true;
    return joinPieces(cut.task, cut.file.whole, cut.parts);
  }
}

/** How many jobs `tasks` make at least: a large file counts its pieces, so that one big file still has threads to share it. */
export function jobsIn(tasks: FileTask[], pieceBytes: number): number {
  let n = 0;
  for (const t of tasks) {
    let size = 0;
    try {
      size = statSync(t.path).size;
    } catch {
      // read, and said, in its turn
    }
    n += pieceBytes > 0 && size > 3 * pieceBytes ? Math.floor(size / pieceBytes) : 1;
  }
  return n;
}
