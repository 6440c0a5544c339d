// The pipeline's check step: every rule that spans records, once each, as
// queries over the staged rows plus the stored ones. Each returns findings:
// the record's source, the field to place the message at, and the message.
// Records of other files are judged as the database will be after the import:
// a staged record stands in for the stored one with its identity.
import type { DB } from './db.js';
import { stagedTable, type Duplicate, type Staging } from './stage.js';
import { SECTION_DEFS, SECTION_LIST, shownKey } from '../core/sections.js';
import { GOODS, LEADS, sourceOf, sourceText, type Section, type Source } from '../core/model.js';
import type { Msg } from '../core/messages/index.js';
import { OrgTree } from '../core/tree.js';
import { suggest, type Candidate } from './suggest.js';

export interface Check {
  severity: 'error' | 'warning';
  src: Source;
  /** The field the message is placed at; null for the record as a whole. */
  field: string | null;
  code: string;
  msg: Msg;
}

/** The SQL that speaks of staged plus stored rows. */
class Scope {
  constructor(private readonly st: Staging) {}

  staged(s: Section): string {
    return stagedTable(this.st, s);
  }

  private stored(s: Section): string | null {
    return this.st.direct ? null : `main.${SECTION_DEFS[s].name}`;
  }

  /** The tables holding `s`'s rows: staged, and stored unless staging straight into them. */
  tables(s: Section): string[] {
    return [this.staged(s), this.stored(s)].filter((t) => t !== null);
  }

  /** A record of `s` with `col` = `expr`, staged or stored. */
  exists(s: Section, col: string, expr: string): string {
    const arms = [this.staged(s), this.stored(s)].filter((t) => t !== null).map((t) => `EXISTS (SELECT 1 FROM ${t} WHERE ${col} = ${expr})`);
    return `(${arms.join(' OR ')})`;
  }

  /** Column `want` of the record of `s` with `col` = `expr`: the staged one, else the stored one. */
  value(s: Section, want: string, col: string, expr: string): string {
    const arms = [this.staged(s), this.stored(s)].filter((t) => t !== null).map((t) => `(SELECT ${want} FROM ${t} WHERE ${col} = ${expr})`);
    return arms.length === 1 ? arms[0] : `COALESCE(${arms.join(', ')})`;
  }

  /** Stored records of `s` that no staged record replaces (none when staging straight into the tables). */
  storedOnly(s: Section, alias: string): string {
    const t = this.stored(s);
    if (t === null) return `(SELECT * FROM ${this.staged(s)} WHERE 0) ${alias}`;
    const key = SECTION_DEFS[s].key;
    return `(SELECT * FROM ${t} x WHERE NOT EXISTS (SELECT 1 FROM ${this.staged(s)} y WHERE ${key.map((k) => `y.${k} = x.${k}`).join(' AND ')})) ${alias}`;
  }
}

type Rec = Record<string, unknown>;
const srcOf = (r: Rec): Source => sourceOf(r.src_file, r.src_line, r.src_sheet);

/**
 * Every error of records across files, in the order a reader meets them:
 * duplicates, the org tree, then each section's references. `order` sorts
 * sources as the batch lists its files.
 */
