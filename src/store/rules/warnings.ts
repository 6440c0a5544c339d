// The warnings that span records, as queries over the batch (staged rows and
// the rows of files skipped as unchanged) and what is stored beside it.
import type { DB } from '../db.js';
import { anySkipped, batchOf, effectiveOf, keptOf, SKIPPED, STORED_RUNS, storedOf } from '../views.js';
import { sourceOf, sourceText, type Section, type Source } from '../../core/model.js';
import { SECTION_DEFS, type SectionDef } from '../../core/sections.js';
import { missingWhere } from '../replace.js';
import { srcOf, type Check, type CrossRule, type Rec, type RuleContext, type SqlRule } from './rule.js';
import { byText, groupBy } from '../../core/collections.js';
import { nameChecks } from './names.js';
import { inForce } from '../member-runs.js';

/**
 * Rows of section `s` as the database will hold them, with `b` = 1 for the
 * batch's own (staged, or of a file skipped as unchanged) and `ord` a stored
 * row's order. `replacing`: without the stored rows --replace removes.
 */
function effective(s: Section, cols: string, replacing: boolean): string {
  const t = SECTION_DEFS[s] as SectionDef<unknown>;
  const removed = replacing && t.period ? ` WHERE x.staged OR NOT (${missingWhere(t, 'x')})` : '';
  return `SELECT ${cols}, x.staged OR x.src_file IN ${SKIPPED} AS b, ord FROM ${effectiveOf(s)} x${removed}`;
}

/** Same org, month and title more than once, with at least one of them in the batch. */
function duplicateTitles(db: DB, { order, replacing }: RuleContext): Check[] {
  const rows = db
    .prepare(
      `WITH r AS (${effective('reports', 'org, month, title, src_file, src_line, src_sheet', replacing)})
       SELECT r.* FROM r JOIN (SELECT org, month, title FROM r GROUP BY org, month, title HAVING COUNT(*) > 1 AND MAX(b)) g
         ON g.org = r.org AND g.month = r.month AND g.title = r.title`,
    )
    .all() as Rec[];
  const groups = new Map<string, { batch: Source[]; others: { src: Source; ord: number }[] }>();
  for (const r of rows) {
    const k = `${r.org}\u0000${r.month}\u0000${r.title}`;
    const g = groups.get(k) ?? { batch: [], others: [] };
    groups.set(k, g);
    if (r.b) g.batch.push(srcOf(r));
    else g.others.push({ src: srcOf(r), ord: r.ord as number });
  }
  const sorted = [...groups]
    .map(([k, g]) => ({ k, batch: g.batch.sort(order), others: g.others.sort((a, b) => a.ord - b.ord).map((o) => o.src) }))
    .sort((a, b) => order(a.batch[0], b.batch[0]));
  const out: Check[] = [];
  for (const g of sorted) {
    const [org, month, title] = g.k.split('\u0000');
    const all = [...g.others, ...g.batch];
    for (let i = Math.max(1, g.others.length); i < all.length; i++) {
      const other = all[i === 0 ? 1 : 0];
      out.push({
        severity: 'warning',
        src: all[i],
        field: 'title',
        code: 'duplicate_title',
        msg: { id: 'duplicate_title', params: { org, month, title, other: sourceText(other) } },
      });
    }
  }
  return out;
}

/**
 * Active members without points in a quarter the batch gives points for:
 * the members then (SPEC §1 members, as the import leaves them) of the
 * branches the batch brings points or members for (temp.batch_subs, made
 * before the rules run), against the points as the import leaves them. The
 * batch's members first, then the stored ones.
 */
