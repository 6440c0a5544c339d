// The pages of `cxzy serve`, one entry each: its address, its name in the
// navigation, the choices its form offers (all in the address), and the view
// it shows — made by the same analyses and views as the command it mirrors,
// so that a page's figures are the command's.
import type { DB } from '../store/db.js';
import type { Query } from '../store/query.js';
import { MANY, Records } from '../store/lookup.js';
import { listImports } from '../store/history.js';
import type { Rules } from '../core/rules.js';
import type { PlainId } from '../core/messages/index.js';
import { UsageError } from '../core/errors.js';
import { periodBounds, periodMonths, periodOf } from '../core/dates.js';
import { pct } from '../core/numbers.js';
import { annualFromStore, gradeFromStore, ledgerFromStore, monthQuotaFromStore, redStarCandidates, starsFromStore } from '../analyses/services.js';
import { gradingIn, monthQuotaIn, starsIn, subtree } from '../analyses/scope.js';
import { statusFromStore, statusReads } from '../analyses/status-store.js';
import { memberProfile, orgProfile } from '../analyses/profile.js';
import { dataPeriods, ledgerDate, reviewYears } from '../analyses/period.js';
import { monthAsked, param as paramOf, quarterAsked, yearAsked } from './ask.js';
import type { View } from '../render/formats/index.js';
import { t, type Lang } from '../render/i18n/index.js';
import { gradingView } from '../render/views/grade.js';
import { starsSummaryView, starsView } from '../render/views/stars.js';
import { prefetchSummary, starsSummary, SUMMARY_PAST } from '../analyses/stars-summary.js';
import { monthQuotaView } from '../render/views/quota.js';
import { ledgerView } from '../render/views/ledger.js';
import { annualView } from '../render/views/annual.js';
import { statusView } from '../render/views/status.js';
import { logView } from '../render/views/history.js';
import { candidatesView, profileView } from '../render/views/show.js';
import { overviewView } from './overview.js';
import { orgTreeView } from './tree.js';

/** What a page is made from: the store opened read-only for this request, and the address's parameters. */
export interface PageCtx {
  db: DB;
  q: Query;
  rules: Rules;
  lang: Lang;
  params: URLSearchParams;
  today: string;
  /** The intake, import and undo offered (serve without --read-only). */
  writable?: boolean;
}

/** One control of a page's form: a choice among values the data has, or a code to type. */
export interface Choice {
  name: string;
  label: string;
  kind: 'select' | 'text' | 'check';
  options?: string[];
  value: string;
}

/** A notice the page offers as a Word file: the address that writes it. */
export interface NoticeLink {
  label: string;
  href: string;
}

export interface PageOut {
  title: string;
  view: View;
  choices: Choice[];
  notices?: NoticeLink[];
  /** What the page offers to do (the log: undo), each a link to its confirmation. */
  actions?: NoticeLink[];
  /** Said under the notices: what the page cannot offer, and why. */
  note?: string;
  /** Go there instead (a search that finds one org or member). */
  redirect?: string;
}

export interface Page {
  /** The address, relative: '' for the overview. */
  path: string;
  /** Its name in the navigation, or null for pages reached by a link (an org's, a member's). */
  nav: PlainId | null;
  make(c: PageCtx): PageOut;
}

const param = (c: PageCtx, name: string): string | undefined => paramOf(c.params, name);

const periodChoice = (c: PageCtx, have: string[], value: string): Choice => ({
  name: 'period',
  label: t(c.lang, 'web_period'),
  kind: 'select',
  options: [...have].reverse(),
  value,
});
const orgChoice = (c: PageCtx): Choice => ({ name: 'org', label: t(c.lang, 'web_org_filter'), kind: 'text', value: param(c, 'org') ?? '' });
/** ?explain=1: what each figure rests on, record by record, as --explain gives it. */
const explainOf = (c: PageCtx) => c.params.get('explain') === '1';
const explainChoice = (c: PageCtx): Choice => ({ name: 'explain', label: t(c.lang, 'web_explain'), kind: 'check', value: explainOf(c) ? '1' : '' });
const keepOf = (c: PageCtx) => subtree(c.q.orgs(), param(c, 'org'));
const query = (o: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') p.set(k, v);
  return p.size ? `?${p}` : '';
};

