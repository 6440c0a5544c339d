// Typed records for the pure-module tests, with sensible defaults.
import type { Member, MemberPoints, Org, OwnedPledge, Pledge, Points, Report, Review, Typical, Votes } from '../src/core/model.js';

const src = { file: 't.yaml', line: 1 };

export const org = (code: string, type: Org['type'] = 'branch', parent: string | null = 'W', extra: Partial<Org> = {}): Org => ({
  code,
  name: `${code}名`,
  type,
  parent,
  category: 'rural',
  secretary: null,
  active: true,
  src,
  ...extra,
});

export const votes = (satisfied: number, basic = 0, unsatisfied = 0): Votes => ({ satisfied, basic, unsatisfied });

export const review = (o: string, period: string, self: number, masses: Votes, superior: number, extra: Partial<Review> = {}): Review => ({
  org: o,
  period,
  self,
  masses,
  superior,
  grade: null,
  reason: null,
  commentary: { date: `${period.slice(0, 4)}-0${+period.slice(5) * 3}-15`, by: '王五', text: '好' },
  src,
  ...extra,
});

export const pledge = (owner: string, due: string, status: Pledge['status'], fulfilled: string | null = null): Pledge => ({
  id: `P-${owner}-${due}`,
  owner,
  kind: 'annual',
  standard: 'service',
  content: '年内办好3件实事',
  made: '2011-01-01',
  due,
  status,
  fulfilled,
  evaluation: null,
  src,
});

export const member = (id: string, o: string, active = true): Member => ({ id, period: '', name: `${id}名`, org: o, role: 'member', active, src });

export const points = (m: string, period: string, each: number, extra: Partial<Points> = {}): Points => ({
  member: m,
  period,
  study: each,
  excel: each,
  service: each,
  discipline: each,
  integrity: each,
  deductions: [],
  masses: null,
  src,
  ...extra,
});

export const report = (o: string, date: string, title: string, adopted: Report['adopted'] = 'none'): Report => ({
  key: `${o}|${date}|${title}`,
  id: null,
  org: o,
  date,
  period: `${date.slice(0, 4)}Q${Math.floor((+date.slice(5, 7) - 1) / 3) + 1}`,
  title,
  adopted,
  src,
});

export const typical = (o: string, date: string): Typical => ({
  key: `${o}|${date}|t`,
  id: null,
  org: o,
  date,
  period: `${date.slice(0, 4)}Q${Math.floor((+date.slice(5, 7) - 1) / 3) + 1}`,
  title: '典型',
  src,
});

/** What the store's join gives the star rating: each points record with its member. */
export const joined = (members: Member[], pts: Points[]): MemberPoints[] => {
  const byId = new Map(members.map((m) => [m.id, m]));
  return pts.map((p) => ({ ...p, name: byId.get(p.member)!.name, org: byId.get(p.member)!.org, active: byId.get(p.member)!.active }));
};

/** Active members per org, as the store counts them. */
export const activeCounts = (members: Member[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const m of members) if (m.active) out.set(m.org, (out.get(m.org) ?? 0) + 1);
  return out;
};

/** What the store's join gives the bulletin: each pledge with its owning member, if a member owns it. */
export const owned = (members: Member[], list: Pledge[]): OwnedPledge[] => {
  const byId = new Map(members.map((m) => [m.id, m]));
  return list.map((p) => {
    const m = byId.get(p.owner);
    return { ...p, member: m ? { name: m.name, org: m.org, active: m.active } : null };
  });
};
