// `report --format json`: the bulletin's sections as data, with the same keys
// as grade, stars and quota where they overlap, and each record's source.
import type { Bulletin } from '../../analyses/bulletin/bulletin.js';
import type { Named, PledgeRow } from '../../analyses/bulletin/pledges.js';
import type { CountedItem } from '../../analyses/quota.js';
import { monthQuotaJson, periodQuotaJson } from './quota.js';
import { tm, type Lang } from '../i18n/index.js';
import { ledgerJson } from './ledger.js';

const orgsOf = (list: Named[]) => list.map((n) => ({ org: n.code, name: n.name }));
const pledge = (p: PledgeRow) => ({
  id: p.id,
  owner: p.owner,
  owner_name: p.owner_name,
  kind: p.kind,
  content: p.content,
  made: p.made,
  due: p.due,
  status: p.status,
  fulfilled: p.fulfilled,
  source: p.src,
});
const item = (i: CountedItem) => ({ org: i.org, month: i.month, title: i.title, adopted: i.adopted, points: i.points, sources: i.sources });

export function bulletinJson(b: Bulletin, lang: Lang) {
  const { reports: r, pledges: p, grading: g, stars: s } = b;
  return {
    month: b.month,
    period: b.period,
    graded_period: b.graded_period,
    overview: { ...b.overview, no_review: orgsOf(b.overview.no_review), no_reports: orgsOf(b.overview.no_reports) },
    reports: {
      month: monthQuotaJson(r.month),
      quarter_to_date: periodQuotaJson(r.quarter),
      adopted: r.adopted.map(item),
      committees: r.committees,
      units: r.units,
      typicals_per_quarter: r.typicals_need,
      typicals: r.typicals.map((c) => ({
        org: c.org,
        name: c.name,
        count: c.count,
        met: c.met,
        items: c.typicals.map((x) => ({ title: x.title, date: x.date, source: x.src })),
      })),
    },
    pledges: {
      in_force: p.in_force,
      made: p.made.map(pledge),
      fulfilled: p.fulfilled.map(pledge),
      overdue: p.overdue.map(pledge),
      coverage: {
        orgs: { total: p.coverage.orgs.total, without: orgsOf(p.coverage.orgs.without) },
        members: {
          total: p.coverage.members.total,
          without: p.coverage.members.without,
          by_org: p.coverage.members.by_org.map((o) => ({ org: o.code, name: o.name, members: o.members, without: o.without })),
        },
      },
      vague: p.vague.map((v) => ({ ...pledge(v), reasons: v.reasons.map((m) => ({ code: m.id, message: tm(lang, m) })) })),
      evaluated: p.evaluated.map((e) => ({ ...pledge(e), votes: e.votes, satisfaction: e.satisfaction })),
      satisfaction: p.satisfaction,
    },
    grading: g && {
      period: g.period,
      summary: g.summary,
      movement: g.movement,
      share_warnings: g.shares,
      moved: g.moved.map((o) => ({ org: o.org, name: o.name, previous: o.previous, grade: o.grade, movement: o.movement })),
      overrides: g.overrides.map((o) => ({ org: o.org, name: o.name, composite: o.composite, computed: o.computed, grade: o.grade, reason: o.reason })),
      remedial: g.remedial.map((o) => ({ org: o.org, name: o.name, satisfaction: o.satisfaction, grade: o.grade, action: o.action })),
      commentary_overdue: g.commentary_overdue.map((o) => ({ org: o.org, name: o.name, grade: o.grade })),
    },
    stars: s && {
      period: s.period,
      rated: s.rated,
      red_stars: s.red_stars.map((m) => ({
        member: m.member,
        name: m.name,
        org: m.org,
        org_name: m.org_name,
        stars: m.stars,
        scores: m.scores,
        satisfaction: m.satisfaction,
        source: m.src,
      })),
      benchmark_branches: s.benchmark.map((v) => v.code),
      flag_committees: s.flag.map((v) => v.code),
    },
    // Only where the database keeps a ledger.
    ...(b.ledger ? { ledger: { ...ledgerJson(b.ledger.ledger), newly_supervised: b.ledger.newly_supervised } } : {}),
  };
}
