// The bodies of the requests that write: a small form (import, undo) read
// whole, and a drop of files streamed to disk by busboy (a folder of thirty
// workbooks is never held in memory), each within its budget.
import busboy from 'busboy';
import { createWriteStream, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UsageError } from '../core/errors.js';
import { byText } from '../core/collections.js';
import { MAX_FILE_BYTES } from '../read/limits.js';
import { TAKEN, type Refused } from './archive.js';

/** A drop's budget: files at most, and bytes in all (each file's own is the readers', MAX_FILE_BYTES). */
const MAX_DROP_FILES = 2000;
export const MAX_DROP_BYTES = 1024 * 1024 * 1024;
/** A form without files: a few fields. */
const MAX_FORM_BYTES = 64 * 1024;

export interface Body {
  type: string;
  length: number | null;
  stream: Readable;
}

/** A form posted as application/x-www-form-urlencoded, read whole within its budget. */
export async function readForm(body: Body): Promise<URLSearchParams> {
  if (!body.type.startsWith('application/x-www-form-urlencoded')) throw new UsageError({ id: 'web_bad_form' });
  if (body.length !== null && body.length > MAX_FORM_BYTES) throw new UsageError({ id: 'web_form_too_big' });
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body.stream) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new UsageError({ id: 'web_form_too_big' });
    parts.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(parts).toString('utf8'));
}

export interface Dropped {
  fields: URLSearchParams;
  /** Each file as sent and where it was written in `staging`. */
  files: { sent: string; staged: string }[];
  refused: Refused[];
}

/**
 * A multipart drop received into `staging`: each data file written under a
 * free name (`name(sent, taken)`), any other file refused by its type, a file
 * past MAX_FILE_BYTES refused by its size and removed; past the drop's budget
 * the whole drop is refused (the caller removes `staging`).
 */
export async function receive(body: Body, staging: string, name: (sent: string, taken: Set<string>) => string): Promise<Dropped> {
  if (!body.type.startsWith('multipart/form-data')) throw new UsageError({ id: 'web_bad_form' });
  const tooBig = () => new UsageError({ id: 'web_drop_too_big', params: { mb: MAX_DROP_BYTES / 2 ** 20 } });
  if (body.length !== null && body.length > MAX_DROP_BYTES) throw tooBig();
  const fields = new URLSearchParams();
  const parts: Promise<{ sent: string; staged: string } | Refused | null>[] = [];
  const taken = new Set<string>();
  let total = 0;
  let over: UsageError | null = null;
  const bb = busboy({
    headers: { 'content-type': body.type },
    // Browsers send names in UTF-8: 第一支部.xlsx, not its bytes read as Latin-1.
    defParamCharset: 'utf8',
    limits: { files: MAX_DROP_FILES, fileSize: MAX_FILE_BYTES, fields: 20, fieldSize: 1024, parts: MAX_DROP_FILES + 20 },
  });
  bb.on('field', (k, v) => fields.append(k, v));
  bb.on('file', (_field, stream, info) => {
    const sent = info.filename ?? '';
    // A file field left empty sends a part with no name.
    if (sent === '' || !TAKEN.has(extname(sent).toLowerCase())) {
      stream.resume();
      parts.push(Promise.resolve(sent === '' ? null : { sent, why: 'type' }));
      return;
    }
    const staged = join(staging, name(sent, taken));
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      // Past the budget nothing more is written: the drop is refused as it comes, not once a disk is full.
      if (total > MAX_DROP_BYTES && !over) {
        over = tooBig();
        bb.destroy(over);
      }
    });
    parts.push(
      pipeline(stream, createWriteStream(staged)).then(
        () => {
          if (!stream.truncated) return { sent, staged };
          rmSync(staged, { force: true });
          return { sent, why: 'size' as const };
        },
        // A drop cut short (the budget, a browser gone): the whole drop fails below; this file is nothing of its own.
        () => null,
      ),
    );
  });
  bb.on('filesLimit', () => {
    over ??= new UsageError({ id: 'web_drop_too_many', params: { n: MAX_DROP_FILES } });
  });
  try {
    await pipeline(body.stream, bb);
  } catch {
    // The budget, said as such; a form cut short (the browser gone, a broken body) as a form this page did not send.
    await Promise.all(parts);
    throw over ?? new UsageError({ id: 'web_bad_form' });
  }
  const done = await Promise.all(parts);
  if (over) throw over;
  const out: Dropped = { fields, files: [], refused: [] };
  for (const d of done) if (d) 'why' in d ? out.refused.push(d) : out.files.push(d);
  // In the order of their names, as import lists a folder's files (a browser sends a folder's in an order of its own).
  out.files.sort((a, b) => byText(a.sent, b.sent));
  return out;
}
