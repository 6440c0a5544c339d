// `cxzy show`: finding one org or member by code, id or name, and reading
// everything stored about it, each record with its source.
import type { DB } from './db.js';
import { SECTION_DEFS, SECTION_LIST, selectOf, type Readable, type Row, type Section, type SectionDef } from '../core/sections.js';
import type { Member, Org, Pledge, Points, Problem, Report, Review, Typical } from '../core/model.js';
import { suggest, type Candidate } from './suggest.js';
import { inForce, OPEN } from './member-runs.js';

/** A member's runs read with where each ends. */
const RUNS_READ: Readable<Member & { until: string }> = {
  name: 'members',
  read: ['until', ...SECTION_DEFS.members.read],
  fromRow: (r) => ({ ...SECTION_DEFS.members.fromRow(r.slice(1)), until: r[0] as string }),
};

export interface Found {
  kind: 'org' | 'member';
  code: string;
  name: string;
  /** A member's org. */
  org: string | null;
}

/** What a text names: one org or member, several (by name), or nothing (with the closest codes and names). */
export type Lookup = { kind: 'one'; found: Found } | { kind: 'many'; found: Found[] } | { kind: 'none'; closest: Candidate[] };

/** Candidates listed for a name that matches many. */
export const MANY = 50;

export class Records {
  constructor(private readonly db: DB) {}

  private read<R>(t: Readable<R>, rest: string, ...params: unknown[]): R[] {
    return (
      this.db
        .prepare(selectOf(t, rest))
        .raw()
        .all(...params) as Row[]
    ).map((r) => t.fromRow(r));
  }

  find(text: string): Lookup {
    const org = this.db.prepare(`SELECT 'org' AS kind, code, name, NULL AS org FROM orgs WHERE code = ?`).get(text) as Found | undefined;
    if (org) return { kind: 'one', found: org };
    const member = this.db.prepare(`SELECT 'member' AS kind, id AS code, name, org FROM members WHERE id = ? AND until = '${OPEN}'`).get(text) as
      | Found
      | undefined;
    if (member) return { kind: 'one', found: member };
    // The name itself, else names containing it.
    for (const where of ['name = @text', `instr(name, @text) > 0`]) {
      const found = this.db
        .prepare(
          `SELECT * FROM (SELECT 'org' AS kind, code, name, NULL AS org FROM orgs WHERE ${where}
           UNION ALL SELECT 'member', id, name, org FROM members WHERE ${where} AND until = '${OPEN}') ORDER BY kind DESC, code LIMIT ${MANY + 1}`,
        )
        .all({ text }) as Found[];
      if (found.length === 1) return { kind: 'one', found: found[0] };
      if (found.length > 1) return { kind: 'many', found };
    }
    return { kind: 'none', closest: this.closest(text) };
  }

  /** Codes one typo from `text`, and names one character from it. */
  private closest(text: string): Candidate[] {
    const codes =
      suggest(
        this.db,
        [text],
        [
          { table: 'main.orgs', code: 'code', name: 'name' },
          { table: 'main.members', code: 'id', name: 'name' },
        ],
        5,
      ).get(text) ?? [];
    const chars = [...text];
    if (chars.length < 2) return codes;
    // A name with one character changed, dropped or added: GLOB patterns, the text's own wildcards escaped.
    const esc = chars.map((c) => (c === '*' || c === '?' || c === '[' ? `[${c}]` : c));
    const patterns = new Set<string>();
    for (let i = 0; i <= esc.length; i++) {
      if (i < esc.length) patterns.add([...esc.slice(0, i), '?', ...esc.slice(i + 1)].join(''));
      if (i < esc.length) patterns.add([...esc.slice(0, i), ...esc.slice(i + 1)].join(''));
      patterns.add([...esc.slice(0, i), '?', ...esc.slice(i)].join(''));
    }
    const glob = [...patterns].map((_, i) => `name GLOB @p${i}`).join(' OR ');
    const params = Object.fromEntries([...patterns].map((p, i) => [`p${i}`, p]));
    const names = this.db
      .prepare(
        `SELECT code, name FROM (SELECT code, name FROM orgs WHERE ${glob} UNION ALL SELECT id, name FROM members WHERE (${glob}) AND until = '${OPEN}')
         ORDER BY code LIMIT 5`,
      )
      .all(params) as Candidate[];
    const seen = new Set(codes.map((c) => c.code));
    return [...codes, ...names.filter((c) => !seen.has(c.code))];
  }

