// The grading table (分类定级) in every format, and its JSON (SPEC §3 keys).
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { pct as share, type Grading, type OrgGrade } from '../grade/grade.js';
import { t, word, type Lang } from './i18n.js';
import { renderRows, type RowFormat } from './rows.js';
import type { Cell } from './table.js';
import { explainJson, explainLines } from './explain.js';

export function gradeColor(c: ChalkInstance, grade: string): (s: string) => string {
  switch (grade) {
    case 'good': return c.green;
    case 'fair': return c.cyan;
    case 'average': return c.yellow;
    case 'poor': return c.red;
    default: return c.dim;
  }
}

/** Cut text to `max` display columns, marking the cut with …. */
function truncate(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

const pct = (x: number | null) => (x === null ? '' : share(x));

function notes(o: OrgGrade, lang: Lang, compact: boolean): string {
  const n: string[] = [];
  if (o.grade === 'ungraded') n.push(t(lang, 'n_no_review'));
  if (o.override) n.push(compact ? t(lang, 'n_override_short') : t(lang, 'n_override', { reason: o.reason ?? '' }));
  for (const c of o.caps) n.push(t(lang, c === 'satisfaction' ? 'n_cap_satisfaction' : 'n_cap_overdue_pledge'));
  for (const f of o.flags) n.push(t(lang, f === 'commentary_overdue' ? 'n_commentary_overdue' : f));
  return n.join(lang === 'zh' ? '；' : '; ');
}

export function renderGrading(g: Grading, format: RowFormat, lang: Lang, c: ChalkInstance, explain: boolean, belowPct: string): string {
  const w = (k: string) => word(lang, k);
  // The terminal table fits 80 columns: short notes, long names cut, the computed
  // grade only where an override replaced it (listed under the table).
  const compact = format === 'table';
  const cols = compact
    ? ['g_org', 'g_name', 'g_composite', 'g_sat', 'g_grade', 'g_move', 'g_action', 'g_notes']
    : ['g_org', 'g_name', 'g_composite', 'g_sat', 'g_computed', 'g_grade', 'g_move', 'g_action', 'g_notes'];
  const headers = cols.map((k) => t(lang, (compact && k === 'g_move' ? 'g_move_short' : k) as never));
  const rows = g.orgs.map((o): (string | Cell)[] => [
    o.org,
    compact ? truncate(o.name, 18) : o.name,
    o.composite === null ? '' : o.composite.toFixed(1),
    pct(o.satisfaction),
    ...(compact ? [] : [o.computed ? w(o.computed) : '']),
    { text: w(o.grade), style: gradeColor(c, o.grade) },
    o.movement ? w(o.movement) : '',
    o.action ? w(o.action) : '',
    notes(o, lang, compact),
  ]);
  const align = cols.map((k) => (k === 'g_composite' || k === 'g_sat' ? 'right' : 'left') as 'left' | 'right');
  const table = renderRows(format, headers, rows, align);
  if (format === 'csv') return table;
  const out: string[] = [];
  if (format === 'md') out.push(`## ${t(lang, 'g_title', { period: g.period })}`, '');
  else out.push(c.bold(t(lang, 'g_title', { period: g.period })));
  out.push(table, '');
  out.push(t(lang, 'g_summary', g.summary));
  const sep = lang === 'zh' ? '、' : ', ';
  const names = new Map(g.orgs.map((o) => [o.org, o.name]));
  const named = (codes: string[]) => codes.map((code) => `${code} ${names.get(code) ?? ''}`.trim()).join(sep);
  for (const o of g.orgs.filter((x) => x.override)) {
    out.push(t(lang, 'g_override_line', { org: `${o.org} ${o.name}`, computed: w(o.computed ?? ''), grade: w(o.grade), reason: o.reason ?? '' }));
  }
  if (g.remedial.length) out.push(t(lang, 'g_remedial', { below: belowPct, list: named(g.remedial) }));
  const late = g.orgs.filter((o) => o.flags.includes('commentary_overdue')).map((o) => o.org);
  if (late.length) out.push(t(lang, 'g_commentary_list', { list: named(late) }));
  for (const s of g.shares) {
    out.push(c.yellow(t(lang, s.bound === 'max' ? 'g_share_max' : 'g_share_min', { grade: s.grade, share: pct(s.share), limit: pct(s.limit) })));
  }
  if (explain) {
    for (const o of g.orgs) {
      out.push('', `${c.bold(`${o.org} ${o.name}`)}  ${gradeColor(c, o.grade)(w(o.grade))}`, ...explainLines(o.explain, lang));
    }
  }
  return out.join(format === 'md' ? '\n\n' : '\n').replace(/\n\n\n+/g, '\n\n');
}

export function gradingJson(g: Grading, lang: Lang, explain: boolean) {
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
