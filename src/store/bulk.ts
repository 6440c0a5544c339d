// Writing many rows at once, as a first import and a city's merge do: the
// indexes dropped and built once after the rows are in, and the pages written
// straight into the file rather than through the WAL (where each would be
// written twice). Each returns what puts the connection back.
import { untilFree, type DB } from './db.js';

/** The indexes made with the tables of `tables` (every table's when null) dropped; returns what builds them again. */
export function dropIndexes(db: DB, tables: readonly string[] | null): () => void {
  const on = tables === null ? '' : ` AND tbl_name IN (${tables.map((t) => `'${t}'`).join(', ')})`;
  const indexes = db.prepare(`SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL${on}`).raw().all() as [string, string][];
  for (const [name] of indexes) db.exec(`DROP INDEX main.${name}`);
  return () => {
    for (const [, sql] of indexes) db.exec(sql);
  };
}

/** The journal out of WAL mode, outside any transaction; returns what puts the journal mode back. */
export function journalOffWal(db: DB): () => void {
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  // Changing the journal mode does not wait for another connection, as statements do: wait for it here.
  untilFree(() => db.pragma('journal_mode = DELETE'));
  return () => untilFree(() => db.pragma(`journal_mode = ${journal}`));
}
