// The inbox beside the database (收件箱): every file a clerk drops in the
// browser is kept there unchanged, in the folder of the quarter it names
// (收件箱/2011Q3/), never over another (a second D0105.xlsx is kept as
// D0105-2.xlsx), and each drop's receipt (收件记录/<id>.json) lists what came
// and where it went. Nothing from an address names a path: a receipt is found
// by an id of digits, and its files are checked to lie inside the inbox.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { localTime } from '../core/dates.js';
import { freeFileName, safeFileName } from '../core/file-names.js';
import { DataError } from '../core/errors.js';

/** The inbox's folder and its receipts' folder: one name in either language, so that an office's archive is one. */
export const INBOX = '收件箱';
const RECEIPTS = '收件记录';
/** A drop whose files name no quarter, or several. */
const UNSORTED = '未定';

/** A file taken in: its name as sent, and where it is kept (relative to the database's folder, with `/`). */
export interface Kept {
  sent: string;
  path: string;
  /** Kept under another name: one of that name was there already. */
  renamed: boolean;
}

/** A file not taken in, and why. */
export interface Refused {
  sent: string;
  why: 'type' | 'size';
}

export interface Receipt {
  id: string;
  /** Local time of the drop. */
  at: string;
  files: Kept[];
  refused: Refused[];
}

/** The files the inbox takes: what import reads. */
export const TAKEN = new Set(['.xlsx', '.yaml', '.yml']);

const ID = /^\d{8}-\d{6}(-\d{1,3})?$/;

export class Inbox {
  /** The inbox's folder; `base`: the database's folder, which kept paths are relative to. */
  readonly root: string;
  constructor(readonly base: string) {
    this.root = join(base, INBOX);
  }

  static of(dbPath: string): Inbox {
    return new Inbox(dirname(resolve(dbPath)));
  }

  private receipts(): string {
    return join(this.root, RECEIPTS);
  }

  /** A new drop's id (its time, made unique) and an empty folder of its own to receive into. */
  open(): { id: string; staging: string } {
    mkdirSync(this.receipts(), { recursive: true });
    const stamp = localTime().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-').slice(0, 15);
    let id = stamp;
    for (let n = 2; existsSync(join(this.receipts(), `${id}.json`)) || existsSync(join(this.receipts(), id)); n++) id = `${stamp}-${n}`;
    const staging = join(this.receipts(), id);
    mkdirSync(staging);
    return { id, staging };
  }

  /** A name for `sent` in a drop's staging folder, not among `taken` (a drop of two D01.xlsx from two folders keeps both). */
  static stagedName(sent: string, taken: Set<string>): string {
    return freeFileName(...leafOf(sent), taken);
  }

  /**
   * The staged files moved to their quarter's folder, each under its own name
   * or the next free one, and the receipt written. `quarterOf`: the quarter
   * a staged file names (null: none, or several).
   */
  file(id: string, staged: { sent: string; staged: string }[], refused: Refused[], quarterOf: (staged: string) => string | null): Receipt {
    const files = staged.map(({ sent, staged: from }): Kept => {
      const folder = join(this.root, quarterOf(from) ?? UNSORTED);
      mkdirSync(folder, { recursive: true });
      const [stem, ext] = leafOf(sent);
      const name = freeFileName(stem, ext, new Set(readdirSync(folder).map((f) => f.toLowerCase())));
      renameSync(from, join(folder, name));
      return { sent, path: relative(this.base, join(folder, name)).split(sep).join('/'), renamed: name !== `${stem}${ext}` };
    });
    const receipt: Receipt = { id, at: localTime(), files, refused };
    writeFileSync(join(this.receipts(), `${id}.json`), `${JSON.stringify(receipt, null, 2)}\n`);
    this.drop(id);
    return receipt;
  }

  /** A drop's staging folder removed (received and filed, or refused). */
  drop(id: string): void {
    rmSync(join(this.receipts(), id), { recursive: true, force: true });
  }

  /** The receipt of drop `id`; null when there is no such drop. Each of its files is checked to lie in the inbox when it is read (`inside`): a file moved away since fails the page that reads it, not the list of drops. */
  receipt(id: string): Receipt | null {
    if (!ID.test(id)) return null;
    const file = join(this.receipts(), `${id}.json`);
    if (!existsSync(file)) return null;
    return JSON.parse(readFileSync(file, 'utf8')) as Receipt;
  }

  /** Every drop, newest first. */
  list(): Receipt[] {
    if (!existsSync(this.receipts())) return [];
    return readdirSync(this.receipts())
      .filter((f) => f.endsWith('.json') && ID.test(f.slice(0, -5)))
      .sort()
      .reverse()
      .flatMap((f) => this.receipt(f.slice(0, -5)) ?? []);
  }

  /** `path` (relative to the database's folder) as a file of the inbox: none outside it, none through a link. */
  inside(path: string): string {
    const full = resolve(this.base, path);
    const root = realpathSync(this.root);
    if (!existsSync(full) || lstatSync(full).isSymbolicLink() || !realpathSync(full).startsWith(root + sep))
      throw new DataError({ id: 'web_drop_moved', params: { path } });
    return full;
  }
}

/** Bytes of a kept file's name at most: every file system takes 255, and the name may grow by -2. */
const NAME_BYTES = 180;
/** What may not be in a kept name beyond what Windows refuses: what reverses or hides text (a name that reads as .xlsx but is not). */
const HIDDEN = /[\u0080-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** The last part of a name as a browser sends it (a folder's files come as folder/sub/name), made safe on every system: its stem and extension. */
function leafOf(sent: string): [stem: string, ext: string] {
  const leaf = (sent.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(HIDDEN, '_');
  const ext = extname(leaf).toLowerCase();
  let stem = safeFileName(leaf.slice(0, leaf.length - ext.length));
  // Cut by characters, whole: a long Chinese name must not lose half a character.
  while (Buffer.byteLength(stem) > NAME_BYTES) stem = [...stem].slice(0, -1).join('');
  return [safeFileName(stem), ext];
}
