// The errors across records, each one entry, in the order a reader meets
// them: duplicates, the org tree, then each section's references. Records of
// other files are judged as the database will be after the import: a staged
// record stands in for the stored one with its identity.
import type { DB } from '../db.js';
import { keyText, SECTION_DEFS, SECTION_LIST } from '../../core/sections.js';
import { GOODS, LEADS, sourceOf, sourceText } from '../../core/model.js';
import { OrgTree } from '../../core/tree.js';
import { anySkipped, batchOf, effectiveOf, exists, keptOf, lookup, SKIPPED, storedOf } from '../views.js';
import { srcOf, type Check, type CrossRule, type Rec, type RuleContext, type SqlRule } from './rule.js';
import { nameChecks } from './names.js';
import { groupBy } from '../../core/collections.js';

const SRC = 'src_file, src_line, src_sheet';
const typeOf = (expr: string) => lookup('orgs', 'type', 'code', expr);
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** Second records of one identity in the batch, including those met in the rows of files skipped as unchanged. */
function duplicates(db: DB, ctx: RuleContext): Check[] {
  const dups = [...ctx.duplicates];
  for (const t of anySkipped(db) ? SECTION_LIST : []) {
    const on = t.key.map((k) => `m.${k} = x.${k}`).join(' AND ');
    const sql = `SELECT ${t.key.map((k) => `x.${k} AS k_${k}`).join(', ')}, x.src_file, x.src_line, x.src_sheet, m.src_file AS f_file, m.src_line AS f_line, m.src_sheet AS f_sheet
      FROM ${batchOf(t.section)} x JOIN ${storedOf(t.section)} m ON ${on} WHERE m.src_file IN ${SKIPPED}`;
    for (const r of db.prepare(sql).all() as Rec[])
      dups.push({ section: t.section, key: t.key.map((k) => r[`k_${k}`]), src: srcOf(r), first: sourceOf(r.f_file, r.f_line, r.f_sheet) });
  }
  const sections = Object.keys(SECTION_DEFS);
  dups.sort((a, b) => sections.indexOf(a.section) - sections.indexOf(b.section) || ctx.order(a.src, b.src));
  // Two files of one batch with records in common (an original and its correction): one error naming both, not one per record.
  const pairs = groupBy(dups, (d) => (d.src.file === d.first.file ? '' : `${d.section}\u0000${d.src.file}\u0000${d.first.file}`));
  return dups.flatMap((d): Check[] => {
    const t = SECTION_DEFS[d.section];
    const key = keyText(d.key);
    const pair = pairs.get(`${d.section}\u0000${d.src.file}\u0000${d.first.file}`);
    if (d.src.file === d.first.file || pair === undefined || pair.length < 2) {
      const params = { what: t.what, key, first: sourceText(d.first) };
      return [{ severity: 'error', src: d.src, field: t.keyField, code: 'duplicate_id', msg: { id: 'duplicate_id', params } }];
    }
    if (pair[0] !== d) return [];
    const params = { what: t.what, n: pair.length, key, first: d.first.file };
    return [{ severity: 'error', src: d.src, field: t.keyField, code: 'duplicate_id', msg: { id: 'duplicate_file', params } }];
  });
}

/** Each cycle through a staged org, named once: A → B → A. */
function cycles(db: DB, ctx: RuleContext): Check[] {
  const staged = (db.prepare(`SELECT code, ${SRC} FROM ${batchOf('orgs')}`).all() as Rec[]).sort((a, b) => ctx.order(srcOf(a), srcOf(b)));
  if (staged.length === 0) return [];
  type Org = { code: string; parent: string | null; type: 'committee' | 'branch' };
  const tree = new OrgTree(db.prepare(`SELECT code, parent, type FROM ${effectiveOf('orgs')}`).all() as Org[]);
  const out: Check[] = [];
  const reported = new Set<string>();
  for (const o of staged) {
    const { chain, cycle } = tree.ancestors(o.code as string);
    if (!cycle || chain[chain.length - 1] !== o.code || chain.some((c) => reported.has(c))) continue;
    chain.forEach((c) => reported.add(c));
    out.push({ severity: 'error', src: srcOf(o), field: 'parent', code: 'cycle', msg: { id: 'cycle', params: { chain: chain.join(' → ') } } });
  }
  return out;
}

const error = (rule: Omit<SqlRule, 'severity'>): SqlRule => ({ severity: 'error', ...rule });

/** The tree: parents exist and are committees; a branch has no child orgs, a committee no members. */
const TREE: CrossRule[] = [
  error({
    code: 'unknown_ref',
    group: 'tree',
    field: 'parent',
    sql: `SELECT o.parent, ${SRC} FROM ${batchOf('orgs')} o WHERE o.parent IS NOT NULL AND NOT ${exists('orgs', 'code', 'o.parent')}`,
    msg: (r) => ({ id: 'unknown_ref', params: { what: 'parent', key: r.parent as string } }),
  }),
  error({
    code: 'tree',
    group: 'tree',
    field: 'parent',
    sql: `SELECT o.parent, ${SRC} FROM ${batchOf('orgs')} o WHERE ${typeOf('o.parent')} = 'branch'`,
    msg: (r) => ({ id: 'parent_not_committee', params: { parent: r.parent as string } }),
  }),
  error({
    code: 'tree',
    group: 'tree',
    field: 'type',
    sql: `SELECT * FROM (SELECT o.code, (SELECT MIN(c.code) FROM ${keptOf('orgs')} c WHERE c.parent = o.code) AS child, ${SRC}
      FROM ${batchOf('orgs')} o WHERE o.type = 'branch') WHERE child IS NOT NULL`,
    msg: (r) => ({ id: 'has_children', params: { code: r.code as string, child: r.child as string } }),
  }),
  error({
    code: 'tree',
    group: 'tree',
    field: 'type',
    sql: `SELECT * FROM (SELECT o.code, (SELECT MIN(m.id) FROM ${keptOf('members')} m WHERE m.org = o.code) AS member, ${SRC}
      FROM ${batchOf('orgs')} o WHERE o.type <> 'branch') WHERE member IS NOT NULL`,
    msg: (r) => ({ id: 'org_has_members', params: { code: r.code as string, member: r.member as string } }),
  }),
  { code: 'cycle', severity: 'error', group: 'cycles', find: cycles },
];

