// JSON output in pieces, exactly as JSON.stringify(value, null, 2) would
// write it whole: at city size `stars` lists 750,000 members, and one string
// of that (a quarter of a gigabyte) costs more to build and copy than to write.

/** Elements stringified at a time: a chunk's text stays below the size V8 keeps apart until a full collection (a city's list would pile up there). */
const CHUNK = 250;

/**
 * `list` mapped by `f` only as it is written, a chunk at a time: a city's
 * 750,000 members need never exist at once, as records or as text. `list` may
 * be made as it is read (a generator): it is walked once.
 */
export class Listed<T, U> {
  constructor(
    private readonly list: Iterable<T>,
    private readonly f: (t: T) => U,
  ) {}

  *chunks(size = CHUNK): Generator<U[]> {
    let chunk: U[] = [];
    for (const t of this.list) {
      chunk.push(this.f(t));
      if (chunk.length === size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length) yield chunk;
  }

  toJSON(): U[] {
    return [...this.chunks()].flat();
  }
}

/** A value made only when the writing reaches it: what rests on a Listed written before it (a rating's verdicts on its members). */
export class Later<T> {
  constructor(private readonly make: () => T) {}

  toJSON(): T {
    return this.make();
  }
}

/** Text already written and escaped (a Written list's runs): passed on as it is. */
export class Safe {
  constructor(readonly text: string) {}
}

/**
 * A list whose elements come already written, in runs: each run the text of
 * some elements at `indent` (runPieces), as another thread can make it. A
 * city's full lists are made in parts on both threads and written in order here.
 */
export class Written {
  constructor(
    readonly runs: Iterable<Iterable<string>>,
    readonly indent: string,
  ) {}
}

/**
 * Elements of a run stringified at a time, fewer than a list's CHUNK: a run
 * made on the other thread comes back as its pieces, which V8 keeps in its
 * large-object space past 128 KB (250 members with Chinese names).
 */
const RUN_CHUNK = 100;

/** `items` mapped by `f` and written as the elements of a list at `indent` would be, escaped, a chunk at a time: a run of a Written list (none for none). */
export function* runPieces<T>(items: Iterable<T>, indent: string, f: (t: T) => unknown = (t) => t): Generator<string> {
  let first = true;
  for (const inside of chunkTexts(new Listed(items, f).chunks(RUN_CHUNK), indent)) {
    yield escaped(first ? inside : `,${inside}`);
    first = false;
  }
}

function* writtenPieces(list: Written, indent: string): Generator<string | Safe> {
  if (list.indent !== indent) throw new Error(`a list written at "${list.indent}" placed at "${indent}"`);
  let first = true;
  for (const run of list.runs) {
    let opened = false;
    for (const piece of run) {
      // A run with no elements puts no separator.
      if (!opened) yield new Safe(first ? '[' : ',');
      yield new Safe(piece);
      opened = true;
      first = false;
    }
  }
  yield first ? '[]' : `\n${indent}]`;
}

/**
 * The text of `value` in pieces: objects are walked key by key, arrays are
 * written CHUNK elements at a time.
 */
export function* jsonPieces(value: unknown, indent = ''): Generator<string | Safe> {
  if (value instanceof Later) return yield* jsonPieces(value.toJSON(), indent);
  if (value instanceof Written) return yield* writtenPieces(value, indent);
  if (Array.isArray(value)) return yield* arrayPieces(arrayChunks(value), indent);
  if (value instanceof Listed) return yield* arrayPieces(value.chunks(), indent);
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return yield JSON.stringify(value, null, 2)?.replaceAll('\n', `\n${indent}`) ?? 'null';
  }
  // Keys whose value JSON leaves out (undefined, functions) are skipped, as JSON.stringify does.
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) return yield '{}';
  const inner = `${indent}  `;
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i];
    yield `${i ? ',' : ''}\n${inner}${JSON.stringify(k)}: `;
    yield* jsonPieces(v, inner);
  }
  yield `\n${indent}}`;
}

/** An array at `indent`: "[", its chunks' elements, "]". */
function* arrayPieces(chunks: Iterable<unknown[]>, indent: string): Generator<string> {
  let first = true;
  for (const inside of chunkTexts(chunks, indent)) {
    yield first ? `[${inside}` : `,${inside}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}

/**
 * Each chunk's elements as an array at `indent` holds them, without the "["
 * or "," before them. Each chunk is stringified nested in as many arrays as
 * the indent is deep, so that JSON.stringify itself indents the elements (a
 * re-indent afterwards costs as much as the stringify); the wrapping is then
 * cut off.
 */
function* chunkTexts(chunks: Iterable<unknown[]>, indent: string): Generator<string> {
  const depth = indent.length / 2;
  let open = 0;
  for (let d = 0; d < depth; d++) open += 2 + 2 * (d + 1); // "[\n" and the next level's indent
  const close = 2 + indent.length; // the chunk's own "\n<indent>]"; the wrappers' closings follow it
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    let wrapped: unknown = chunk;
    for (let d = 0; d < depth; d++) wrapped = [wrapped];
    const s = JSON.stringify(wrapped, null, 2);
    yield s.slice(open + 1, s.length - closing(depth) - close); // without the chunk's "[" and "\n<indent>]"
  }
}

function* arrayChunks<T>(list: readonly T[]): Generator<T[]> {
  for (let i = 0; i < list.length; i += CHUNK) yield list.slice(i, i + CHUNK);
}

/** The length of the wrappers' closing text: "\n<indent>]" for each level. */
function closing(depth: number): number {
  let n = 0;
  for (let d = 0; d < depth; d++) n += 2 + 2 * d;
  return n;
}

/** Pieces joined into writes of about `size` characters; `escapeText` applied to each write but Safe pieces, which go as they are. */
export function* batched(pieces: Iterable<string | Safe>, size = 1 << 16, escapeText = (s: string) => s): Generator<string> {
  let buf: string[] = [];
  let n = 0;
  for (const p of pieces) {
    if (p instanceof Safe) {
      if (buf.length) yield escapeText(buf.join(''));
      yield p.text;
      buf = [];
      n = 0;
      continue;
    }
    buf.push(p);
    n += p.length;
    if (n >= size) {
      yield escapeText(buf.join(''));
      buf = [];
      n = 0;
    }
  }
  if (buf.length) yield escapeText(buf.join(''));
}

/** Characters JSON.stringify leaves as they are that could still rewrite a terminal or reverse text. */
const UNSAFE = /[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escaped = (s: string) => s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The whole text, in writes of about 64 KB, ending with a newline. */
export function* jsonText(value: unknown): Generator<string> {
  yield* batched(jsonPieces(value), 1 << 16, escaped);
  yield '\n';
}