function membersWithoutPoints(db: DB, { order, replacing, first }: RuleContext): Check[] {
  const points = `(${effective('points', 'member, period', replacing)})`;
  // The batch's quarters of points: staged, or of files skipped as unchanged (which --replace never removes). Each part
  // read apart, the staged through the period's index where there is one: the view's flag made SQLite read every row.
  const skipped = anySkipped(db) ? ` UNION SELECT DISTINCT period FROM ${storedOf('points')} WHERE src_file IN ${SKIPPED}` : '';
  const periods = db
    .prepare(`SELECT DISTINCT period FROM ${batchOf('points')}${skipped} ORDER BY period`)
    .pluck()
    .all() as string[];
  const cols = 'id, name, org, active, src_file, src_line, src_sheet';
  // Points then as the import leaves them, looked up by key (through the view only under --replace, which removes some).
  const noPoints = replacing
    ? `NOT EXISTS (SELECT 1 FROM ${points} p WHERE p.member = m.id AND p.period = @period)`
    : `NOT EXISTS (SELECT 1 FROM ${batchOf('points')} p WHERE p.member = m.id AND p.period = @period)
       AND NOT EXISTS (SELECT 1 FROM ${storedOf('points')} p WHERE p.member = m.id AND p.period = @period)`;
  // A first import's members are all the batch's, and their branches all among those it brings.
  if (first) {
    const all = db.prepare(`SELECT ${cols}, 1 AS b FROM main.members m WHERE ${inForce('m', '@period')} AND active = 1 AND ${noPoints}`);
    return noPointsChecks(periods, (period) => all.all({ period }) as Rec[], order);
  }
  // The branches whose points the batch brings for the quarter: what each file submits (store/submissions.ts), or submitted.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS np_branches (org TEXT PRIMARY KEY) WITHOUT ROWID');
  const fill = db.prepare(`INSERT OR IGNORE INTO temp.np_branches SELECT org FROM temp.batch_subs WHERE section = 'points' AND span = @period
    UNION SELECT org FROM main.submissions WHERE section = 'points' AND span = @period AND file IN ${SKIPPED}
    UNION SELECT org FROM ${batchOf('members')} UNION SELECT org FROM ${storedOf('members')} WHERE src_file IN ${SKIPPED}`);
  const orgs = db.prepare('SELECT COUNT(*) FROM main.orgs').pluck().get() as number;
  return noPointsChecks(
    periods,
    (period) => {
      db.exec('DELETE FROM temp.np_branches');
      fill.run({ period });
      const n = db.prepare('SELECT COUNT(*) FROM temp.np_branches').pluck().get() as number;
      // A few branches' members by the index on org; most branches' (a county's files sent again) in one pass.
      const inBranch = n * 20 < orgs ? 'r.org IN temp.np_branches' : '+r.org IN temp.np_branches';
      return db
        .prepare(
          `WITH m AS (SELECT ${cols}, 1 AS b FROM temp.eff_runs r WHERE ${inForce('r', '@period')} AND r.org IN temp.np_branches
             UNION ALL SELECT ${cols}, 0 FROM main.members r WHERE ${inForce('r', '@period')} AND ${inBranch}
               AND NOT EXISTS (SELECT 1 FROM temp.eff_runs e WHERE e.id = r.id))
           SELECT ${cols}, b FROM m WHERE active = 1 AND ${noPoints}`,
        )
        .all({ period }) as Rec[];
    },
    order,
  );
}

/** One warning per member without points, quarter by quarter: the batch's in the batch's order, then the stored by id. */
function noPointsChecks(periods: string[], missing: (period: string) => Rec[], order: RuleContext['order']): Check[] {
  const out: Check[] = [];
  for (const period of periods) {
    const rows = missing(period);
    const batch = rows.filter((r) => r.b).sort((a, b) => order(srcOf(a), srcOf(b)));
    const stored = rows.filter((r) => !r.b).sort((a, b) => byText(a.id as string, b.id as string));
    for (const m of [...batch, ...stored]) {
      out.push({
        severity: 'warning',
        src: srcOf(m),
        field: null,
        code: 'no_points',
        msg: { id: 'no_points', params: { id: m.id as string, name: m.name as string, org: m.org as string, period } },
      });
    }
  }
  return out;
}

/**
 * An org with the same name and parent as another under a different code, or
 * a member with the same name and org as another: a mistyped code makes a
 * second branch (which then misses every quota) or a second member. Each of
 * the batch's new, renamed or moved records is named against the first stored
 * one of its name (else the batch's first).
 */
function nameTwins(db: DB, { order }: RuleContext): Check[] {
  const out: Check[] = [];
  for (const [s, code, under, what] of [
    ['orgs', 'code', 'parent', 'org'],
    ['members', 'id', 'org', 'member'],
  ] as const) {
    const staged = batchOf(s);
    // Driven by the batch's new rows, each looked up by its parent (or org) and name: a county's first import is 75,000 of them.
    const isNew = `NOT EXISTS (SELECT 1 FROM ${storedOf(s)} m WHERE m.${code} = x.${code} AND m.name = x.name AND m.${under} IS x.${under})`;
    const pick = `x.${code} AS code, x.name, x.${under} AS under, x.src_file, x.src_line, x.src_sheet, y.${code} AS other, y.src_file AS o_file, y.src_line AS o_line, y.src_sheet AS o_sheet`;
    const on = `y.${under} IS x.${under} AND y.name = x.name AND y.${code} <> x.${code}`;
    const pairs = db
      .prepare(
        `SELECT ${pick}, 1 AS o_batch, NULL AS o_ord FROM ${staged} x JOIN ${staged} y ON ${on} WHERE ${isNew}
         UNION ALL SELECT ${pick}, y.src_file IN ${SKIPPED} AS o_batch, y.ord AS o_ord FROM ${staged} x JOIN ${keptOf(s)} y ON ${on} WHERE ${isNew}`,
      )
      .all() as Rec[];
    for (const list of groupBy(pairs, (r) => r.code as string).values()) {
      const x = list[0];
      const others = list.map((r) => ({
        code: r.other as string,
        src: sourceOf(r.o_file, r.o_line, r.o_sheet),
        batch: r.o_batch === 1,
        ord: r.o_ord as number,
      }));
      // Named against the first stored record of the name, else the batch's first (which itself is not named).
      const stored = others.filter((o) => !o.batch).sort((a, b) => a.ord - b.ord)[0];
      const first = stored ?? others.filter((o) => o.batch).sort((a, b) => order(a.src, b.src))[0];
      if (!stored && order(srcOf(x), first.src) < 0) continue;
      const params = {
        what,
        key: x.code as string,
        name: x.name as string,
        other: first.code,
        under: (x.under as string | null) ?? '—',
        where: sourceText(first.src),
      };
      out.push({ severity: 'warning', src: srcOf(x), field: 'name', code: 'name_twin', msg: { id: 'name_twin', params } });
    }
  }
  return out.sort((a, b) => order(a.src, b.src));
}

