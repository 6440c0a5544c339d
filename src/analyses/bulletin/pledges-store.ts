// The bulletin's pledges section read from the store, as a task a second
// thread can do (store/prefetch.ts): a city's 250,000 pledges are read there
// while this thread rates the red stars and counts the reports, and only the
// section comes back. Its arguments are plain data for the same reason.
import type { Rules } from '../../core/rules.js';
import { lastDayOfMonth } from '../../core/dates.js';
import type { OwnedPledge } from '../../core/model.js';
import type { Query } from '../../store/query.js';
import type { Task } from '../../store/prefetch.js';
import { pledgesSection, type PledgesSection } from './pledges.js';

type Args = [month: string, rules: Rules, keep: string[] | null, shown: number, at: string, countedWith: string | null];

/**
 * The section for `month`, over the orgs in `keep` (--org's subtree) or all; `shown`: as pledgesSection;
 * `at`: the quarter whose members own the pledges and are counted; `countedWith`: the period whose points the command
 * counts the members with (Query.countWith), if any.
 */
export function pledgesFromStore(
  q: Query,
  month: string,
  rules: Rules,
  keep: string[] | null,
  shown: number,
  at: string,
  countedWith: string | null,
): PledgesSection {
  if (countedWith) q.countWith(countedWith);
  const inside = keep && new Set(keep);
  const all = q.eachOwnedPledge(at);
  return pledgesSection(
    `${month}-01`,
    lastDayOfMonth(month),
    inside ? q.orgs().filter((o) => inside.has(o.code)) : q.orgs(),
    inside ? new Map([...q.activeMembers(at)].filter(([org]) => inside.has(org))) : q.activeMembers(at),
    inside ? within(all, (p) => inside.has(p.member ? p.member.org : p.owner)) : all,
    rules,
    shown,
  );
}

/** pledgesFromStore as a task for Query.task. */
export function pledgesTask(...args: Args): Task<Args> {
  return { module: import.meta.url, fn: 'pledgesFromStore', args };
}

function* within(all: Iterable<OwnedPledge>, keep: (p: OwnedPledge) => boolean): Generator<OwnedPledge> {
  for (const p of all) if (keep(p)) yield p;
}
