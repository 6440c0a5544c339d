// The bulletin's data laid out as a document in one language: which facts,
// tables and charts each section shows, in SPEC order.
import { GRADES, LEADS, sourceText, type Source } from '../core/model.js';
import type { Bulletin } from '../analyses/bulletin/bulletin.js';
import type { PledgeRow, Named } from '../analyses/bulletin/pledges.js';
import type { OrgGrade } from '../analyses/grade.js';
import type { Messages, MsgId, PlainId } from '../core/messages/index.js';
import { pct } from '../core/numbers.js';
import { lastDayOfMonth } from '../core/dates.js';
import { t, tm, word, type Lang } from './i18n/index.js';
import { date, num, para, share, text, type CellValue, type Chart, type Doc, type DocSection, type Part } from './doc.js';

/** Markdown and HTML are read by people: a longer table is cut there (XLSX and JSON keep every row). */
export const MAX_TEXT_ROWS = 500;

export const GRADE_COLORS: Record<string, string> = { good: '#2e7d32', fair: '#00838f', average: '#f9a825', poor: '#c62828', ungraded: '#9e9e9e' };
const MET = '#2e7d32';
const MISSED = '#c62828';
const MOVE_COLORS: Record<string, string> = { up: '#2e7d32', same: '#607d8b', down: '#c62828', new: '#1565c0' };