const SRC = 'x.src_file, x.src_line, x.src_sheet';

/**
 * An org the batch hangs under another parent, a member it puts in another
 * branch: a branch's quarterly workbook that carries the 组织 or 党员 sheet
 * rewrites the county's tree without a word otherwise.
 */
const MOVES: SqlRule[] = [
  {
    code: 'org_moved',
    severity: 'warning',
    group: 'moves',
    field: 'parent',
    sql: `SELECT x.code, x.parent AS now, m.parent AS was, ${SRC} FROM ${batchOf('orgs')} x JOIN ${storedOf('orgs')} m ON m.code = x.code WHERE x.parent IS NOT m.parent`,
    msg: (r) => ({ id: 'org_moved', params: { code: r.code as string, was: (r.was as string | null) ?? '—', now: (r.now as string | null) ?? '—' } }),
  },
  {
    // A transfer: the branch a statement gives differs from the one in force then before the import (stored), or, for
    // a member not stored yet, from the batch's statement of the quarter before.
    code: 'member_moved',
    severity: 'warning',
    group: 'moves',
    field: 'org',
    // Two arms rather than a COALESCE per statement: a first import has no stored runs, and a statement from the start
    // no quarter before it, so a city's 750,000 statements are looked through without a lookup each.
    sql: `SELECT * FROM (SELECT x.id, x.name, x.since, x.org AS now, r.org AS was, ${SRC}
        FROM ${batchOf('members')} x JOIN ${STORED_RUNS} r ON r.id = x.id AND ${inForce('r', 'x.since')}
      UNION ALL SELECT x.id, x.name, x.since, x.org, (SELECT y.org FROM ${batchOf('members')} y WHERE y.id = x.id AND y.since < x.since
          ORDER BY y.since DESC LIMIT 1), ${SRC}
        FROM ${batchOf('members')} x WHERE x.since > '' AND NOT EXISTS (SELECT 1 FROM ${STORED_RUNS} r WHERE r.id = x.id AND ${inForce('r', 'x.since')}))
      WHERE was <> now`,
    msg: (r) => ({
      id: 'member_moved',
      params: { code: r.id as string, name: r.name as string, was: r.was as string, now: r.now as string, since: r.since as string },
    }),
  },
  {
    // An old roster: a statement of a quarter before one stored that places the member elsewhere. It changes only its
    // own quarters (SPEC §1 members); said with both branches, quarters and files.
    code: 'member_old_roster',
    severity: 'warning',
    group: 'moves',
    field: 'org',
    sql: `SELECT * FROM (SELECT x.id, x.name, x.since, x.org, ${SRC}, l.since AS l_since, l.org AS l_org, l.src_file AS l_file, l.src_line AS l_line, l.src_sheet AS l_sheet
      FROM ${batchOf('members')} x JOIN ${storedOf('members')} l ON l.id = x.id AND l.since = (
        SELECT MIN(z.since) FROM ${storedOf('members')} z WHERE z.id = x.id AND z.since > x.since
          AND NOT EXISTS (SELECT 1 FROM ${batchOf('members')} b WHERE b.id = z.id AND b.since = z.since))) WHERE l_org <> org`,
    msg: (r) => ({
      id: 'member_old_roster',
      params: {
        code: r.id as string,
        name: r.name as string,
        org: r.org as string,
        period: (r.since as string) || '—',
        later_org: r.l_org as string,
        later_period: r.l_since as string,
        later_file: sourceText(sourceOf(r.l_file, r.l_line, r.l_sheet)),
      },
    }),
  },
];

export const WARNING_RULES: CrossRule[] = [
  ...MOVES,
  { code: 'duplicate_title', severity: 'warning', group: 'titles', find: duplicateTitles },
  { code: 'no_points', severity: 'warning', group: 'points', find: membersWithoutPoints },
  { code: 'name_twin', severity: 'warning', group: 'twins', find: nameTwins },
  { code: 'name_mismatch', severity: 'warning', group: 'names', find: (db, ctx) => nameChecks(db, ctx, 'warning') },
];
