// `cxzy template`: the workbook branches fill in. Every sheet of SPEC §1 with
// its headers (required ones marked *), dropdowns of Chinese labels for
// enumerations, whole-number and range checks (points up to the rules'
// max_points), date checks, code columns as text, the header row frozen, and
// a 填表说明 sheet with the rules and an example row of each sheet.
// Pre-filled, when asked, with a subtree's orgs and members and the quarter's
// review and points rows to score.
import type ExcelJS from 'exceljs';
import { LEADS, SECTIONS, type Member, type Org, type Problem } from '../../core/model.js';
import { specRecord } from './export.js';
import { SECTION_DEFS, type SheetDef } from '../../core/sections.js';
import { ATTACHED_SHEETS } from '../../core/attached-sheets.js';
import { sheetFields, type FieldInfo } from '../../read/workbook/fields.js';
import { colName } from '../../read/workbook/sheet.js';
import { HEAD_FILL, labelOf, printOptions, sheetOptions, styleSheet, streamingWorkbook } from '../formats/workbook.js';
import { ooxmlText } from '../../core/text.js';

export interface TemplateInput {
  /** The rules' full marks for each of the five leads. */
  maxPoints: number;
  /** The quarter the rows to fill are for. */
  period: string | null;
  orgs: Org[];
  members: Member[];
  /** Orgs to be given a review row, members a points row (with `period`). */
  reviewOrgs: Org[];
  pointsMembers: Member[];
  /** Problems not yet closed, to report progress on. */
  problems: Problem[];
}

/** Empty rows given the checks, below any pre-filled ones. */
const ROWS_TO_FILL = 500;

/** Each section's sheet, followed by the sheets whose rows attach to its records (积分扣减 after 党员积分). */
const SHEETS: SheetDef[] = SECTIONS.flatMap((s) => [SECTION_DEFS[s].sheet, ...ATTACHED_SHEETS.filter((a) => a.section === s).map((a) => a.sheet)]);

/** The example org and member (their schemas' examples), by code, for the name columns beside a code (组织名称, 姓名). */
const NAMES = new Map(
  (['orgs', 'members'] as const).map((s) => {
    const f = sheetFields(SECTION_DEFS[s].sheet);
    return [f.get(s === 'orgs' ? 'code' : 'id')?.example, { kind: s === 'orgs' ? 'org' : 'member', name: f.get('name')?.example }] as const;
  }),
);

/** One example row of a sheet, by key, from its schema's examples: each field's, and beside a code the name of the example it names. */
function exampleRow(def: SheetDef): Record<string, unknown> {
  const fields = sheetFields(def);
  const row: Record<string, unknown> = Object.fromEntries(def.columns.map((c) => [c.field, fields.get(c.field)?.example]));
  for (const n of def.names ?? []) {
    const known = NAMES.get(row[n.ref]);
    if (known?.kind === n.kind) row[`#${n.label}`] = known.name;
  }
  return row;
}

const GUIDE = [
  '每个工作表填一类数据，一行一条记录。请不要改动工作表名称和第 1 行的列名；列的先后可以调整，用不到的选填列可以删除。',
  '列名带 * 的必须填写，其他列可以空着。',
  '编号（组织编号、党员编号、承诺编号等）按文本填写。以 0 开头的编号（如 0101）要先把单元格设为“文本”格式，否则 Excel 会把它变成数字 101。',
  '日期填成 2011-03-05 这样，或直接使用 Excel 的日期单元格。季度填成 2011Q1 这样（2011 年第一季度）。',
  '有下拉箭头的单元格请从列表中选择；分数、票数超出范围时 Excel 会提示。',
  '“组织名称”“姓名”两列只用于核对编号：导入时不保存，与编号对应的名称不一致时会提示。',
  '党员的扣分填在“积分扣减”表，每项扣分一行；同一季度的“党员积分”表里要有这名党员的积分。',
  '问题的回头看填在“回头看”表，每次一行；“问题台账”表里要有这个编号的问题，且已销号。',
  '填好后保存为 Excel 工作簿（.xlsx），不要另存为 .xls、.et 或 .csv。',
  '办公室用 cxzy validate 检查、cxzy import 导入；有错误时会指出工作表和单元格（如 党员积分!C14），并可用 validate --annotate 生成标出错误的副本退回修改。',
];

