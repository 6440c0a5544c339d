// A section's records as rows of its table: its columns (each with its
// field, its header, how a file gives it and how it is stored), and the row
// a record is written as and the record read back from a row, each made from
// that list once, as code (core/sections.ts declares the lists).

/** A row as read: the `read` columns' values in that order. */
export type Row = unknown[];

/** What a read needs: the FROM clause, the columns and how a row becomes a record. */
export interface Readable<R> {
  name: string;
  /** The columns a record is read back from: only what it needs, the source last. */
  read: string[];
  fromRow(row: Row): R;
}

/** The SELECT that reads `t`'s records, `rest` being its WHERE and ORDER BY. */
export const selectOf = (t: Readable<unknown>, rest: string) => `SELECT ${t.read.join(', ')} FROM ${t.name} ${rest}`;

/** One column of a section's table, and what it is in the record, the file and the sheet. */
export interface ColumnDef<R = unknown> {
  column: string;
  /** The record's field ('masses.basic' for a part of a group), as a file writes it. */
  field?: string;
  /** Its header on the section's sheet; none: not on the sheet. */
  label?: string;
  /** Other headers a sheet may give it (a lead's short name: 学习提高 for 带头学习提高). */
  aliases?: string[];
  /** Stored as 0/1 (a boolean) or as JSON text (a list). */
  kind?: 'bool' | 'json';
  /** An enumeration of schemas/common.schema.json: a file may write its slug or its Chinese label. */
  enum?: string;
  /** What the record holds when a file leaves the field (or a group's part) out; absent: the field is required. */
  absent?: null | 0 | string;
  /** The code of another record it names: an org's, a member's, either (a pledge's owner), or a pledge's id. */
  ref?: 'orgs' | 'members' | 'owner' | 'pledges';
  /** Its reference is checked by a rule of its own with more to say (an org's parent: the tree), not the plain one. */
  ownRule?: true;
  /** The column a list of changes names the record by (an org's name, a pledge's content). */
  caption?: true;
  /** The record's own code or id (a reference is marked by `ref`): merge --prefix writes its prefix before both. */
  code?: true;
  /** A field the record holds but no file writes (a report's key, made from its id or org, date and title). */
  computed?: true;
  /** Not in the record: filled from it as the row is written, never read back. */
  derive?: (r: R) => unknown;
  /** How a file gives the field when it is not written as it is stored (a quarter from a date, a list's slugs). */
  fromFile?: (r: FileRecord, ctx: FileContext) => unknown;
}

/** A record as a file writes it, schema-valid. */
export type FileRecord = Record<string, unknown>;

/** What reading a record from a file knows besides the record: its document's quarter, and each enumeration's slugs. */
export interface FileContext {
  period: string | null;
  slug: (domain: string, value: string) => string;
}

export const SRC_COLS = ['src_file', 'src_line', 'src_sheet'];

/** Most points records have no deduction: skip the parse for those. */
const fromJson = (text: string) => (text === '[]' ? [] : JSON.parse(text));

/** A record's field from its stored cell (or cells, for a group: null when its first column is), as JavaScript over the row `r`. */
function fieldCode<R>(read: ColumnDef<R>[], i: number): { code: string; width: number } {
  const [name, sub] = read[i].field!.split('.');
  const key = JSON.stringify(name);
  if (sub === undefined) {
    const kind = read[i].kind;
    return { code: `${key}: ${kind === 'bool' ? `r[${i}] === 1` : kind === 'json' ? `json(r[${i}])` : `r[${i}]`}`, width: 1 };
  }
  const parts: string[] = [];
  for (let j = i; j < read.length && read[j].field!.startsWith(`${name}.`); j++) parts.push(`${JSON.stringify(read[j].field!.split('.')[1])}: r[${j}]`);
  return { code: `${key}: r[${i}] === null ? null : { ${parts.join(', ')} }`, width: parts.length };
}

/**
 * A row's record, as one object literal made for the section's columns: a
 * city's analyses make millions of records, and a literal makes each with its
 * fields in place at half the time of adding them one by one (and a third at
 * a run's first rows). The code is made from the declarations alone, never
 * from data; the source comes last, its sheet only when it has one.
 */
function recordMaker<R>(read: ColumnDef<R>[]): (r: Row) => R {
  const fields: string[] = [];
  for (let i = 0; i < read.length; ) {
    const { code, width } = fieldCode(read, i);
    fields.push(code);
    i += width;
  }
  // The source is the row's last three cells: a joined row (store/joins.ts) has its member's columns before them.
  const [file, line, sheet] = [3, 2, 1].map((k) => `r[n - ${k}]`);
  const src = `${sheet} === null ? { file: ${file}, line: ${line} } : { file: ${file}, line: ${line}, sheet: ${sheet} }`;
  return new Function('json', `return (r) => { const n = r.length; return { ${fields.join(', ')}, src: ${src} }; };`)(fromJson);
}

/** How a column's stored value is had from a record `rec`, as JavaScript: derived (by `d[i]`), or its field (a group's part) as a cell holds it. */
function cellCode<R>(x: ColumnDef<R>, i: number): string {
  if (x.derive) return `d[${i}](rec)`;
  const [name, sub] = x.field!.split('.').map((k) => JSON.stringify(k));
  if (sub !== undefined) return `rec[${name}]?.[${sub}] ?? null`;
  if (x.kind === 'bool') return `rec[${name}] ? 1 : 0`;
  if (x.kind === 'json') return `JSON.stringify(rec[${name}])`;
  return `rec[${name}]`;
}

/** A record's row pushed onto a list (a file's rows are one flat list a section), made once from the columns as recordMaker is. */
function rowPusher<R>(columns: ColumnDef<R>[]): (out: unknown[], rec: R) => void {
  const derived = columns.map((x) => x.derive);
  return new Function('d', `return (out, rec) => { out.push(${columns.map(cellCode).join(', ')}); };`)(derived);
}

/** How a section's records are stored: its columns, those read back, and a record as a row and back. */
export interface RowCodec<R> extends Pick<Readable<R>, 'read' | 'fromRow'> {
  /** Data columns in a fixed order (the source columns come after them). */
  cols: string[];
  /** Pushes the record's row (its data columns' values in that order) onto `out`. */
  pushRow(out: unknown[], r: R): void;
}

/** A row's reader and writer, from the column list: the record's fields in the list's order, its source last. */
export function compile<R>(columns: ColumnDef<R>[]): RowCodec<R> {
  const read = columns.filter((x) => x.derive === undefined);
  const fromRow = recordMaker(read);
  return { cols: columns.map((x) => x.column), read: [...read.map((x) => x.column), ...SRC_COLS], pushRow: rowPusher(columns), fromRow };
}
