// ledger --suggest: the problems a quarter implies, as a list, as JSON, or as
// a 问题台账 sheet pre-filled for the office to complete and import back
// (id, org, the quarter's last day as the date found, source, pledge, the
// problem drafted from its reasons; measures, owner and deadline left to fill).
import type { View } from '../formats/index.js';
import type ExcelJS from 'exceljs';
import type { Suggestion } from '../../analyses/ledger-suggest.js';
import type { PlainId } from '../../core/messages/index.js';
import { SECTION_DEFS } from '../../core/sections.js';
import { t, tm, word, type Lang } from '../i18n/index.js';
import { para, text, type Doc } from '../doc.js';
import { punct } from '../i18n/punctuation.js';
import { rowOf } from './export.js';
import { sheetOptions, styleSheet, streamingWorkbook } from '../formats/workbook.js';

const reasonText = (s: Suggestion, lang: Lang) => s.reasons.map((m) => tm(lang, m)).join(punct(lang, 'clause'));

function suggestDoc(period: string, list: Suggestion[], lang: Lang): Doc {
  const ids: PlainId[] = ['lg_h_id', 'lg_h_org', 'lg_h_name', 'lg_h_source', 'lg_h_reason'];
  const rows = list.map((s) => [text(s.id), text(s.org), text(s.name), text(word(lang, `src_${s.source}`)), text(reasonText(s, lang))]);
  const parts = list.length
    ? [{ kind: 'table' as const, table: { headers: ids.map((k) => t(lang, k)), rows, align: ids.map(() => 'left' as const), shrink: [4] } }]
    : [para(t(lang, 'lg_suggest_none', { period }))];
  return { lang, sections: [{ id: 'suggest', title: t(lang, 'lg_suggest_title', { period }), parts }] };
}

function suggestJson(period: string, list: Suggestion[], lang: Lang) {
  return {
    period,
    suggestions: list.map((s) => ({
      id: s.id,
      org: s.org,
      name: s.name,
      source: s.source,
      pledge: s.pledge,
      reason: reasonText(s, lang),
      reasons: s.reasons.map((m) => ({ code: m.id, message: tm(lang, m) })),
    })),
  };
}

/** The suggestions as rows of the 问题台账 sheet, found on `found` (the quarter's last day), to fill in and import. */
export async function suggestXlsx(list: Suggestion[], found: string, lang: Lang): Promise<Buffer> {
  const def = SECTION_DEFS.problems.sheet;
  const names = new Map(list.map((s) => [`org\u0000${s.org}`, s.name]));
  const { wb, finish } = await streamingWorkbook();
  const ws = wb.addWorksheet(def.label, sheetOptions(def));
  styleSheet(ws as unknown as ExcelJS.Worksheet, def);
  for (const s of list) {
    const record = { id: s.id, org: s.org, found, source: s.source, pledge: s.pledge, content: reasonText(s, lang), status: 'open' };
    ws.addRow(rowOf(def, record, names)).commit();
  }
  ws.commit();
  return await finish();
}

/** What ledger --suggest shows: the problems the quarter's figures suggest. */
export const suggestView = (period: string, list: Suggestion[], lang: Lang): View => ({
  data: () => suggestJson(period, list, lang),
  doc: () => suggestDoc(period, list, lang),
});
