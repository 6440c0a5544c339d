// The notices the pages offer as Word files, each made as its command makes
// it, dated today, unnumbered: 月度通报 (report --out X.docx), 催报通知 (status
// --out X.docx), 拟表彰对象公示 (annual --out X.docx). The 督办通知单 is not
// here: its numbers are kept in the database, which this view never writes.
import { UsageError } from '../core/errors.js';
import { normalizeMonth, periodMonths } from '../core/dates.js';
import { pct } from '../core/numbers.js';
import { annualFromStore, bulletinFromStore } from '../analyses/services.js';
import { statusFromStore } from '../analyses/status-store.js';
import { subtree } from '../analyses/scope.js';
import type { Doc } from '../render/doc.js';
import { bulletinDoc } from '../render/views/bulletin.js';
import { reminderNotice } from '../render/views/status.js';
import { publicityDoc } from '../render/views/annual-notice.js';
import { VERSION } from '../version.js';
import type { PageCtx } from './pages.js';

type Notice = (c: PageCtx) => { name: string; doc: Doc };

const param = (c: PageCtx, name: string): string | undefined => c.params.get(name)?.trim() || undefined;

const report: Notice = (c) => {
  const have = c.q.reportMonths();
  const asked = param(c, 'month');
  const month = asked === undefined ? have.at(-1) : normalizeMonth(asked);
  if (!month || !have.includes(month)) throw new UsageError({ id: 'no_data_month', params: { month: asked ?? '', have: have.join(', ') } });
  const org = param(c, 'org');
  const keep = subtree(c.q.orgs(), org);
  const b = bulletinFromStore(c.q, c.rules, month, keep);
  const scope = org === undefined ? null : { code: org, name: c.q.orgs().find((x) => x.code === org)!.name };
  const doc = bulletinDoc(b, c.lang, {
    version: VERSION,
    belowPct: pct(c.rules.grading.caps.satisfaction.below),
    office: c.rules.office,
    scope,
    issued: c.today,
    number: null,
    shown: Infinity,
  });
  return { name: `${month}${org ? `-${org}` : ''}-通报.docx`, doc };
};

const status: Notice = (c) => {
  const have = [...new Set([...c.q.reviewPeriods(), ...c.q.pointsPeriods(), ...c.q.reportPeriods()])].sort();
  const period = param(c, 'period') ?? have.at(-1);
  if (!period || !have.includes(period)) throw new UsageError({ id: 'web_bad_param', params: { name: 'period', value: period ?? '' } });
  const s = statusFromStore(
    c.q,
    c.db,
    c.rules,
    period,
    periodMonths(period).filter((m) => m <= c.today.slice(0, 7)),
    subtree(c.q.orgs(), param(c, 'org')),
  );
  return { name: `${period}-催报通知.docx`, doc: reminderNotice(s, { lang: c.lang, date: c.today, number: null, office: c.rules.office }) };
};

const annual: Notice = (c) => {
  const years = [...new Set(c.q.reviewPeriods().map((p) => p.slice(0, 4)))];
  const year = param(c, 'year') ?? years.at(-1);
  if (!year || !years.includes(year)) throw new UsageError({ id: 'yr_no_year', params: { have: years.join(', ') } });
  const orgs = c.q.orgs();
  const a = annualFromStore(c.q, c.rules, year, subtree(orgs, param(c, 'org')), true);
  const doc = publicityDoc(a, new Map(orgs.map((x) => [x.code, x.name])), new Map(orgs.map((x) => [x.code, x.parent])), {
    lang: c.lang,
    date: c.today,
    number: null,
    office: c.rules.office,
    days: c.rules.annual.publicity_days,
  });
  return { name: `${year}-公示.docx`, doc };
};

export const NOTICES: Record<string, Notice> = { 'report.docx': report, 'status.docx': status, 'annual.docx': annual };
