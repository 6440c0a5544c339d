// The grading (分类定级) as a document, and its JSON (SPEC §3 keys).
import type { View } from '../formats/index.js';
import type { Grading, OrgGrade } from '../../analyses/grade.js';
import { pct } from '../../core/numbers.js';
import type { PlainId } from '../../core/messages/index.js';
import { t, word, type Lang } from '../i18n/index.js';
import { GAP, num, para, share, text, type Align, type Doc, type Part, type Tone } from '../doc.js';
import { explainJson, explainParts, explainText } from './explain.js';
import { punct } from '../i18n/punctuation.js';

const gradeTone = (g: string): Tone => (g === 'good' || g === 'fair' || g === 'average' || g === 'poor' ? g : 'ungraded');

function notes(o: OrgGrade, lang: Lang, compact: boolean): string {
  const n: string[] = [];
  if (o.grade === 'ungraded') n.push(t(lang, 'n_no_review'));
  if (o.override) n.push(compact ? t(lang, 'n_override_short') : t(lang, 'n_override', { reason: o.reason ?? '' }));
  for (const c of o.caps) n.push(t(lang, `n_cap_${c}`));
  for (const f of o.flags) if (f === 'commentary_overdue') n.push(t(lang, 'n_commentary_overdue'));
  return n.join(punct(lang, 'clause'));
}

/**
 * `compact`: the terminal's table, fitted to its width: short notes, long
 * names cut when they must be, the computed grade only where an override
 * replaced it (listed under the table). `belowPct`: the satisfaction cap, as shown.
 */
export function gradingDoc(g: Grading, lang: Lang, opts: { compact: boolean; explain: boolean; belowPct: string; explainColumn?: boolean }): Doc {
  const w = (k: string) => word(lang, k);
  const { compact } = opts;
  const cols: PlainId[] = compact
    ? ['g_org', 'g_name', 'g_composite', 'g_sat', 'g_grade', 'g_move_short', 'g_action', 'g_notes']
    : ['g_org', 'g_name', 'g_composite', 'g_sat', 'g_computed', 'g_grade', 'g_move', 'g_action', 'g_notes'];
  const rows = g.orgs.map((o) => [
    text(o.org),
    text(o.name),
    o.composite === null ? null : num(o.composite, 1),
    share(o.satisfaction),
    ...(compact ? [] : [text(o.computed ? w(o.computed) : '')]),
    text(w(o.grade), gradeTone(o.grade)),
    text(o.movement ? w(o.movement) : ''),
    text(o.action ? w(o.action) : ''),
    text(notes(o, lang, compact)),
    // A table holds the explanation in a column of its own (CSV has no room for anything else).
    ...(opts.explainColumn ? [text(explainText(o.explain, lang))] : []),
  ]);
  const align: Align[] = cols.map((k) => (k === 'g_composite' || k === 'g_sat' ? 'right' : 'left'));
  const headers = [...cols.map((k) => t(lang, k)), ...(opts.explainColumn ? [t(lang, 'g_explain')] : [])];
  const parts: Part[] = [{ kind: 'table', table: { headers, rows, align, shrink: [1, cols.length - 1] } }, GAP, para(t(lang, 'g_summary', g.summary))];
  const sep = punct(lang, 'list');
  const names = new Map(g.orgs.map((o) => [o.org, o.name]));
  const named = (codes: string[]) => codes.map((code) => `${code} ${names.get(code) ?? ''}`.trim()).join(sep);
  for (const o of g.orgs.filter((x) => x.override)) {
    parts.push(para(t(lang, 'g_override_line', { org: `${o.org} ${o.name}`, computed: w(o.computed ?? ''), grade: w(o.grade), reason: o.reason ?? '' })));
  }
  if (g.remedial.length) parts.push(para(t(lang, 'g_remedial', { below: opts.belowPct, list: named(g.remedial) })));
  const late = g.orgs.filter((o) => o.flags.includes('commentary_overdue')).map((o) => o.org);
  if (late.length) parts.push(para(t(lang, 'g_commentary_list', { list: named(late) })));
  for (const s of g.shares) {
    parts.push(para(t(lang, s.bound === 'max' ? 'g_share_max' : 'g_share_min', { grade: s.grade, share: pct(s.share), limit: pct(s.limit) }), 'warn'));
  }
  if (opts.explain && !opts.explainColumn) {
    for (const o of g.orgs) {
      parts.push(GAP, {
        kind: 'para',
        spans: [{ text: `${o.org} ${o.name}`, tone: 'strong' }, { text: '  ' }, { text: w(o.grade), tone: gradeTone(o.grade) }],
      });
      parts.push(...explainParts(o.explain, lang));
    }
  }
  return { lang, sections: [{ id: 'grade', title: t(lang, 'g_title', { period: g.period }), parts }] };
}

function gradingJson(g: Grading, lang: Lang, explain: boolean) {
  return {
    period: g.period,
    orgs: g.orgs.map((o) => ({
      org: o.org,
      name: o.name,
      type: o.type,
      composite: o.composite,
      masses_score: o.masses_score === null ? null : Math.round(o.masses_score * 100) / 100,
      level: o.level,
      computed: o.computed,
      grade: o.grade,
      override: o.override,
      reason: o.reason,
      satisfaction: o.satisfaction,
      caps: o.caps,
      flags: o.flags,
      remedial: o.remedial,
      action: o.action,
      movement: o.movement,
      previous: o.previous,
      ...(explain ? { explain: explainJson(o.explain, lang) } : {}),
    })),
    summary: g.summary,
    remedial: g.remedial,
    share_warnings: g.shares,
  };
}

/** What grade shows: each org's scores and grade (`opts`: the layout of the document). */
export const gradingView = (g: Grading, lang: Lang, opts: { compact: boolean; explain: boolean; belowPct: string; explainColumn?: boolean }): View => ({
  data: () => gradingJson(g, lang, opts.explain),
  doc: () => gradingDoc(g, lang, opts),
});
