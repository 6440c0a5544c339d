// Bulletin section 3, 公开承诺/践诺/评诺: what was pledged and kept in the
// month, what is overdue at its end, who has no pledge, which pledges are vague
// and how the masses rated the ones evaluated. Only active owners count.
import type { Member, Org, Pledge, Source, Votes } from '../model.js';
import type { Rules } from '../rules/types.js';
import type { MsgRef } from '../render/i18n.js';
import { overdueAt, satisfaction } from '../grade/grade.js';
import { vagueReasons } from '../rules/vague.js';

export interface PledgeRow {
  id: string;
  owner: string;
  owner_name: string;
  kind: Pledge['kind'];
  content: string;
  made: string;
  due: string;
  status: Pledge['status'];
  fulfilled: string | null;
  src: Source;
}

export interface Named {
  code: string;
  name: string;
}

export interface PledgesSection {
  /** Pledges made by the month's end and not abandoned. */
  in_force: number;
  made: PledgeRow[];
  fulfilled: PledgeRow[];
  overdue: PledgeRow[];
  coverage: {
    orgs: { total: number; without: Named[] };
    /** Members are many: counted per branch, not listed. */
    members: { total: number; without: number; by_org: (Named & { members: number; without: number })[] };
  };
  vague: (PledgeRow & { reasons: MsgRef[] })[];
  evaluated: (PledgeRow & { votes: Votes; satisfaction: number })[];
  /** All evaluation votes pooled; null when none was given. */
  satisfaction: number | null;
}

/** `start`..`end`: the month's first and last day. */
export function pledgesSection(start: string, end: string, orgs: Org[], members: Member[], pledges: Pledge[], rules: Rules): PledgesSection {
  const activeOrgs = orgs.filter((o) => o.active);
  const orgNames = new Map(activeOrgs.map((o) => [o.code, o.name]));
  const activeMembers = members.filter((m) => m.active && orgNames.has(m.org));
  const memberNames = new Map(activeMembers.map((m) => [m.id, m.name]));
  const ownerName = (p: Pledge) => orgNames.get(p.owner) ?? memberNames.get(p.owner);

  const rows: PledgeRow[] = [];
  for (const p of pledges) {
    const name = ownerName(p);
    if (name === undefined || p.made > end) continue;
    rows.push({ id: p.id, owner: p.owner, owner_name: name, kind: p.kind, content: p.content, made: p.made, due: p.due, status: p.status, fulfilled: p.fulfilled, src: p.src });
  }
  const live = rows.filter((p) => p.status !== 'abandoned');
  const owners = new Set(live.map((p) => p.owner));
  const byId = new Map(pledges.map((p) => [p.id, p]));

  const evaluated = rows.flatMap((r) => {
    const votes = byId.get(r.id)!.evaluation;
    return votes ? [{ ...r, votes, satisfaction: satisfaction(votes) }] : [];
  });
  evaluated.sort((a, b) => a.satisfaction - b.satisfaction || (a.id < b.id ? -1 : 1));
  const pooled = evaluated.reduce((v, e) => ({ satisfied: v.satisfied + e.votes.satisfied, basic: v.basic + e.votes.basic, unsatisfied: v.unsatisfied + e.votes.unsatisfied }), { satisfied: 0, basic: 0, unsatisfied: 0 });

  return {
    in_force: live.length,
    made: rows.filter((p) => p.made >= start),
    fulfilled: rows.filter((p) => p.status === 'fulfilled' && p.fulfilled !== null && p.fulfilled >= start && p.fulfilled <= end),
    overdue: live.filter((p) => overdueAt(byId.get(p.id)!, end)),
    coverage: {
      orgs: { total: activeOrgs.length, without: activeOrgs.filter((o) => !owners.has(o.code)).map((o) => ({ code: o.code, name: o.name })) },
      members: memberCoverage(activeMembers, owners, orgNames),
    },
    vague: live.flatMap((p) => {
      const reasons = vagueReasons(p.content, rules.pledges);
      return reasons.length ? [{ ...p, reasons }] : [];
    }),
    evaluated,
    satisfaction: evaluated.length ? satisfaction(pooled) : null,
  };
}

function memberCoverage(members: Member[], owners: Set<string>, orgNames: Map<string, string>): PledgesSection['coverage']['members'] {
  const per = new Map<string, { members: number; without: number }>();
  let without = 0;
  for (const m of members) {
    const c = per.get(m.org) ?? { members: 0, without: 0 };
    per.set(m.org, c);
    c.members++;
    if (!owners.has(m.id)) {
      c.without++;
      without++;
    }
  }
  const by_org = [...per]
    .filter(([, c]) => c.without > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, c]) => ({ code, name: orgNames.get(code) ?? '', ...c }));
  return { total: members.length, without, by_org };
}
