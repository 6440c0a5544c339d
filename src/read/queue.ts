// The read step's work, in the batch's order: each file, a large YAML file cut
// into pieces (read/pieces.ts) or a large workbook dealt into shares
// (read/workbook/shares.ts) when its turn comes, and each file's result given
// once, whole, whichever threads read its parts.
import { statSync } from 'node:fs';
import { cutFile, isPiece, joinPieces, type PieceResult, type PieceTask } from './pieces.js';
import { readPiece } from './piece.js';
import { isWorkbook, readOne } from './read.js';
import type { DocumentValidator } from './schemas.js';
import type { FileResult, FileTask, ReadRules } from './task.js';
import { isShare, joinShares, readShare, workbookShares, type ShareOk, type ShareResult, type ShareTask } from './workbook/shares.js';

export type Job = FileTask | PieceTask | ShareTask;
export type JobResult = FileResult | PieceResult | ShareResult;
type PartResult = PieceResult | ShareResult;
type PartOk = Extract<PartResult, { status: 'ok' }>;

/** One job, on this thread or a worker: a file read whole, a piece of one, or a workbook's share. */
export function readJob(job: Job, validate: DocumentValidator, rules: ReadRules): JobResult | Promise<JobResult> {
  if (isPiece(job)) return readPiece(job, validate, rules);
  return isShare(job) ? readShare(job, validate, rules) : readOne(job, validate, rules);
}

/** A file read in parts: how many, each part's job, and the parts' results joined as the file's (null: read it whole). */
interface Parts {
  count: number;
  part(i: number): PieceTask | ShareTask;
  join(parts: PartOk[]): FileResult | null;
  /** A YAML file's pieces, whose rows may be given as they come. */
  pieces: boolean;
}

/**
 * What the reader tells of a cut YAML file before it is whole: each piece's
 * rows in the file's order, as soon as it and every piece before it are in
 * (`piece`), so that they are staged while the rest is read; and, should a
 * piece decline after that, that the rows given no longer stand, the file
 * being read whole (`withdraw`). One file's at a time: the oldest cut file's.
 */
export interface Early {
  piece(task: FileTask, rows: Uint8Array): void;
  withdraw(task: FileTask): void;
}

/** A worker's hand: six files, thirty pieces of cut files, or one workbook's share. */
export const HAND = 30;

/**
 * What a job counts in a worker's hand. A share fills it, so that the next
 * share goes to another thread. A piece (one piece's bytes at most) counts a
 * fifth of a file: a worker holding thirty reads on while this thread stages
 * the pieces before them, and this thread, left fewer to read itself, holds
 * less (the county's one file per section: 281-288 against 296-310 MB with
 * six, as fast; bench/RESULTS.md, the eighteenth session).
 */
export const jobWeight = (job: Job) => (isShare(job) ? HAND : isPiece(job) ? 1 : 5);

interface Cut {
  task: FileTask;
  file: Parts;
  /** Parts handed out, and how many will be: all, unless one declined first. */
  taken: number;
  count: number;
  parts: PartOk[];
  /** Parts answered, kept or not. */
  answered: number;
  /** Given already: joined, or read again whole. */
  given: boolean;
  /** Leading pieces whose rows went out early (`Early.piece`): their results are kept without them. */
  early: number;
}

export class ReadQueue {
  private next = 0;
  /** The file being handed out in parts. */
  private cutting: Cut | null = null;
  private readonly cuts = new Map<number, Cut>();
  /** Files whose parts could not stand for them, to be read whole, first. */
  private readonly again: FileTask[] = [];

  /** `threads`: how many read at once (a workbook is dealt into as many shares, two at least). */
  constructor(
    private readonly tasks: FileTask[],
    private readonly pieceBytes: number,
    private readonly threads: number,
    private readonly early: Early | null = null,
  ) {}

  get more(): boolean {
    return this.again.length > 0 || this.cutting !== null || this.next < this.tasks.length;
  }

  take(): Job {
    if (this.again.length > 0) return this.again.shift()!;
    if (!this.cutting) {
      const task = this.tasks[this.next++];
      const file = this.parts(task);
      if (!file) return task;
      this.cutting = { task, file, taken: 0, count: file.count, parts: [], answered: 0, given: false, early: 0 };
      this.cuts.set(task.index, this.cutting);
    }
    const cut = this.cutting;
    const part = cut.file.part(cut.taken++);
    if (cut.taken === cut.count) this.cutting = null;
    return part;
  }

  private parts(task: FileTask): Parts | null {
    const pieces = cutFile(task, this.pieceBytes);
    if (pieces) return { count: pieces.count, part: pieces.piece, join: (parts) => joinPieces(task, pieces.whole, parts as PieceOk[]), pieces: true };
    const shares = workbookShares(task, this.pieceBytes, this.threads);
    if (shares) return { count: shares.count, part: shares.share, join: (parts) => joinShares(task, parts as ShareOk[]), pieces: false };
    return null;
  }

  /**
   * The file's result once it is whole: at once for a file read whole, at a
   * cut file's last part. A part that declines, or parts that cannot be
   * joined, send the file to be read whole, on the next thread free.
   */
  settle(r: JobResult): FileResult | null {
    if (!('part' in r)) return r;
    const cut = this.cuts.get(r.index)!;
    const first = r.status === 'declined' && !cut.given;
    if (first) {
      // The parts not handed out yet are not read at all.
      cut.count = cut.taken;
      if (this.cutting === cut) this.cutting = null;
      this.readWhole(cut);
    }
    const last = ++cut.answered === cut.count;
    let joined: FileResult | null = null;
    // None declined so far: every part answered is kept.
    if (!cut.given && r.status === 'ok') {
      cut.parts[r.part] = r;
      this.giveEarly();
      if (last) {
        cut.given = true;
        // The next cut file's pieces go out early from the next result on, once the caller has this one.
        joined = cut.file.join(cut.parts);
        if (!joined) this.readWhole(cut);
      }
    }
    if (last) this.cuts.delete(r.index);
    return joined;
  }

  /** A cut file sent to be read whole, what went out of it early withdrawn. */
  private readWhole(cut: Cut): void {
    cut.given = true;
    this.again.push(cut.task);
    if (cut.early > 0) this.early?.withdraw(cut.task);
  }

  /** The oldest cut file not yet given: its pieces in, in order, each given once, their rows let go here. */
  private giveEarly(): void {
    if (!this.early) return;
    const cut = [...this.cuts.values()].find((c) => !c.given);
    if (!cut?.file.pieces) return;
    const parts = cut.parts as (PieceOk | undefined)[];
    for (let p = parts[cut.early]; p; p = parts[cut.early]) {
      this.early.piece(cut.task, p.rows!);
      parts[cut.early++] = { ...p, rows: null };
    }
  }
}

type PieceOk = Extract<PieceResult, { status: 'ok' }>;

/** How many jobs `tasks` make at least: a large file counts its pieces (a workbook its shares, two at least), so that one big file still has threads to share it. */
export function jobsIn(tasks: FileTask[], pieceBytes: number): number {
  let n = 0;
  for (const t of tasks) {
    let size = 0;
    try {
      size = statSync(t.path).size;
    } catch {
      // read, and said, in its turn
    }
    const big = pieceBytes > 0 && (size > 3 * pieceBytes || (isWorkbook(t.path) && size > pieceBytes));
    n += big ? Math.max(2, Math.floor(size / pieceBytes)) : 1;
  }
  return n;
}