// Members by their org: the orgs a batch names are few, its members many.
const memberOrgs = `(SELECT DISTINCT org FROM ${batchOf('members')})`;

/** A member's branch exists and is a branch; no member has an org's code. */
const MEMBERS: CrossRule[] = [
  error({
    code: 'unknown_ref',
    group: 'members',
    field: 'org',
    sql: `SELECT m.org, ${SRC} FROM ${batchOf('members')} m WHERE m.org IN (SELECT org FROM ${memberOrgs} WHERE NOT ${exists('orgs', 'code', 'org')})`,
    msg: (r) => ({ id: 'unknown_ref', params: { what: 'org', key: r.org as string } }),
  }),
  error({
    code: 'tree',
    group: 'members',
    field: 'org',
    sql: `SELECT m.org, ${SRC} FROM ${batchOf('members')} m WHERE m.org IN (SELECT org FROM ${memberOrgs} WHERE ${typeOf('org')} <> 'branch')`,
    msg: (r) => ({ id: 'member_not_in_branch', params: { org: r.org as string } }),
  }),
  error({
    code: 'duplicate_id',
    group: 'members',
    field: 'id',
    // Driven by the orgs, which are few.
    sql: `SELECT m.id, ${SRC} FROM (SELECT code FROM ${batchOf('orgs')} UNION SELECT code FROM ${storedOf('orgs')}) o JOIN ${batchOf('members')} m ON m.id = o.code`,
    msg: (r) => ({ id: 'id_collides', params: { id: r.id as string } }),
  }),
];

const isMember = exists('members', 'id', 'p.owner');

/**
 * A pledge's owner is an org or a member, and its standard is one for that
 * owner. The batch's pledges name their org owners already (`owner_org`, set
 * before the checks where an org of that code is staged or stored:
 * settleOwners), so only an owner named as a member's is looked up, and for
 * the standard only where it is no member's.
 */
const PLEDGES: CrossRule[] = [
  error({
    code: 'unknown_ref',
    group: 'pledges',
    field: 'owner',
    sql: `SELECT p.owner, ${SRC} FROM ${batchOf('pledges')} p WHERE p.owner_org IS NULL AND NOT ${isMember}`,
    msg: (r) => ({ id: 'unknown_ref', params: { what: 'owner', key: r.owner as string } }),
  }),
  error({
    code: 'standard',
    group: 'pledges',
    field: 'standard',
    sql: `SELECT p.standard, CASE WHEN p.owner_org IS NOT NULL THEN 'org' ELSE 'member' END AS kind, ${SRC} FROM ${batchOf('pledges')} p
      WHERE (p.owner_org IS NOT NULL AND p.standard NOT IN (${list(GOODS)})) OR (p.owner_org IS NULL AND p.standard NOT IN (${list(LEADS)}) AND ${isMember})`,
    msg: (r) => ({
      id: 'standard_mismatch',
      params: { owner: r.kind as string, allowed: (r.kind === 'org' ? GOODS : LEADS).join(', '), value: r.standard as string },
    }),
  }),
];

/**
 * The references the column lists declare, but those above with more to say
 * (`ownRule`: an org's parent, a member's branch) and a pledge's owner.
 */
function plainRefs(): CrossRule[] {
  return SECTION_LIST.flatMap((t) =>
    t.columns.flatMap((x) => {
      if (x.ref === undefined || x.ref === 'owner' || x.ownRule) return [];
      const [code, what] = x.ref === 'orgs' ? ['code', 'org'] : x.ref === 'members' ? ['id', 'member'] : ['id', 'pledge'];
      return [
        error({
          code: 'unknown_ref',
          group: `${t.section}.${x.column}`,
          field: x.column,
          sql: `SELECT x.${x.column} AS ref, ${SRC} FROM ${batchOf(t.section)} x WHERE x.${x.column} IS NOT NULL AND NOT ${exists(x.ref!, code, `x.${x.column}`)}`,
          msg: (r) => ({ id: 'unknown_ref', params: { what, key: r.ref as string } }),
        }),
      ];
    }),
  );
}

export const ERROR_RULES: CrossRule[] = [
  { code: 'duplicate_id', severity: 'error', group: 'duplicates', find: duplicates },
  { code: 'name_other', severity: 'error', group: 'names', find: (db, ctx) => nameChecks(db, ctx, 'error') },
  ...TREE,
  ...MEMBERS,
  ...PLEDGES,
  ...plainRefs(),
];