export function crossErrors(db: DB, st: Staging, duplicates: Duplicate[], skipped: boolean, order: (a: Source, b: Source) => number): Check[] {
  const sc = new Scope(st);
  const out: Check[] = [];
  const all = (sql: string, ...params: unknown[]) => (db.prepare(sql).all(...params) as Rec[]).sort((a, b) => order(srcOf(a), srcOf(b)));
  const error = (src: Source, field: string | null, code: string, msg: Msg) => out.push({ severity: 'error', src, field, code, msg });

  // Duplicate identities inside the batch, including the rows of files skipped as unchanged.
  const dups = [...duplicates];
  if (skipped && !st.direct) {
    for (const s of Object.keys(SECTION_DEFS) as Section[]) {
      const t = SECTION_DEFS[s];
      const on = t.key.map((k) => `m.${k} = x.${k}`).join(' AND ');
      for (const r of all(`SELECT ${t.key.map((k) => `x.${k} AS k_${k}`).join(', ')}, x.src_file, x.src_line, x.src_sheet, m.src_file AS f_file, m.src_line AS f_line, m.src_sheet AS f_sheet
          FROM ${sc.staged(s)} x JOIN main.${t.name} m ON ${on} WHERE m.src_file IN (SELECT file FROM temp.skipped)`)) {
        dups.push({ section: s, key: t.key.map((k) => r[`k_${k}`]), src: srcOf(r), first: sourceOf(r.f_file, r.f_line, r.f_sheet) });
      }
    }
  }
  const sectionOrder = Object.keys(SECTION_DEFS);
  dups.sort((a, b) => sectionOrder.indexOf(a.section) - sectionOrder.indexOf(b.section) || order(a.src, b.src));
  for (const d of dups) {
    const t = SECTION_DEFS[d.section];
    error(d.src, t.keyField, 'duplicate_id', { id: 'duplicate_id', params: { what: t.what, key: shownKey(d.key.join(' ')), first: sourceText(d.first) } });
  }

  // The org tree: parents exist and are committees; a branch has no child orgs, a committee no members.
  const orgs = sc.staged('orgs');
  for (const o of all(`SELECT * FROM (SELECT o.code, o.type, o.parent, o.src_file, o.src_line, o.src_sheet,
      CASE WHEN o.parent IS NULL THEN NULL WHEN ${sc.exists('orgs', 'code', 'o.parent')} THEN ${sc.value('orgs', 'type', 'code', 'o.parent')} ELSE '' END AS parent_type,
      CASE WHEN o.type = 'branch'
        THEN (SELECT MIN(c.code) FROM ${sc.storedOnly('orgs', 'c')} WHERE c.parent = o.code)
        ELSE (SELECT MIN(m.id) FROM ${sc.storedOnly('members', 'm')} WHERE m.org = o.code) END AS below
      FROM ${orgs} o) WHERE parent_type IN ('', 'branch') OR below IS NOT NULL`)) {
    const src = srcOf(o);
    if (o.parent_type === '') error(src, 'parent', 'unknown_ref', { id: 'unknown_ref', params: { what: 'parent', key: o.parent as string } });
    else if (o.parent_type === 'branch') error(src, 'parent', 'tree', { id: 'parent_not_committee', params: { parent: o.parent as string } });
    if (o.below !== null && o.type === 'branch')
      error(src, 'type', 'tree', { id: 'has_children', params: { code: o.code as string, child: o.below as string } });
    else if (o.below !== null) error(src, 'type', 'tree', { id: 'org_has_members', params: { code: o.code as string, member: o.below as string } });
  }
  for (const c of cycles(db, sc, all(`SELECT code, src_file, src_line, src_sheet FROM ${orgs}`)))
    error(c.src, 'parent', 'cycle', { id: 'cycle', params: { chain: c.chain } });

  // References, section by section.
  // Members by their org: the orgs a batch names are few, its members many.
  const badOrgs = `SELECT org FROM (SELECT DISTINCT org FROM ${sc.staged('members')}) WHERE ${sc.value('orgs', 'type', 'code', 'org')} IS NOT 'branch'`;
  const members = sc.staged('members');
  const collides = [sc.staged('orgs'), ...(st.direct ? [] : ['main.orgs'])]
    .map((t) => `SELECT m.id FROM ${members} m JOIN ${t} o ON o.code = m.id`)
    .join(' UNION ');
  for (const m of all(`SELECT m.id, m.org, m.src_file, m.src_line, m.src_sheet, ${sc.value('orgs', 'type', 'code', 'm.org')} AS org_type, m.id IN (${collides}) AS collides
      FROM ${members} m WHERE m.org IN (${badOrgs}) OR m.id IN (${collides})`)) {
    if (m.org_type === null) error(srcOf(m), 'org', 'unknown_ref', { id: 'unknown_ref', params: { what: 'org', key: m.org as string } });
    else if (m.org_type !== 'branch') error(srcOf(m), 'org', 'tree', { id: 'member_not_in_branch', params: { org: m.org as string } });
    if (m.collides) error(srcOf(m), 'id', 'duplicate_id', { id: 'id_collides', params: { id: m.id as string } });
  }
  const goods = GOODS.map((g) => `'${g}'`).join(', ');
  const leads = LEADS.map((g) => `'${g}'`).join(', ');
  for (const p of all(`SELECT p.owner, p.standard, p.src_file, p.src_line, p.src_sheet,
      CASE WHEN ${sc.exists('orgs', 'code', 'p.owner')} THEN 'org' WHEN ${sc.exists('members', 'id', 'p.owner')} THEN 'member' END AS kind
      FROM ${sc.staged('pledges')} p
      WHERE NOT (${sc.exists('orgs', 'code', 'p.owner')} AND p.standard IN (${goods})) AND NOT (${sc.exists('members', 'id', 'p.owner')} AND p.standard IN (${leads}))`)) {
    if (p.kind === null) error(srcOf(p), 'owner', 'unknown_ref', { id: 'unknown_ref', params: { what: 'owner', key: p.owner as string } });
    else {
      const isOrg = p.kind === 'org';
      error(srcOf(p), 'standard', 'standard', {
        id: 'standard_mismatch',
        params: { owner: p.kind as string, allowed: (isOrg ? GOODS : LEADS).join(', '), value: p.standard as string },
      });
    }
  }
  for (const [s, col, target, tcol, what] of plainRefs()) {
    for (const r of all(
      `SELECT x.${col} AS ref, x.src_file, x.src_line, x.src_sheet FROM ${sc.staged(s)} x WHERE NOT ${sc.exists(target, tcol, `x.${col}`)}`,
    )) {
      error(srcOf(r), col, 'unknown_ref', { id: 'unknown_ref', params: { what, key: r.ref as string } });
    }
  }
  return withHints(db, sc, out);
}

