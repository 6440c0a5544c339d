import { periodMonths } from '../core/dates.js';
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
import { monthAsked, param as paramOf, quarterAsked, yearAsked } from './ask.js';
import { dataPeriods, reviewYears } from '../analyses/period.js';

type Notice = (c: PageCtx) => { name: string; doc: Doc };

const param = (c: PageCtx, name: string): string | undefined => paramOf(c.params, name);

const report: Notice = (c) => {
  const month = monthAsked(c.params, c.q.reportMonths());
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
  const period = quarterAsked(c.params, dataPeriods(c.q), 'period_data');
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
  const year = yearAsked(c.params, reviewYears(c.q));
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
