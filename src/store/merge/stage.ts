// A merge's staging: each source attached on its own (SQLite attaches at most
// ten databases, and a city has more counties), its rows copied, codes
// prefixed and top orgs hung under --under, into the TEMP staging tables the
// import's write takes, each row tagged with its source's number; then
// detached. A row whose identity another source already staged is a collision.
import type { DB } from '../db.js';
import { asEnvError } from '../db.js';
import { SECTION_LIST, SRC_COLS, type ColumnDef, type SectionDef } from '../../core/sections.js';
import { createStagingTables } from '../batch/stage.js';
import type { MergeSource } from './sources.js';
import { sqlText } from './owned.js';
import type { Section } from '../../core/model.js';
import { RUNS } from '../tables.js';

/** A code or id that two sources (or a source and the target) both hold. */
export interface Collision {
  /** The record's kind (a word: org, member…). */
  what: string;
  code: string;
  /** The source that brought it. */
  source: number;
  /** The source that brought it first, or the stored row's file. */
  first: number | string;
}

/** Column `x` of a source's row (alias `x`) as the merged database keeps it. */
function mapped(t: SectionDef<unknown>, x: ColumnDef, s: MergeSource, under: string | null): string {
  const col = `x.${x.column}`;
  let v = col;
  if (s.prefix !== null) {
    const p = sqlText(`${s.prefix}.`);
    // A report's or typical's key is `id:ID`, or its org's code followed by its date and title; another computed column
    // (a problem's quarter, a member's) is no code.
    if (x.column === 'key') v = `CASE WHEN substr(${col}, 1, 3) = 'id:' THEN 'id:' || ${p} || substr(${col}, 4) ELSE ${p} || ${col} END`;
    else if (x.code || x.ref) v = `${p} || ${col}`;
  }
  if (t.section !== 'orgs' || x.column !== 'parent') return v;
  // A top org hangs under --under; merged again without it, it stays where it hangs.
  const code = s.prefix === null ? 'x.code' : `${sqlText(`${s.prefix}.`)} || x.code`;
  return `COALESCE(${v}, ${under === null ? `(SELECT o.parent FROM main.orgs o WHERE o.code = ${code})` : sqlText(under)})`;
}

/** The columns a source's rows are copied into, and what each is made of. */
function copyColumns(t: SectionDef<unknown>, s: MergeSource, under: string | null): [string[], string[]] {
  const cols = [...t.cols, ...SRC_COLS];
  const byName = new Map((t.columns as ColumnDef[]).map((x) => [x.column, x]));
  const from = cols.map((c) => {
    if (c === 'src_file') return `${sqlText(`${s.label}:`)} || x.src_file`;
    const x = byName.get(c);
    return x ? mapped(t, x, s, under) : `x.${c}`;
  });
  return [cols, from];
}

/** The TEMP staging tables, empty, with a column for each row's source. */
export function createMergeTables(db: DB): void {
  createStagingTables(db);
  for (const t of SECTION_LIST) db.exec(`ALTER TABLE temp.s_${t.name} ADD COLUMN merged_from INTEGER NOT NULL DEFAULT 0`);
  db.exec(`DROP TABLE IF EXISTS temp.${SOURCE_RUNS}; CREATE TEMP TABLE ${SOURCE_RUNS} AS SELECT * FROM main.${RUNS.name} WHERE false`);
}

/** The members' runs as the sources made them (mapped as their statements are): a member merged for the first time takes them as they are. */
export const SOURCE_RUNS = 's_runs';

/** Source `s`'s runs of its members, codes prefixed and files named as its statements are. */
function stageRuns(db: DB, s: MergeSource): void {
  const cols = RUNS.cols.filter((c) => c !== 'gen');
  const code = (c: string) => (s.prefix === null ? `x.${c}` : `${sqlText(`${s.prefix}.`)} || x.${c}`);
  const from = cols.map((c) => (c === 'id' || c === 'org' ? code(c) : c === 'src_file' ? `${sqlText(`${s.label}:`)} || x.src_file` : `x.${c}`));
  db.prepare(`INSERT INTO temp.${SOURCE_RUNS} (${cols.join(', ')}, gen) SELECT ${from.join(', ')}, 0 FROM src.${RUNS.name} x`).run();
}

/** Identities held twice: the first few, to name, and how many in all. */
export interface Collisions {
  named: Collision[];
  count: number;
}

/** Copies source `i`'s rows into the staging tables; returns how many per section, and the identities another source staged first. */
export function stageSource(db: DB, s: MergeSource, i: number, under: string | null): { copied: Record<Section, number>; collisions: Collisions } {
  const collisions: Collisions = { named: [], count: 0 };
  const copied = {} as Record<Section, number>;
  try {
    db.prepare('ATTACH ? AS src').run(s.path);
  } catch (e) {
    throw asEnvError(e, s.name);
  }
  try {
    for (const t of SECTION_LIST) {
      const [cols, from] = copyColumns(t, s, under);
      const n = db
        .prepare(
          `INSERT INTO temp.s_${t.name} (${cols.join(', ')}, merged_from) SELECT ${from.join(', ')}, ${i} FROM src.${t.name} x WHERE true ON CONFLICT DO NOTHING`,
        )
        .run().changes;
      copied[t.section] = n;
      const total = db.prepare(`SELECT COUNT(*) FROM src.${t.name}`).pluck().get() as number;
      if (n === total) continue;
      collisions.count += total - n;
      collisions.named.push(...stagedTwice(db, t, s, i, under));
    }
    stageRuns(db, s);
  } catch (e) {
    throw asEnvError(e, s.name);
  } finally {
    db.exec('DETACH src');
  }
  return { copied, collisions };
}

/** The rows of the attached source whose identity an earlier source staged (a few: enough to name). */
function stagedTwice(db: DB, t: SectionDef<unknown>, s: MergeSource, i: number, under: string | null): Collision[] {
  const [cols, from] = copyColumns(t, s, under);
  const keyOf = t.key.map((k) => from[cols.indexOf(k)]);
  const match = t.key.map((k, j) => `y.${k} = ${keyOf[j]}`).join(' AND ');
  const rows = db
    .prepare(`SELECT ${keyOf.join(" || ' ' || ")}, y.merged_from FROM src.${t.name} x JOIN temp.s_${t.name} y ON ${match} WHERE y.merged_from <> ${i} LIMIT 20`)
    .raw()
    .all() as [string, number][];
  return rows.map(([code, first]) => ({ what: t.what, code, source: i, first }));
}
