// Records joined with their member: points (the star rating needs both) and
// pledges (the bulletin names owners), read as one row each.
import { SECTION_DEFS as TABLES, SRC_COLS, type Readable } from '../core/sections.js';
import type { Member, MemberPoints, OwnedPledge } from '../core/model.js';
import { inForce } from './member-runs.js';

/**
 * `t`'s columns (as `p`) with a member's name, org and status (as `m`) before
 * the source: `t.fromRow` reads a joined row as its own, and the member's
 * three columns sit at `at`.
 */
function withMember(t: { read: string[] }): { read: string[]; at: number } {
  const own = t.read.slice(0, -SRC_COLS.length).map((c) => `p.${c}`);
  return { read: [...own, 'm.name', 'm.org', 'm.active', ...SRC_COLS.map((c) => `p.${c}`)], at: own.length };
}

/** The member's name, org and status from a joined row, at `at`. */
const memberAt = (r: unknown[], at: number) => ({ name: r[at] as string, org: r[at + 1] as string, active: r[at + 2] === 1 });

const pointsJoin = withMember(TABLES.points);
/** Points joined with their member: the star rating needs both, and one read of the pair costs half of two. */
export const memberPoints: Readable<MemberPoints> = {
  // The member as it was in the points' quarter (SPEC §1 members).
  name: `points p JOIN members m ON m.id = p.member AND ${inForce('m', 'p.period')}`,
  read: pointsJoin.read,
  fromRow: (r) => Object.assign(TABLES.points.fromRow(r), memberAt(r, pointsJoin.at)),
};

/**
 * The same, read from the members of a range of orgs (their index) to their
 * points of quarter @period: a part of a full list, in its order, read as
 * fast by part as whole (city: 2.1 s in 60 parts against 1.9 s whole).
 */
export const orgMemberPoints: Readable<MemberPoints> = {
  name: 'members m CROSS JOIN points p ON p.member = m.id AND p.period = @period',
  read: pointsJoin.read,
  fromRow: memberPoints.fromRow,
};

const pledgesJoin = withMember(TABLES.pledges);
/**
 * Pledges with their owning member as it was at quarter @at: the bulletin
 * names owners and counts members' coverage without reading every member.
 */
export const ownedPledges: Readable<OwnedPledge> = {
  name: `pledges p LEFT JOIN members m ON m.id = p.owner_member AND ${inForce('m', '@at')}`,
  read: pledgesJoin.read,
  fromRow: (r) => Object.assign(TABLES.pledges.fromRow(r), { member: r[pledgesJoin.at] === null ? null : memberAt(r, pledgesJoin.at) }),
};

/** Members as the analyses read them: their runs (store/member-runs.ts), @at the quarter each is read at. */
export const memberRuns: Readable<Member> = { ...TABLES.members, name: 'members m' };

/** The WHERE of the members in force at quarter @at (a member's run then), with `rest`. */
export const atQuarter = (rest = '') => `WHERE ${inForce('m', '@at')}${rest}`;