export function bulletinDoc(b: Bulletin, lang: Lang, opts: { version: string; belowPct: string }): Doc {
  const tr = <K extends MsgId>(id: K, ...p: {} extends Messages[K] ? [Messages[K]?] : [Messages[K]]) => t(lang, id, ...p);
  const w = (k: string) => word(lang, k);
  const h = (...ids: PlainId[]) => ids.map((id) => t(lang, id));
  const src = (s: Source) => text(sourceText(s));
  const none = tr('r_none');
  const cut = { max: MAX_TEXT_ROWS, more: (shown: number, total: number) => tr('r_more', { shown, total }) };
  const table = (caption: string, headers: string[], rows: CellValue[][]): Part => ({ kind: 'table', table: { caption, headers, rows, none, cut } });
  const facts = (...lines: string[]): Part[] => lines.map((l) => para(l));
  const chart = (c: Omit<Chart, 'none'>): Part => ({ kind: 'chart', chart: { ...c, none } });
  const named = (caption: string, list: Named[]) => table(caption, h('r_h_org', 'r_h_name'), list.map((n) => [text(n.code), text(n.name)]));
  const graded = b.graded_period ?? '';

  const ov = b.overview;
  const overview: DocSection = {
    id: 'overview',
    title: tr('r_s_overview'),
    parts: [
      ...facts(
        tr('r_ov_orgs', { n: ov.orgs.committees + ov.orgs.branches, c: ov.orgs.committees, b: ov.orgs.branches, m: ov.members }),
        tr('r_ov_data', ov.data),
        ...(b.graded_period ? [tr('r_ov_graded', { period: b.graded_period, reviews: ov.data.reviews, points: ov.data.points })] : []),
        tr('r_ov_missing', { period: graded, no_review: ov.no_review.length, no_reports: ov.no_reports.length }),
      ),
      ...(b.graded_period ? [named(tr('r_t_no_review', { period: graded }), ov.no_review)] : []),
      named(tr('r_t_no_reports'), ov.no_reports),
    ],
  };

  const r = b.reports;
  const nameOf = new Map(r.month.orgs.map((o) => [o.org, o.name]));
  const n = r.month.orgs.length;
  const quota = r.month.orgs[0]?.quota ?? 0;
  const months = r.quarter.orgs[0] ? Object.keys(r.quarter.orgs[0].months) : [];
  const committees: Omit<Chart, 'none'> = {
    id: 'quota',
    caption: tr('r_c_committees'),
    label: tr('r_h_committee'),
    bars: r.committees.map((c) => ({
      label: c.name,
      segments: [
        { name: tr('r_series_met'), value: c.met, color: MET },
        { name: tr('r_series_missed'), value: c.missed, color: MISSED },
      ],
    })),
  };
  const reports: DocSection = {
    id: 'reports',
    title: tr('r_s_reports'),
    parts: [
      ...facts(
        tr('r_rp_summary', { quota, n, met: r.month.summary.met, missed: r.month.summary.missed, rate: n ? pct(r.month.summary.met / n) : '—' }),
        tr('r_rp_adopted', { n: r.adopted.length, points: r.adopted.reduce((s, i) => s + i.points, 0) }),
      ),
      chart(committees),
      table(
        tr('r_t_month', { month: b.month }),
        h('q_rank', 'r_h_org', 'r_h_name', 'q_count', 'q_quota', 'q_met', 'q_short', 'q_points'),
        r.month.orgs.map((o) => [num(o.rank), text(o.org), text(o.name), num(o.count), num(o.quota), text(tr(o.met ? 'yes' : 'no')), num(o.shortfall), num(o.points)]),
      ),
      table(
        tr('r_t_shortfall'),
        h('r_h_org', 'r_h_name', 'q_count', 'q_short'),
        r.month.orgs.filter((o) => !o.met).sort((a, z) => (a.org < z.org ? -1 : 1)).map((o) => [text(o.org), text(o.name), num(o.count), num(o.shortfall)]),
      ),
      table(
        tr('r_t_quarter', { period: b.period, month: b.month }),
        [...h('q_rank', 'r_h_org', 'r_h_name'), ...months, ...h('q_months_met', 'q_points')],
        r.quarter.orgs.map((o) => [num(o.rank), text(o.org), text(o.name), ...months.map((m) => num(o.months[m].count)), num(o.months_met), num(o.points)]),
      ),
      table(
        tr('r_t_adopted'),
        h('r_h_org', 'r_h_name', 'r_h_title', 'r_h_adopted', 'q_points', 'r_h_src'),
        r.adopted.map((i) => [text(i.org), text(nameOf.get(i.org) ?? ''), text(i.title), text(w(i.adopted)), num(i.points), src(i.sources[0])]),
      ),
      table(
        tr('r_t_duplicates'),
        h('r_h_org', 'r_h_month', 'r_h_title', 'r_h_adopted', 'r_h_src'),
        r.month.duplicates.map((d) => [text(d.org), text(d.month), text(d.title), text(w(d.adopted)), text(d.sources.map(sourceText).join(', '))]),
      ),
      table(
        tr('r_t_typicals', { period: b.period, month: b.month, need: r.typicals_need }),
        h('r_h_org', 'r_h_name', 'q_typicals', 'q_met', 'r_h_titles'),
        r.typicals.map((c) => [text(c.org), text(c.name), num(c.count), text(tr(c.met ? 'yes' : 'no')), text(c.typicals.map((x) => x.title).join(lang === 'zh' ? '；' : '; '))]),
      ),
    ],
  };

  const p = b.pledges;
  const cov = p.coverage;
  const pledgeHeaders = (...extra: PlainId[]) => h('r_h_id', 'r_h_owner', 'r_h_owner_name', 'r_h_kind', 'r_h_content', ...extra, 'r_h_src');
  const pledgeRow = (x: PledgeRow, ...extra: CellValue[]): CellValue[] => [text(x.id), text(x.owner), text(x.owner_name), text(w(x.kind)), text(x.content), ...extra, src(x.src)];
  const orgsWith = cov.orgs.total - cov.orgs.without.length;
  const membersWith = cov.members.total - cov.members.without;
  const pledges: DocSection = {
    id: 'pledges',
    title: tr('r_s_pledges'),
    parts: [
      ...facts(
        tr('r_pl_summary', { made: p.made.length, fulfilled: p.fulfilled.length, overdue: p.overdue.length }),
        tr('r_pl_coverage', {
          orgs: orgsWith, orgs_total: cov.orgs.total, orgs_rate: cov.orgs.total ? pct(orgsWith / cov.orgs.total) : '—',
          members: membersWith, members_total: cov.members.total, members_rate: cov.members.total ? pct(membersWith / cov.members.total) : '—',
        }),
        tr('r_pl_vague', { n: p.vague.length }),
        p.satisfaction === null ? tr('r_pl_no_eval') : tr('r_pl_eval', { n: p.evaluated.length, sat: pct(p.satisfaction) }),
      ),
      table(tr('r_t_made'), pledgeHeaders('r_h_made', 'r_h_due'), p.made.map((x) => pledgeRow(x, date(x.made), date(x.due)))),
      table(tr('r_t_fulfilled'), pledgeHeaders('r_h_due', 'r_h_fulfilled'), p.fulfilled.map((x) => pledgeRow(x, date(x.due), date(x.fulfilled)))),
      table(tr('r_t_overdue', { end: lastDayOfMonth(b.month) }), pledgeHeaders('r_h_due', 'r_h_status'), p.overdue.map((x) => pledgeRow(x, date(x.due), text(w(x.status))))),
      table(tr('r_t_vague'), pledgeHeaders('r_h_reasons'), p.vague.map((x) => pledgeRow(x, text(x.reasons.map((m) => tm(lang, m)).join(lang === 'zh' ? '；' : '; '))))),
      table(
        tr('r_t_evaluated'),
        pledgeHeaders('r_h_satisfied', 'r_h_basic', 'r_h_unsatisfied', 'g_sat'),
        p.evaluated.map((x) => pledgeRow(x, num(x.votes.satisfied), num(x.votes.basic), num(x.votes.unsatisfied), share(x.satisfaction))),
      ),
      named(tr('r_t_orgs_without'), cov.orgs.without),
      table(
        tr('r_t_members_without'),
        h('r_h_org', 'r_h_name', 'r_h_members', 'r_h_without'),
        cov.members.by_org.map((o) => [text(o.code), text(o.name), num(o.members), num(o.without)]),
      ),
    ],
  };

  const g = b.grading;
  const gradeRow = (o: OrgGrade) => [text(o.org), text(o.name)];
  const grading: DocSection = {
    id: 'grading',
    title: tr('r_s_grading'),
    parts: g
      ? [
          ...facts(tr('r_gr_summary', { period: g.period, ...g.summary }), tr('r_gr_movement', g.movement), ...g.shares.map((s) => tr(s.bound === 'max' ? 'g_share_max' : 'g_share_min', { grade: w(s.grade), share: pct(s.share), limit: pct(s.limit) }))),
          chart({
              id: 'grades',
              caption: tr('r_c_grades', { period: g.period }),
              label: tr('r_h_grade'),
              bars: [...GRADES, 'ungraded' as const].map((k) => ({ label: w(k), segments: [{ name: tr('r_series_orgs'), value: g.summary[k], color: GRADE_COLORS[k] }] })),
          }),
          chart({
              id: 'movement',
              caption: tr('r_c_movement'),
              label: tr('g_move'),
              bars: (['up', 'same', 'down', 'new'] as const).map((k) => ({ label: w(k), segments: [{ name: tr('r_series_orgs'), value: g.movement[k], color: MOVE_COLORS[k] }] })),
          }),
          table(tr('r_t_moved'), h('r_h_org', 'r_h_name', 'r_h_previous', 'r_h_current', 'g_move'), g.moved.map((o) => [...gradeRow(o), text(w(o.previous ?? '-')), text(w(o.grade)), text(w(o.movement ?? '-'))])),
          table(tr('r_t_overrides'), h('r_h_org', 'r_h_name', 'g_composite', 'g_computed', 'g_grade', 'r_h_reason'), g.overrides.map((o) => [...gradeRow(o), num(o.composite ?? 0, 1), text(w(o.computed ?? '-')), text(w(o.grade)), text(o.reason ?? '')])),
          table(tr('r_t_remedial', { below: opts.belowPct }), h('r_h_org', 'r_h_name', 'g_sat', 'g_grade', 'g_action'), g.remedial.map((o) => [...gradeRow(o), share(o.satisfaction), text(w(o.grade)), text(o.action ? w(o.action) : '')])),
          table(tr('r_t_commentary'), h('r_h_org', 'r_h_name', 'g_grade'), g.commentary_overdue.map((o) => [...gradeRow(o), text(w(o.grade))])),
        ]
      : facts(tr('r_gr_none')),
  };

  const s = b.stars;
  const stars: DocSection = {
    id: 'stars',
    title: tr('r_s_stars'),
    parts: s
      ? [
          ...facts(tr('r_st_summary', { period: s.period, rated: s.rated, red: s.red_stars.length, benchmark: s.benchmark.length, flag: s.flag.length })),
          table(
            tr('r_t_red'),
            [...h('r_h_member', 'r_h_member_name', 'r_h_member_org', 'r_h_org_name'), ...LEADS.map((l) => w(l)), ...h('st_stars', 'g_sat', 'r_h_src')],
            s.red_stars.map((m) => [text(m.member), text(m.name), text(m.org), text(m.org_name), ...LEADS.map((l) => num(m.scores[l])), num(m.stars), share(m.satisfaction), src(m.src)]),
          ),
          named(tr('r_t_benchmark'), s.benchmark),
          named(tr('r_t_flag'), s.flag),
        ]
      : facts(tr('r_gr_none')),
  };

  return {
    lang,
    title: tr('r_title', { month: b.month }),
    subtitle: tr('r_subtitle', { month: b.month, period: b.period, graded }),
    footer: tr('r_generated', { version: opts.version }),
    sections: [overview, reports, pledges, grading, stars],
  };
}
