// Checks across the whole batch and the database: duplicate identities,
// references, the org tree, and the warnings that need more than one record.
import type { Diagnostic, Msg } from './diagnostic.js';
import type { Member, Org, Pledge, SectionRecords, Source } from '../model.js';
import { GOODS, LEADS } from '../model.js';
import { monthOf } from './dates.js';
import type { Rules } from '../rules/types.js';
import { vagueReasons } from '../rules/vague.js';

/** What the checks need to know of the stored data. */
export interface Stored {
  org(code: string): Pick<Org, 'code' | 'type' | 'parent' | 'src'> | undefined;
  member(id: string): Pick<Member, 'id' | 'org' | 'src'> | undefined;
  /** A stored child org or member of `code`, other than those in `except`. */
  childOrg(code: string, except: Set<string>): string | undefined;
  memberOf(code: string, except: Set<string>): string | undefined;
  /** Stored active members with no stored points in `period`. */
  membersWithoutPoints(period: string): Pick<Member, 'id' | 'name' | 'src'>[];
  /** Stored report keys with this org, month and title. */
  reportsTitled(org: string, month: string, title: string): { key: string; src: Source }[];
}

/** Locates a record's field for a diagnostic: the batch keeps the place of every record. */
export type RecordPlacer = (src: Source, field: string | null) => Omit<Diagnostic, 'severity' | 'code' | 'msg'>;

export function checkBatch(
  b: SectionRecords,
  stored: Stored,
  rules: Rules,
  at: RecordPlacer,
  diag: (d: Diagnostic) => void,
): void {
  const error = (src: Source, field: string | null, code: string, msg: Msg) => diag({ severity: 'error', ...at(src, field), code, msg });
  const warn = (src: Source, field: string | null, code: string, msg: Msg) => diag({ severity: 'warning', ...at(src, field), code, msg });

  // Duplicate identities inside the batch.
  const dup = <R extends { src: Source }>(list: R[], key: (r: R) => string, what: string, field: string) => {
    const first = new Map<string, R>();
    for (const r of list) {
      const k = key(r);
      const f = first.get(k);
      if (f) error(r.src, field, 'duplicate_id', { id: 'duplicate_id', params: { what, key: k, first: `${f.src.file}:${f.src.line}` } });
      else first.set(k, r);
    }
    return first;
  };
  const orgs = dup(b.orgs, (o) => o.code, 'org', 'code');
  const members = dup(b.members, (m) => m.id, 'member', 'id');
  dup(b.pledges, (p) => p.id, 'pledge', 'id');
  dup(b.reviews, (r) => `${r.org} ${r.period}`, 'review', 'org');
  dup(b.points, (p) => `${p.member} ${p.period}`, 'points_record', 'member');
  dup(b.reports, (r) => r.key.replace(/^id:/, ''), 'report', 'title');
  dup(b.typicals, (r) => r.key.replace(/^id:/, ''), 'typical', 'title');

  const orgOf = (code: string) => orgs.get(code) ?? stored.org(code);
  const memberOf = (id: string) => members.get(id) ?? stored.member(id);
  const unknown = (src: Source, field: string, what: string, key: string) =>
    error(src, field, 'unknown_ref', { id: 'unknown_ref', params: { what, key } });

  // The org tree: parents exist and are committees; no cycles; a type change keeps the tree sound.
  const batchOrgs = new Set(orgs.keys());
  const batchMembers = new Set(members.keys());
  for (const o of orgs.values()) {
    if (o.parent !== null) {
      const p = orgOf(o.parent);
      if (!p) unknown(o.src, 'parent', 'parent', o.parent);
      else if (p.type === 'branch') error(o.src, 'parent', 'tree', { id: 'parent_not_committee', params: { parent: o.parent } });
    }
    if (o.type === 'branch') {
      const child = stored.childOrg(o.code, batchOrgs);
      if (child) error(o.src, 'type', 'tree', { id: 'has_children', params: { code: o.code, child } });
    } else {
      const m = stored.memberOf(o.code, batchMembers);
      if (m) error(o.src, 'type', 'tree', { id: 'org_has_members', params: { code: o.code, member: m } });
    }
  }
  const reported = new Set<string>();
  for (const o of orgs.values()) {
    const chain = [o.code];
    let cur = o.parent;
    while (cur !== null && chain.length <= orgs.size + 1) {
      if (cur === o.code) {
        if (!chain.some((c) => reported.has(c))) {
          chain.forEach((c) => reported.add(c));
          error(o.src, 'parent', 'cycle', { id: 'cycle', params: { chain: [...chain, o.code].join(' → ') } });
        }
        break;
      }
      chain.push(cur);
      cur = orgOf(cur)?.parent ?? null;
    }
  }

  for (const m of members.values()) {
    const o = orgOf(m.org);
    if (!o) unknown(m.src, 'org', 'org', m.org);
    else if (o.type !== 'branch') error(m.src, 'org', 'tree', { id: 'member_not_in_branch', params: { org: m.org } });
    if (orgOf(m.id)) error(m.src, 'id', 'duplicate_id', { id: 'id_collides', params: { id: m.id } });
  }

  for (const p of b.pledges) checkPledgeOwner(p, orgOf, memberOf, error, unknown);
  for (const r of b.reviews) if (!orgOf(r.org)) unknown(r.src, 'org', 'org', r.org);
  for (const p of b.points) if (!memberOf(p.member)) unknown(p.src, 'member', 'member', p.member);
  for (const r of b.reports) if (!orgOf(r.org)) unknown(r.src, 'org', 'org', r.org);
  for (const r of b.typicals) if (!orgOf(r.org)) unknown(r.src, 'org', 'org', r.org);

  // Warnings.
  for (const p of b.pledges) {
    const reasons = vagueReasons(p.content, rules.pledges);
    if (reasons.length) warn(p.src, 'content', 'vague_pledge', { id: 'vague_pledge', params: { reasons } });
  }
  duplicateTitles(b, stored, warn);
  membersWithoutPoints(b, stored, warn);
}

