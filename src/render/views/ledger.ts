// 问题台账 as a document — each problem as it stands at the date, then each
// committee's figures, ranked — and as JSON (SPEC §3 keys).
import type { View } from '../formats/index.js';
import { sourceText } from '../../core/model.js';
import type { Ledger, ProblemState } from '../../analyses/ledger.js';
import type { PlainId } from '../../core/messages/index.js';
import { t, word, type Lang } from '../i18n/index.js';
import { date, GAP, para, share, text, type CellValue, type Doc, type Part } from '../doc.js';
import { pct } from '../../core/numbers.js';
import type { Rules } from '../../core/rules.js';
import { officeNotice } from './bulletin.js';
import { committeeRow } from './ledger-rows.js';

/** A problem's state at the date, as a cell: closed, relapsed, overdue (supervised), resolved, or being rectified. */
function stateCell(s: ProblemState, lang: Lang): CellValue {
  if (s.closedAt) return text(t(lang, 'lg_closed'), 'ok');
  if (s.relapsed) return text(t(lang, 'lg_relapsed'), 'bad');
  if (s.supervised) return text(t(lang, 'lg_supervised', { days: s.days_overdue }), 'bad');
  if (s.overdue) return text(t(lang, 'lg_overdue', { days: s.days_overdue }), 'warn');
  return text(t(lang, s.done ? 'lg_done' : 'lg_open'));
}

/** The problems' table: `withOrg` for a ledger of many orgs (show leaves the org out). */
export function problemsTable(list: ProblemState[], lang: Lang, withOrg: boolean): Part {
  const ids: PlainId[] = [
    'lg_h_id',
    ...(withOrg ? (['lg_h_org', 'lg_h_name'] as PlainId[]) : []),
    'lg_h_source',
    'lg_h_content',
    'lg_h_found',
    'lg_h_due',
    'lg_h_state',
    'lg_h_src',
  ];
  const rows = list.map((s): CellValue[] => {
    const p = s.problem;
    return [
      text(p.id),
      ...(withOrg ? [text(p.org), text(s.name)] : []),
      text(word(lang, `src_${p.source}`)),
      text(p.content),
      date(p.found),
      date(p.due),
      stateCell(s, lang),
      text(sourceText(p.src)),
    ];
  });
  const content = withOrg ? 4 : 2;
  return {
    kind: 'table',
    table: { headers: ids.map((k) => t(lang, k)), rows, align: ids.map(() => 'left'), shrink: [content], none: t(lang, 'lg_none') },
  };
}

function ledgerDoc(l: Ledger, lang: Lang): Doc {
  const s = l.summary;
  const cHeaders = (
    ['lg_h_rank', 'lg_h_org', 'lg_h_name', 'lg_h_found_n', 'lg_h_closed_n', 'lg_h_rate', 'lg_h_overdue_n', 'lg_h_supervised_n'] as PlainId[]
  ).map((k) => t(lang, k));
  const cRows = l.committees.map((c) => committeeRow(c, true, lang));
  const summary = para(t(lang, 'lg_summary', { ...s, rate: s.rate === null ? '—' : pct(s.rate) }));
  const committees: Part = {
    kind: 'table',
    table: { headers: cHeaders, rows: cRows, align: ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right'], shrink: [2] },
  };
  return {
    lang,
    sections: [
      { id: 'ledger', title: t(lang, 'lg_title', { date: l.date }), parts: [summary, GAP] },
      { id: 'problems', title: t(lang, 'lg_problems'), parts: [problemsTable(l.problems, lang, true), GAP] },
      { id: 'committees', title: t(lang, 'lg_committees'), parts: [committees] },
    ],
  };
}

/** One problem as `ledger --format json` gives it. */
export function problemJson(s: ProblemState) {
  const p = s.problem;
  return {
    id: p.id,
    org: p.org,
    name: s.name,
    source: p.source,
    status: p.status,
    found: p.found,
    due: p.due,
    resolved: p.resolved,
    closed: p.closed,
    done: s.done,
    closed_at_date: s.closedAt,
    overdue: s.overdue,
    days_overdue: s.days_overdue,
    supervised: s.supervised,
    relapsed: s.relapsed,
    pledge: p.pledge,
    content: p.content,
    src: p.src,
  };
}

export function ledgerJson(l: Ledger) {
  return {
    date: l.date,
    problems: l.problems.map(problemJson),
    committees: l.committees.map((c) => ({
      org: c.org,
      name: c.name,
      found: c.found,
      closed: c.closed,
      rate: c.rate,
      overdue: c.overdue,
      supervised: c.supervised,
      rank: c.rank,
    })),
    summary: l.summary,
  };
}

/** The 公示表: the problems closed in a quarter, with what was done, by whom, and the masses' verdict. */
function publishedDoc(period: string, closed: ProblemState[], lang: Lang): Doc {
  const ids: PlainId[] = ['lg_h_id', 'lg_h_name', 'lg_h_content', 'lg_h_measures', 'lg_h_owner', 'lg_h_resolved', 'lg_h_closed', 'lg_h_satisfaction'];
  const rows = closed.map((s): CellValue[] => {
    const p = s.problem;
    const v = p.evaluation;
    const n = v ? v.satisfied + v.basic + v.unsatisfied : 0;
    return [
      text(p.id),
      text(s.name),
      text(p.content),
      text(p.measures),
      text(p.owner),
      date(p.resolved),
      date(p.closed),
      v && n ? share((v.satisfied + v.basic) / n) : null,
    ];
  });
  const table: Part = {
    kind: 'table',
    table: { headers: ids.map((k) => t(lang, k)), rows, align: ids.map((_, i) => (i === 7 ? 'right' : 'left')), shrink: [2, 3], none: t(lang, 'lg_none') },
  };
  return { lang, sections: [{ id: 'published', title: t(lang, 'lg_published_title', { period }), parts: [table] }] };
}

function publishedJson(period: string, closed: ProblemState[]) {
  return { period, problems: closed.map(problemJson) };
}

/** The 公示表 as a notice (--published Q --out X.docx): a paragraph that publishes it, the table as its attachment, the office's head and foot. */
export function publishedNoticeDoc(period: string, closed: ProblemState[], lang: Lang, office: Rules['office'], issued: string): Doc {
  const table = publishedDoc(period, closed, lang).sections[0];
  const title = t(lang, 'lg_published_title', { period });
  const name = t(lang, 'lg_published_list');
  return {
    lang,
    title,
    notice: officeNotice(lang, office, { title, issued, number: null, attachments: [name] }),
    sections: [
      { id: 'body', title: '', parts: [para(t(lang, 'lg_published_body', { period, n: closed.length }))] },
      { id: 'attachment-published', title: t(lang, 'bulletin_att_title', { n: 1, name }), attachment: 1, parts: table.parts },
    ],
  };
}

/** What ledger shows: each problem as it stands at the ledger's date. */
export const ledgerView = (l: Ledger, lang: Lang): View => ({ data: () => ledgerJson(l), doc: () => ledgerDoc(l, lang) });

/** What ledger --published shows: the problems closed in a quarter. */
export const publishedView = (period: string, closed: ProblemState[], lang: Lang): View => ({
  data: () => publishedJson(period, closed),
  doc: () => publishedDoc(period, closed, lang),
});
