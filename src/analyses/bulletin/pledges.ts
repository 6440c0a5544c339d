// Bulletin section 3, 公开承诺/践诺/评诺: what was pledged and kept in the
// month, what is overdue at its end, who has no pledge, which pledges are vague
// and how the masses rated the ones evaluated. Only active owners count.
import type { Org, OwnedPledge, Pledge, Source, Votes } from '../../core/model.js';
import type { Rules } from '../../core/rules.js';
import type { VagueReason } from '../../core/messages/diagnostics.js';
import { overdueAt, satisfaction } from '../grade.js';
import { vagueReasons } from '../../core/pledge-quality.js';

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
  /** Pledges in force (在诺): made by the month's end, neither abandoned nor fulfilled by then. */
  in_force: number;
  /** How many rows each list has in all: the lists themselves may hold only the first `shown` (pledgesSection). */
  counts: { made: number; fulfilled: number; overdue: number; vague: number; evaluated: number };
  made: PledgeRow[];
  fulfilled: PledgeRow[];
  overdue: PledgeRow[];
  coverage: {
    /** `with` of `total` own a live pledge: `rate` (null when there are none). */
    orgs: { total: number; without: Named[]; with: number; rate: number | null };
    /** Members are many: counted per branch, not listed. */
    members: { total: number; without: number; by_org: (Named & { members: number; without: number })[]; with: number; rate: number | null };
  };
  vague: (PledgeRow & { reasons: VagueReason[] })[];
  evaluated: (PledgeRow & { votes: Votes; satisfaction: number })[];
  /** All evaluation votes pooled; null when none was given. */
  satisfaction: number | null;
}

/**
 * `start`..`end`: the month's first and last day. `activeMembers` counts each
 * org's active members: coverage is those counts less the members who own a
 * pledge, so the members themselves need not be read. One pass over
 * `pledges`, keeping only the rows the lists name: a city has 250,000, and
 * 100,000 overdue. `shown`: how many rows of each list a view shows (Markdown
 * and HTML cut long tables); the lists keep no more, `counts` counts them all.
 */
export function pledgesSection(
  start: string,
  end: string,
  orgs: Org[],
  activeMembers: Map<string, number>,
  pledges: Iterable<OwnedPledge>,
  rules: Rules,
  shown = Infinity,
): PledgesSection {
  const activeOrgs = orgs.filter((o) => o.active);
  const orgNames = new Map(activeOrgs.map((o) => [o.code, o.name]));
  // An owner counts while it is active: an org, or a member of an active org.
  const ownerName = (p: OwnedPledge) => (p.member ? (p.member.active && orgNames.has(p.member.org) ? p.member.name : undefined) : orgNames.get(p.owner));

  const out = { made: [] as PledgeRow[], fulfilled: [] as PledgeRow[], overdue: [] as PledgeRow[], vague: [] as PledgesSection['vague'] };
  const counts = { made: 0, fulfilled: 0, overdue: 0, vague: 0, evaluated: 0 };
  /** Counts a row of `list`, keeping it while the view shows that many. */
  const add = <K extends keyof typeof out>(list: K, row: () => PledgesSection[K][number]) => {
    if (counts[list]++ < shown) (out[list] as PledgesSection[K][number][]).push(row());
  };
  const evaluated: PledgesSection['evaluated'] = [];
  let inForce = 0;
  // Pledges are often copied (a branch's members take the office's model text): each text is judged once.
  const judged = new Map<string, VagueReason[]>();
  const reasonsOf = (content: string) => {
    let r = judged.get(content);
    if (r === undefined) judged.set(content, (r = vagueReasons(content, rules.pledges)));
    return r;
  };
  /** The owners of a live pledge; a member's mapped to its org. */
  const owners = new Set<string>();
  const memberOrgs = new Map<string, string>();
  for (const p of pledges) {
    const name = ownerName(p);
    if (name === undefined || p.made > end) continue;
    const row = () => pledgeRow(p, name);
    const kept = p.status === 'fulfilled' && p.fulfilled !== null && p.fulfilled <= end;
    if (p.made >= start) add('made', row);
    if (kept && p.fulfilled! >= start) add('fulfilled', row);
    if (p.evaluation) evaluated.push({ ...row(), votes: p.evaluation, satisfaction: satisfaction(p.evaluation) });
    if (p.status === 'abandoned') continue;
    owners.add(p.owner);
    if (p.member) memberOrgs.set(p.owner, p.member.org);
    if (!kept) inForce++;
    if (overdueAt(p, end)) add('overdue', row);
    const reasons = reasonsOf(p.content);
    if (reasons.length) add('vague', () => ({ ...row(), reasons }));
  }
  // Ranked before they are cut: the least satisfied first.
  evaluated.sort((a, b) => a.satisfaction - b.satisfaction || (a.id < b.id ? -1 : 1));
  counts.evaluated = evaluated.length;
  const pooled = evaluated.reduce(
    (v, e) => ({ satisfied: v.satisfied + e.votes.satisfied, basic: v.basic + e.votes.basic, unsatisfied: v.unsatisfied + e.votes.unsatisfied }),
    { satisfied: 0, basic: 0, unsatisfied: 0 },
  );

  return {
    in_force: inForce,
    counts,
    ...out,
    coverage: {
      orgs: covered({ total: activeOrgs.length, without: activeOrgs.filter((o) => !owners.has(o.code)).map((o) => ({ code: o.code, name: o.name })) }),
      members: covered(memberCoverage(activeOrgs, activeMembers, memberOrgs)),
    },
    evaluated: evaluated.slice(0, shown),
    satisfaction: evaluated.length ? satisfaction(pooled) : null,
  };
}

function pledgeRow(p: OwnedPledge, ownerName: string): PledgeRow {
  return {
    id: p.id,
    owner: p.owner,
    owner_name: ownerName,
    kind: p.kind,
    content: p.content,
    made: p.made,
    due: p.due,
    status: p.status,
    fulfilled: p.fulfilled,
    src: p.src,
  };
}

/** A coverage with how many are covered and their share. */
function covered<T extends { total: number; without: number | unknown[] }>(c: T): T & { with: number; rate: number | null } {
  const n = c.total - (typeof c.without === 'number' ? c.without : c.without.length);
  return { ...c, with: n, rate: c.total ? n / c.total : null };
}

/** Per active org: its active members, and how many own no live pledge. `memberOrgs`: each active member owning a live pledge, and its org. */
function memberCoverage(
  activeOrgs: Org[],
  activeMembers: Map<string, number>,
  memberOrgs: Map<string, string>,
): Omit<PledgesSection['coverage']['members'], 'with' | 'rate'> {
  const covered = new Map<string, number>();
  for (const org of memberOrgs.values()) covered.set(org, (covered.get(org) ?? 0) + 1);
  let total = 0;
  let without = 0;
  const by_org: PledgesSection['coverage']['members']['by_org'] = [];
  for (const o of [...activeOrgs].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const members = activeMembers.get(o.code) ?? 0;
    const missing = members - (covered.get(o.code) ?? 0);
    total += members;
    without += missing;
    if (missing > 0) by_org.push({ code: o.code, name: o.name, members, without: missing });
  }
  return { total, without, by_org };
}
