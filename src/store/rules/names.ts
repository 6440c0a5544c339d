// The names a workbook writes beside codes (组织名称, 姓名), checked against
// the org or member each code names, as the import leaves them. A name that
// is another's — 王芳 beside 陈静's code — is an error: the record would be
// credited to the wrong person. A name that is no one's is a warning (a typo,
// or a name not yet corrected).
import type { DB } from '../db.js';
import { sourceOf } from '../../core/model.js';
import { batchOf, keptOf } from '../views.js';
import type { Check, RuleContext } from './rule.js';
import { OPEN } from '../member-runs.js';

interface Mismatch {
  file: string;
  sheet: string;
  key: string;
  kind: string;
  line: number;
  code: string;
  name: string;
  stored: string;
  /** The code of another org or member of that name, or null. */
  other: string | null;
}

/** Each written name that is not the name of the org or member its code names. */
function mismatches(db: DB, { names: columns }: RuleContext): Mismatch[] {
  if (columns.length === 0) return [];
  db.exec('CREATE TEMP TABLE IF NOT EXISTS names (file, sheet, key, kind, line, code, name); DELETE FROM temp.names;');
  // A column's rows go in as one JSON parameter: a county's points sheet has 75,000 of them.
  const add = db.prepare(`INSERT INTO temp.names SELECT @file, @sheet, @key, @kind, value ->> 0, value ->> 1, value ->> 2 FROM json_each(@rows)`);
  for (const c of columns) add.run({ ...c, rows: JSON.stringify(c.rows) });
  // Joined, not looked up row by row: the staged record, else the stored one no staged record replaces.
  // A member's name as the import leaves it: its last run's (the batch's members', then the others').
  const members = [
    `(SELECT id, name FROM temp.eff_runs WHERE until = '${OPEN}')`,
    `(SELECT id, name FROM main.members m WHERE until = '${OPEN}' AND NOT EXISTS (SELECT 1 FROM temp.eff_runs e WHERE e.id = m.id))`,
  ];
  const arms = (['orgs', 'members'] as const).flatMap((s) => {
    const [kind, code] = s === 'orgs' ? ['org', 'code'] : ['member', 'id'];
    const [staged, kept] = s === 'orgs' ? [batchOf(s), keptOf(s)] : members;
    // Only for the few rows that differ: whose name it is (a scan of the names, staged then stored).
    const whose = (t: string) => `(SELECT y.${code} FROM ${t} y WHERE y.name = n.name AND y.${code} <> n.code LIMIT 1)`;
    const pick = `SELECT n.*, x.name AS stored, COALESCE(${whose(staged)}, ${whose(kept)}) AS other FROM temp.names n JOIN`;
    const on = `x.${code} = n.code AND n.kind = '${kind}' AND x.name <> n.name`;
    return [`${pick} ${staged} x ON ${on}`, `${pick} ${kept} x ON ${on}`];
  });
  const rows = db.prepare(`${arms.join(' UNION ALL ')} ORDER BY file, sheet, line`).all() as Mismatch[];
  db.exec('DELETE FROM temp.names');
  return rows;
}

/** The mismatches of one severity: errors where the name is another's, warnings where it is no one's. */
export function nameChecks(db: DB, ctx: RuleContext, severity: 'error' | 'warning'): Check[] {
  return mismatches(db, ctx)
    .filter((r) => (r.other !== null) === (severity === 'error'))
    .map((r) => ({
      severity,
      src: sourceOf(r.file, r.line, r.sheet),
      field: r.key,
      code: severity === 'error' ? 'name_other' : 'name_mismatch',
      msg:
        severity === 'error'
          ? { id: 'name_other', params: { what: r.kind, code: r.code, name: r.name, stored: r.stored, other: r.other! } }
          : { id: 'name_mismatch', params: { what: r.kind, code: r.code, name: r.name, stored: r.stored } },
    }));
}
