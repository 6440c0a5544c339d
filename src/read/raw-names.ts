// File names whose bytes are not UTF-8: a Windows zip unpacked on Linux leaves
// its Chinese names in GBK. Node gives such a name with its bytes replaced
// (U+FFFD) and cannot open it by that string; here it is opened by its bytes,
// and reached through /proc/self/fd (the only place such names occur is a
// Linux file system), and shown with each byte that is not ASCII as \xHH.
import { constants, type Dirent, existsSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const gbk = new TextDecoder('gb18030', { fatal: true });

/**
 * A name that is not UTF-8 as text: its ASCII as it is, every other byte as
 * \xHH — no byte read as a character it never was (GBK's D4 B1 is Armenian
 * Ա in UTF-8).
 */
export function shownBytes(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

const isUtf8 = (b: Buffer) => Buffer.from(b.toString('utf8'), 'utf8').equals(b);

/** The name as GBK would read it, or '' where it is not GBK either. */
function guessOf(b: Buffer): string {
  try {
    return gbk.decode(b);
  } catch {
    return '';
  }
}

const opened = new Map<string, string>();

/** A path that opens the file or folder at `abs` (+ `name`'s bytes): its descriptor's, kept open for the run. */
function byBytes(abs: string, name: Buffer): string | null {
  if (!existsSync('/proc/self/fd')) return null;
  const full = Buffer.concat([Buffer.from(`${abs}/`, 'utf8'), name]);
  const key = full.toString('hex');
  let path = opened.get(key);
  if (path === undefined) {
    let fd: number;
    try {
      fd = openSync(full, constants.O_RDONLY);
    } catch {
      return null;
    }
    // Kept open for the run (the system closes it at the end): the reader opens the file by this path later.
    path = `/proc/self/fd/${fd}`;
    opened.set(key, path);
  }
  return path;
}

export interface NamedEntry {
  dirent: Dirent<Buffer>;
  /** As shown and stored: the name, its bytes that are not ASCII as \xHH. */
  name: string;
  /** Where it is opened. */
  path: string;
  /** Its name read as GBK, for the note that says so; null for a UTF-8 name. */
  guess: string | null;
}

/** A folder's entries with their names as shown, sorted by them; one that cannot be opened by its bytes is still listed, and fails as it is read. */
export function withRawNames(abs: string, entries: Dirent<Buffer>[]): NamedEntry[] {
  return entries
    .map((dirent): NamedEntry => {
      const bytes = dirent.name;
      if (isUtf8(bytes)) return { dirent, name: bytes.toString('utf8'), path: join(abs, bytes.toString('utf8')), guess: null };
      const name = shownBytes(bytes);
      return { dirent, name, path: byBytes(abs, bytes) ?? join(abs, name), guess: guessOf(bytes) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The one entry of folder `abs` whose name, with its bytes that are not UTF-8 replaced, is `lossy` (as Node gives it from the command line). */
export function rawName(abs: string, lossy: string): { shown: string; path: string; guess: string } | null {
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(abs, { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return null;
  }
  const hits = entries.filter((e) => !isUtf8(e.name) && e.name.toString('utf8') === lossy);
  if (hits.length !== 1) return null;
  const path = byBytes(abs, hits[0].name);
  return path === null ? null : { shown: shownBytes(hits[0].name), path, guess: guessOf(hits[0].name) };
}