  orgs(): Org[] {
    return this.read(SECTION_DEFS.orgs, 'ORDER BY code');
  }

  /** A member's runs of quarters, each with the state it was in then (store/member-runs.ts), in order. */
  memberRuns(id: string): (Member & { until: string })[] {
    return this.read(RUNS_READ, 'WHERE id = ? ORDER BY since', id);
  }

  /** A member's records as files stated them, each from its quarter, in order. */
  statements(id: string): Member[] {
    return this.read(SECTION_DEFS.members, 'WHERE id = ? ORDER BY since', id);
  }

  /** Members of `org` at quarter `at` (now, when null): all, and the active ones. */
  memberCounts(org: string, at: string | null): { total: number; active: number } {
    const when = at === null ? `until = '${OPEN}'` : inForce('members', '@at');
    return this.db.prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(active), 0) AS active FROM members WHERE org = @org AND ${when}`).get({ org, at }) as {
      total: number;
      active: number;
    };
  }

  pledgesOf(owner: string): Pledge[] {
    return this.read(SECTION_DEFS.pledges, 'WHERE owner = ? ORDER BY made, id', owner);
  }

  reviewsOf(org: string): Review[] {
    return this.read(SECTION_DEFS.reviews, 'WHERE org = ? ORDER BY period', org);
  }

  pointsOf(member: string): Points[] {
    return this.read(SECTION_DEFS.points, 'WHERE member = ? ORDER BY period', member);
  }

  reportsOf(org: string): Report[] {
    return this.read(SECTION_DEFS.reports, 'WHERE org = ? ORDER BY date, key', org);
  }

  problemsOf(org: string): Problem[] {
    return this.read(SECTION_DEFS.problems, 'WHERE org = ? ORDER BY found, id', org);
  }

  /** The records of a section `show` lays out as a table that `key` owns, in export's order. */
  ownedRecords(def: SectionDef<unknown>, key: string): unknown[] {
    return this.read(def, `WHERE ${def.owner} = ? ORDER BY ${def.exportOrder}`, key);
  }

  typicalsOf(org: string): Typical[] {
    return this.read(SECTION_DEFS.typicals, 'WHERE org = ? ORDER BY date, key', org);
  }

  /** The latest import that wrote a record of the org (or member) `key`: its own, or one it owns, in any section. */
  lastImport(kind: 'org' | 'member', key: string): { number: number; at: string } | null {
    const gens = ownedBy(kind)
      .map(([table, cond]) => `SELECT MAX(gen) AS g FROM ${table} WHERE ${cond}`)
      .join(' UNION ALL ');
    return (
      (this.db.prepare(`SELECT n AS number, at FROM imports WHERE n = (SELECT MAX(g) FROM (${gens}))`).get({ key }) as
        | { number: number; at: string }
        | undefined) ?? null
    );
  }
}

/** Per section, its table and what names an org's (or member's) records there: its own code, or the column owning them. */
function ownedBy(kind: 'org' | 'member'): [table: string, condition: string][] {
  const self: Section = kind === 'org' ? 'orgs' : 'members';
  return [[SECTION_DEFS[self].name, `${SECTION_DEFS[self].key[0]} = @key`], ...ownerSections(kind).map((t): [string, string] => [t.name, `${t.owner} = @key`])];
}

/** The sections whose records an org (or a member) owns: their owner column names one. */
export function ownerSections(kind: 'org' | 'member'): SectionDef<unknown>[] {
  const refs = kind === 'org' ? ['orgs', 'owner'] : ['members', 'owner'];
  return SECTION_LIST.filter((t) => {
    const ref = t.columns.find((c) => c.column === t.owner)?.ref;
    return ref !== undefined && refs.includes(ref);
  }) as SectionDef<unknown>[];
}