function overview(c: PageCtx): PageOut {
  const { q, rules, lang } = c;
  const reviewed = q.reviewPeriods();
  const rated = q.pointsPeriods();
  const all = dataPeriods(q);
  const period = param(c, 'period') ?? all.at(-1);
  if (period !== undefined && !all.includes(period)) throw new UsageError({ id: 'web_bad_param', params: { name: 'period', value: period } });
  const months = period ? periodMonths(period).filter((m) => m <= c.today.slice(0, 7)) : [];
  const reportMonths = q.reportMonths().filter((m) => period !== undefined && periodOf(`${m}-01`) === period);
  const end = period ? periodBounds(period)[1] : c.today;
  const graded = period !== undefined && reviewed.includes(period);
  if (period) {
    // Five commands' analyses in one page: the status's counts on the second thread while this one makes the ledger, the
    // quota and the grades and reads the red stars' candidates (measured best of the orders tried); the stars count members as the status did.
    q.prefetch(statusReads(rules, period));
    q.countWith(period);
  }
  // The quarter's end, or today within it (dates as text: the earlier sorts first).
  const ledger = ledgerFromStore(q, rules, [end, c.today].sort()[0], null);
  const quota = reportMonths.length ? monthQuotaFromStore(q, rules, reportMonths.at(-1)!) : null;
  const starred = period !== undefined && rated.includes(period);
  if (starred) redStarCandidates(q, rules, period);
  const grading = graded ? gradeFromStore(q, rules, period) : null;
  const status = period ? statusFromStore(q, c.db, rules, period, months.length ? months : periodMonths(period), null, false) : null;
  const stars = starred ? starsFromStore(q, rules, period, { redOnly: true }) : null;
  const view = overviewView({ status, grading, stars, quota, ledger, imports: listImports(c.db) }, lang);
  return { title: t(lang, 'web_overview'), view, choices: period ? [periodChoice(c, all, period)] : [] };
}

function grade(c: PageCtx): PageOut {
  const have = c.q.reviewPeriods();
  const period = quarterAsked(c.params, have, 'reviews_data');
  const explain = explainOf(c);
  const g = gradingIn(gradeFromStore(c.q, c.rules, period, explain), keepOf(c));
  const belowPct = pct(c.rules.grading.caps.satisfaction.below);
  return {
    title: `${t(c.lang, 'web_grade')} ${period}`,
    view: gradingView(g, c.lang, { compact: false, explain, belowPct }),
    choices: [periodChoice(c, have, period), orgChoice(c), explainChoice(c)],
  };
}

function stars(c: PageCtx): PageOut {
  const have = c.q.pointsPeriods();
  const period = quarterAsked(c.params, have, 'points_data');
  const all = c.params.get('all') === '1';
  const big = !all && c.q.pointsMoreThan(period, SUMMARY_PAST);
  // As the terminal's summary: what it reads besides the candidates starts on the second thread before the orgs are read.
  if (big) prefetchSummary(c.q, c.rules, period);
  const keep = keepOf(c);
  const choices: Choice[] = [
    periodChoice(c, have, period),
    orgChoice(c),
    { name: 'all', label: t(c.lang, 'web_stars_all'), kind: 'check', value: all ? '1' : '' },
  ];
  const title = `${t(c.lang, 'web_stars')} ${period}`;
  // A city's 750,000 members summarised per committee, as the terminal has them, unless every one is asked for.
  const summary = big ? starsSummary(c.q, c.rules, period, keep) : null;
  if (summary) return { title, view: starsSummaryView(summary, c.lang), choices, note: t(c.lang, 'web_stars_summarised', { n: summary.total }) };
  return { title, view: starsView(starsIn(starsFromStore(c.q, c.rules, period), keep), c.lang), choices };
}

function quota(c: PageCtx): PageOut {
  const have = c.q.reportMonths();
  const month = monthAsked(c.params, have);
  const mq = monthQuotaIn(monthQuotaFromStore(c.q, c.rules, month), keepOf(c));
  return {
    title: `${t(c.lang, 'web_quota')} ${month}`,
    view: monthQuotaView(mq, c.lang),
    choices: [{ name: 'month', label: t(c.lang, 'web_month'), kind: 'select', options: [...have].reverse(), value: month }, orgChoice(c)],
    notices: [{ label: t(c.lang, 'web_notice_report'), href: `report.docx${query({ month, org: param(c, 'org') })}` }],
  };
}

function ledger(c: PageCtx): PageOut {
  const date = ledgerDate({ date: param(c, 'date') }, c.today);
  keepOf(c); // an unknown org is an error
  const l = ledgerFromStore(c.q, c.rules, date, param(c, 'org') ?? null);
  return {
    title: `${t(c.lang, 'web_ledger')} ${date}`,
    view: ledgerView(l, c.lang),
    choices: [{ name: 'date', label: t(c.lang, 'sh_date'), kind: 'text', value: date }, orgChoice(c)],
    note: t(c.lang, 'web_notice_ledger_cli'),
  };
}

function annual(c: PageCtx): PageOut {
  const years = reviewYears(c.q);
  const year = yearAsked(c.params, years);
  const explain = explainOf(c);
  // As the terminal shows it: the candidates and reserves named, the other members counted (every one, explained).
  const a = annualFromStore(c.q, c.rules, year, keepOf(c), !explain);
  return {
    title: `${t(c.lang, 'web_annual')} ${year}`,
    view: annualView(a, c.lang, { all: false, explain, rules: c.rules }),
    choices: [{ name: 'year', label: t(c.lang, 'web_year'), kind: 'select', options: [...years].reverse(), value: year }, orgChoice(c), explainChoice(c)],
    notices: [{ label: t(c.lang, 'web_notice_annual'), href: `annual.docx${query({ year, org: param(c, 'org') })}` }],
  };
}