/**
 * The references the column lists declare, but those checked above with
 * more to say: an org's parent (the tree), a member's branch, a pledge's owner
 * (an org or a member, with its standard).
 */
function plainRefs(): [Section, string, Section, string, string][] {
  const special = new Set<Section>(['orgs', 'members', 'pledges']);
  return SECTION_LIST.filter((t) => !special.has(t.section)).flatMap((t) =>
    t.columns
      .filter((x) => x.ref === 'orgs' || x.ref === 'members')
      .map((x): [Section, string, Section, string, string] => {
        const to = x.ref as 'orgs' | 'members';
        return [t.section, x.column, to, to === 'orgs' ? 'code' : 'id', to === 'orgs' ? 'org' : 'member'];
      }),
  );
}

/** Distinct unknown codes offered the closest existing ones: as many as a run shows errors. */
const HINTED = 100;

/** Each unknown reference with the existing codes it may have meant, among the staged and stored ones. */
function withHints(db: DB, sc: Scope, checks: Check[]): Check[] {
  const refs = checks.filter((c): c is Check & { msg: { id: 'unknown_ref' } } => c.msg.id === 'unknown_ref');
  const keys = (kinds: string[]) =>
    [...new Set(refs.filter((c) => kinds.includes(String(c.msg.params.what))).map((c) => String(c.msg.params.key)))].slice(0, HINTED);
  const orgs = sc.tables('orgs').map((table) => ({ table, code: 'code', name: 'name' }));
  const members = sc.tables('members').map((table) => ({ table, code: 'id', name: 'name' }));
  const hints = new Map<string, Candidate[]>([
    ...[...suggest(db, keys(['org', 'parent']), orgs)].map(([k, v]) => [`org ${k}`, v] as const),
    ...[...suggest(db, keys(['member']), members)].map(([k, v]) => [`member ${k}`, v] as const),
    ...[...suggest(db, keys(['owner']), [...orgs, ...members])].map(([k, v]) => [`owner ${k}`, v] as const),
  ]);
  for (const c of refs) {
    const p = c.msg.params;
    const kind = p.what === 'parent' ? 'org' : String(p.what);
    const found = hints.get(`${kind} ${p.key}`);
    if (found?.length) c.msg = { id: 'unknown_ref', params: { ...p, hint: found.map((x) => ({ id: 'candidate', params: { code: x.code, name: x.name } })) } };
  }
  return checks;
}

/** Each cycle through a staged org, named once: A → B → A. */
function cycles(db: DB, sc: Scope, staged: Rec[]): { src: Source; chain: string }[] {
  if (staged.length === 0) return [];
  // The tree as it will be: staged orgs, and the stored ones they do not replace.
  const tree = new OrgTree(
    db.prepare(`SELECT code, parent, type FROM ${sc.staged('orgs')} UNION ALL SELECT code, parent, type FROM ${sc.storedOnly('orgs', 'o')}`).all() as {
      code: string;
      parent: string | null;
      type: 'committee' | 'branch';
    }[],
  );
  const out: { src: Source; chain: string }[] = [];
  const reported = new Set<string>();
  for (const o of staged) {
    const { chain, cycle } = tree.ancestors(o.code as string);
    if (!cycle || chain[chain.length - 1] !== o.code || chain.some((c) => reported.has(c))) continue;
    chain.forEach((c) => reported.add(c));
    out.push({ src: srcOf(o), chain: chain.join(' → ') });
  }
  return out;
}