function checkPledgeOwner(
  p: Pledge,
  orgOf: (c: string) => unknown,
  memberOf: (c: string) => unknown,
  error: (src: Source, field: string | null, code: string, msg: Msg) => void,
  unknown: (src: Source, field: string, what: string, key: string) => void,
): void {
  const isOrg = Boolean(orgOf(p.owner));
  if (!isOrg && !memberOf(p.owner)) return unknown(p.src, 'owner', 'owner', p.owner);
  const allowed: readonly string[] = isOrg ? GOODS : LEADS;
  if (!allowed.includes(p.standard)) {
    error(p.src, 'standard', 'standard', {
      id: 'standard_mismatch',
      params: { owner: isOrg ? 'org' : 'member', allowed: allowed.join(', '), value: p.standard },
    });
  }
}

function duplicateTitles(b: SectionRecords, stored: Stored, warn: (src: Source, field: string | null, code: string, msg: Msg) => void): void {
  const groups = new Map<string, Source[]>();
  for (const r of b.reports) {
    const k = `${r.org}\u0000${monthOf(r.date)}\u0000${r.title}`;
    const g = groups.get(k);
    if (g) g.push(r.src);
    else groups.set(k, [r.src]);
  }
  const batchKeys = new Set(b.reports.map((r) => r.key));
  for (const [k, srcs] of groups) {
    const [org, month, title] = k.split('\u0000');
    const others = stored.reportsTitled(org, month, title).filter((s) => !batchKeys.has(s.key)).map((s) => s.src);
    const all = [...others, ...srcs];
    if (all.length < 2) continue;
    for (let i = 1; i < all.length; i++) {
      if (!srcs.includes(all[i])) continue;
      const other = all[i === 0 ? 1 : 0];
      warn(all[i], 'title', 'duplicate_title', {
        id: 'duplicate_title',
        params: { org, month, title, other: `${other.file}:${other.line}` },
      });
    }
  }
}

function membersWithoutPoints(b: SectionRecords, stored: Stored, warn: (src: Source, field: string | null, code: string, msg: Msg) => void): void {
  const periods = [...new Set(b.points.map((p) => p.period))].sort();
  const batchMembers = new Map(b.members.map((m) => [m.id, m]));
  for (const period of periods) {
    const have = new Set(b.points.filter((p) => p.period === period).map((p) => p.member));
    const missing: Pick<Member, 'id' | 'name' | 'src'>[] = [];
    for (const m of batchMembers.values()) if (m.active && !have.has(m.id)) missing.push(m);
    // Stored members without stored points, unless the batch redefines them or gives their points.
    for (const m of stored.membersWithoutPoints(period)) if (!batchMembers.has(m.id) && !have.has(m.id)) missing.push(m);
    for (const m of missing) warn(m.src, null, 'no_points', { id: 'no_points', params: { id: m.id, name: m.name, period } });
  }
}