/** A column's check and the note shown when a cell is selected. */
function validation(f: FieldInfo, field: string, maxPoints: number, period: string | null): ExcelJS.DataValidation | null {
  const prompt = (text: string, error?: string) => ({
    showInputMessage: true,
    promptTitle: '填写提示',
    prompt: text,
    ...(error ? { showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: '输入有误', error } : {}),
  });
  const points = (LEADS as readonly string[]).includes(field) || field === 'points';
  if (f.kind === 'enum' || f.kind === 'bool') {
    const list = f.labels!.join(',');
    return {
      type: 'list',
      allowBlank: !f.required,
      formulae: [`"${list}"`],
      ...prompt(`从列表中选择：${f.labels!.join('、')}`, `请从列表中选择：${f.labels!.join('、')}`),
    };
  }
  if (f.kind === 'integer') {
    return {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [f.min ?? 0, f.max ?? 10_000_000],
      ...prompt('填写整数（票数）', `请填写 ${f.min ?? 0} 到 ${f.max ?? 10_000_000} 之间的整数`),
    };
  }
  if (f.kind === 'number') {
    const max = points ? maxPoints : (f.max ?? 100);
    const min = f.above ?? f.min ?? 0;
    const text = f.above !== undefined ? ` 大于 ${min}、不超过 ${max} 的数` : ` ${min} 到 ${max} 之间的数`;
    return { type: 'decimal', operator: 'between', allowBlank: !f.required, formulae: [min, max], ...prompt(`填写${text}`, `请填写${text}`) };
  }
  if (f.kind === 'date') {
    return {
      type: 'date',
      operator: 'between',
      allowBlank: !f.required,
      formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
      ...prompt('填写日期，如 2011-03-05', '请填写日期，如 2011-03-05'),
    };
  }
  if (f.kind === 'period') {
    // A member's row may leave its quarter blank: the workbook's quarter applies.
    const allowBlank = !f.required;
    if (period) return { type: 'list', allowBlank, formulae: [`"${period}"`], ...prompt(`季度：${period}`, `本表的季度是 ${period}`) };
    return { type: 'textLength', operator: 'equal', allowBlank, formulae: [6], ...prompt('季度，如 2011Q1', '季度写成 2011Q1 这样') };
  }
  if (f.kind === 'code')
    return {
      type: 'textLength',
      operator: 'between',
      allowBlank: !f.required,
      formulae: [1, 64],
      ...prompt('编号按文本填写，如 D0101；以 0 开头的编号请先把单元格设为文本格式', '编号最长 64 位'),
    };
  return null;
}

/** A record's groups as a sheet's columns hold them: evaluation.satisfied, …. */
const flat = (r: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(r).flatMap(([k, v]) =>
      v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>).map(([p, x]) => [`${k}.${p}`, x]) : [[k, v]],
    ),
  );

/** The rows of `def` pre-filled from `input`, by field (#组织名称 and #姓名 for the name columns). */
function prefilled(def: SheetDef, input: TemplateInput): Record<string, unknown>[] {
  const p = input.period;
  switch (def.slug) {
    case 'orgs':
      return input.orgs.map((o) => ({
        code: o.code,
        name: o.name,
        type: o.type,
        parent: o.parent,
        category: o.category,
        secretary: o.secretary,
        active: o.active,
      }));
    case 'members':
      return input.members.map((m) => ({ id: m.id, name: m.name, org: m.org, role: m.role, active: m.active }));
    case 'reviews':
      return p ? input.reviewOrgs.map((o) => ({ period: p, org: o.code, '#组织名称': o.name })) : [];
    case 'points':
      return p ? input.pointsMembers.map((m) => ({ period: p, member: m.id, '#姓名': m.name })) : [];
    case 'problems': {
      const names = new Map(input.orgs.map((o) => [o.code, o.name]));
      return input.problems.map((x) => ({ ...flat(specRecord('problems', x)), '#组织名称': names.get(x.org) ?? null }));
    }
    default:
      return [];
  }
}

function cellValue(def: SheetDef, field: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  const kind = sheetFields(def).get(field)?.kind;
  if (kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
  if (kind === 'enum' || kind === 'bool') return labelOf(def, field, v);
  return typeof v === 'string' ? ooxmlText(v) : v;
}

const keys = (def: SheetDef) => [...def.columns.map((c) => c.field), ...(def.names ?? []).map((n) => `#${n.label}`)];

function guide(ws: ExcelJS.Worksheet): void {
  ws.columns = [{ width: 6 }, ...Array.from({ length: 14 }, () => ({ width: 16 }))];
  ws.addRow(['填表说明']).font = { bold: true, size: 14 };
  GUIDE.forEach((g, i) => ws.addRow([`${i + 1}.`, g]));
  ws.addRow([]);
  ws.addRow(['示例（每个工作表一行；请在对应的工作表中填写，不要填在本页）']).font = { bold: true };
  for (const def of SHEETS) {
    ws.addRow([]);
    ws.addRow([def.label]).font = { bold: true };
    const head = ws.addRow(['', ...keys(def).map((k) => def.columns.find((c) => c.field === k)?.label ?? k.slice(1))]);
    head.fill = HEAD_FILL;
    const example = exampleRow(def);
    ws.addRow(['', ...keys(def).map((k) => cellValue(def, k, example[k]))]).eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'yyyy-mm-dd';
    });
  }
}

export async function templateXlsx(input: TemplateInput): Promise<Buffer> {
  const { wb, finish } = await streamingWorkbook();
  const g = wb.addWorksheet('填表说明', printOptions(2, null));
  guide(g as unknown as ExcelJS.Worksheet);
  g.commit();
  for (const def of SHEETS) {
    const ws = wb.addWorksheet(def.label, sheetOptions(def));
    styleSheet(ws as unknown as ExcelJS.Worksheet, def, true);
    const rows = prefilled(def, input);
    for (const r of rows) ws.addRow(keys(def).map((k) => cellValue(def, k, r[k]))).commit();
    const last = rows.length + 1 + ROWS_TO_FILL;
    const fields = sheetFields(def);
    def.columns.forEach((c, i) => {
      const v = validation(fields.get(c.field)!, c.field, input.maxPoints, input.period);
      const col = colName(i + 1);
      // exceljs writes a range's validation as one rule; its typings leave the method out.
      if (v) (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}2:${col}${last}`, v);
    });
    ws.commit();
  }
  return await finish();
}