function status(c: PageCtx): PageOut {
  const have = dataPeriods(c.q);
  const period = quarterAsked(c.params, have, 'period_data');
  const months = periodMonths(period).filter((m) => m <= c.today.slice(0, 7));
  const missing = c.params.get('missing') === '1';
  const s = statusFromStore(c.q, c.db, c.rules, period, months, keepOf(c));
  return {
    title: `${t(c.lang, 'web_status')} ${period}`,
    view: statusView(s, c.lang, missing),
    choices: [periodChoice(c, have, period), orgChoice(c), { name: 'missing', label: t(c.lang, 'web_missing_only'), kind: 'check', value: missing ? '1' : '' }],
    notices: [{ label: t(c.lang, 'web_notice_status'), href: `status.docx${query({ period, org: param(c, 'org') })}` }],
  };
}

function log(c: PageCtx): PageOut {
  const undo = c.writable && listImports(c.db).some((e) => e.undone === null);
  return {
    title: t(c.lang, 'web_log'),
    view: logView(listImports(c.db), c.lang),
    choices: [],
    actions: undo ? [{ label: t(c.lang, 'web_undo'), href: 'undo' }] : [],
    note: c.writable ? t(c.lang, 'web_log_files') : undefined,
  };
}

/** 组织: the tree; with ?code=, one org's page as show gives it. */
function orgs(c: PageCtx): PageOut {
  const code = param(c, 'code');
  if (code === undefined) return { title: t(c.lang, 'web_orgs'), view: orgTreeView(c.q, c.db, c.lang), choices: [] };
  return profilePage(c, code, 'org');
}

function member(c: PageCtx): PageOut {
  const id = param(c, 'id');
  if (id === undefined) throw new UsageError({ id: 'web_need_code' });
  return profilePage(c, id, 'member');
}

function profilePage(c: PageCtx, code: string, kind: 'org' | 'member'): PageOut {
  const r = new Records(c.db);
  const found = r.find(code);
  if (found.kind !== 'one' || found.found.kind !== kind || found.found.code !== code) throw new UsageError({ id: 'web_unknown_code', params: { code } });
  const period = param(c, 'period') ?? null;
  const have = kind === 'org' ? c.q.reviewPeriods() : c.q.pointsPeriods();
  if (period !== null && !have.includes(period)) throw new UsageError({ id: 'web_bad_param', params: { name: 'period', value: period } });
  const profile = kind === 'org' ? orgProfile(c.q, r, c.rules, code, period, c.today) : memberProfile(c.q, r, c.rules, code, period);
  const choice: Choice = { name: 'period', label: t(c.lang, 'web_period'), kind: 'select', options: ['', ...[...have].reverse()], value: period ?? '' };
  return {
    title: `${code} ${found.found.name}`,
    view: profileView(profile, c.lang),
    choices: [{ name: kind === 'org' ? 'code' : 'id', label: '', kind: 'text', value: code }, choice],
  };
}

/** The search box: one org or member found goes to its page; several are listed; none says the closest. */
function search(c: PageCtx): PageOut {
  const text = param(c, 'q');
  if (text === undefined) throw new UsageError({ id: 'web_need_code' });
  const found = new Records(c.db).find(text);
  if (found.kind === 'none') {
    const hint = found.closest.map((x) => ({ id: 'candidate' as const, params: { code: x.code, name: x.name } }));
    throw new UsageError({ id: 'sh_unknown', params: { text, ...(hint.length ? { hint } : {}) } });
  }
  if (found.kind === 'one')
    return {
      title: text,
      view: candidatesView(text, [found.found], MANY, c.lang),
      choices: [],
      redirect: found.found.kind === 'org' ? `orgs${query({ code: found.found.code })}` : `member${query({ id: found.found.code })}`,
    };
  return { title: text, view: candidatesView(text, found.found, MANY, c.lang), choices: [] };
}

export const PAGES: Page[] = [
  { path: '', nav: 'web_overview', make: overview },
  { path: 'orgs', nav: 'web_orgs', make: orgs },
  { path: 'grade', nav: 'web_grade', make: grade },
  { path: 'stars', nav: 'web_stars', make: stars },
  { path: 'quota', nav: 'web_quota', make: quota },
  { path: 'ledger', nav: 'web_ledger', make: ledger },
  { path: 'annual', nav: 'web_annual', make: annual },
  { path: 'status', nav: 'web_status', make: status },
  { path: 'log', nav: 'web_log', make: log },
  { path: 'member', nav: null, make: member },
  { path: 'search', nav: null, make: search },
];
