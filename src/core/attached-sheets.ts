// Sheets whose rows each add one item to a list of a record on another sheet
// of the same workbook (积分扣减 → a points record's deductions, 回头看 → a
// problem's rechecks): the reader, the template and export take them from here.
import type { Section } from './model.js';
import type { SheetDef } from './sections.js';

const col = (label: string, field: string) => ({ label, field });
const memberName = { label: '姓名', ref: 'member', kind: 'member' as const };

/**
 * A sheet whose rows each add one item to a list field of a record on
 * another sheet of the same workbook: 积分扣减 (a points record's deductions),
 * 回头看 (a problem's rechecks).
 */
export interface AttachedSheet {
  sheet: SheetDef;
  /** The section and list field the items go to; its items' schema is that field's. */
  section: Section;
  field: string;
  /** The row's fields that name the record, with the record's field each matches (a row's quarter is its `period`). */
  by: [string, string][];
  /** The message for a row whose record is not on the workbook. */
  orphan: 'deduction_no_points' | 'recheck_no_problem';
}

/** Deductions from points, one per row, added to the member's points of that quarter in the same workbook. */
export const DEDUCTIONS_SHEET: SheetDef = {
  label: '积分扣减',
  aliases: ['积分扣分'],
  slug: 'deductions',
  columns: [col('季度', 'period'), col('党员编号', 'member'), col('扣分项', 'dimension'), col('扣分', 'points'), col('原因', 'reason')],
  names: [memberName],
};

/** 回头看, one per row, added to the problem of that id in the same workbook. */
export const RECHECKS_SHEET: SheetDef = {
  label: '回头看',
  slug: 'rechecks',
  columns: [col('问题编号', 'problem'), col('日期', 'date'), col('结果', 'result'), col('说明', 'note')],
};

export const ATTACHED_SHEETS: AttachedSheet[] = [
  {
    sheet: DEDUCTIONS_SHEET,
    section: 'points',
    field: 'deductions',
    by: [
      ['member', 'member'],
      ['period', 'period'],
    ],
    orphan: 'deduction_no_points',
  },
  { sheet: RECHECKS_SHEET, section: 'problems', field: 'rechecks', by: [['problem', 'id']], orphan: 'recheck_no_problem' },
];
