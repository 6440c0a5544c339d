// Workbooks built with exceljs the way an office fills them: Chinese labels,
// date cells beside text dates and Excel serial numbers, numbers typed as
// text, a merged 季度 column, blank rows, a formula, an instructions sheet.
import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../src/read/workbook/excel.js';

/** A sheet: its rows (row 1 the headers), merged ranges, whether the sheet is hidden, and rows (1-based) hidden or struck through. */
export type SheetSpec = { name: string; rows: unknown[][]; merges?: string[]; hidden?: boolean; hiddenRows?: number[]; struckRows?: number[] };

/** A workbook of `sheets` (row 1 the headers) written to `path`. */
export async function workbook(path: string, sheets: SheetSpec[]): Promise<void> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    s.rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, j) => {
        if (v === undefined) return;
        const cell = row.getCell(j + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
        if (s.struckRows?.includes(i + 1)) cell.font = { strike: true };
      });
      if (s.hiddenRows?.includes(i + 1)) row.hidden = true;
      row.commit();
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The same small county as OFFICE_YAML, as a branch office would fill the template. */
export const OFFICE_SHEETS: SheetSpec[] = [
  { name: '填表说明', rows: [['填表说明'], ['每个工作表一类数据，一行一条记录。']] },
  {
    name: '组织',
    rows: [
      ['编号*', '名称', '类型', '上级编号', '类别'],
      ['W01', '城关镇党委', '党委', undefined, '机关'],
      ['D01', '红湾社区党支部', '党支部', 'W01', '社区'],
      ['D02', '东关社区党支部', '党支部', 'W01', '社区'],
    ],
  },
  {
    name: '党员',
    rows: [['姓名', '编号', '所在支部', '身份'], ['张三', 'M1', 'D01', '书记'], ['李四', 'M2', 'D01', '党员'], [], ['王五', 'M3', 'D02', '党员']],
  },
  {
    name: '季度测评',
    rows: [
      ['季度', '组织编号', '组织名称', '自评', '满意', '基本满意', '不满意', '上级评定', '点评日期', '点评人', '点评内容'],
      ['2011Q1', 'D01', '红湾社区党支部', '92', 40, 2, 0, { formula: '80+8', result: 88 }, day('2011-03-01'), '许长青', '工作扎实'],
      [undefined, 'D02', '东关社区党支部', 85, 35, 5, 2, 80],
    ],
    merges: ['A2:A3'],
  },
  {
    name: '党员积分',
    rows: [
      ['季度', '党员编号', '姓名', '带头学习提高', '带头争创佳绩', '带头服务群众', '带头遵纪守法', '带头弘扬正气'],
      ['2011Q1', 'M1', '张三', 20, 19, 18, 20, 19],
      ['2011Q1', 'M2', '李四', 18, 18, 18, 18, '18'],
      [],
      ['2011Q1', 'M3', '王五', 15, 16, 17, 18, 19],
    ],
  },
  {
    name: '积分扣减',
    rows: [
      ['季度', '党员编号', '姓名', '扣分项', '扣分', '原因'],
      ['2011Q1', 'M2', '李四', '带头遵纪守法', 2, '无故缺席组织生活'],
    ],
  },
  {
    name: '信息报送',
    rows: [
      ['组织编号', '组织名称', '日期', '标题', '采用级别'],
      ['D01', '红湾社区党支部', day('2011-01-05'), '红湾社区开展党员志愿服务', '县级'],
      ['D01', '红湾社区党支部', '2011-02-10', '红湾社区建立党员联系户制度', undefined],
      ['D01', '红湾社区党支部', 40602, '红湾社区推行民情流水线', '市级'],
      ['D02', '东关社区党支部', day('2011-01-20'), '东关社区举办技能培训', undefined],
    ],
  },
  { name: '下拉选项', hidden: true, rows: [['党支部'], ['党委']] },
];

/** The same records as OFFICE_SHEETS, in YAML. */
export const OFFICE_YAML: Record<string, string> = {
  'orgs.yaml': `orgs:
  - {code: W01, name: 城关镇党委, type: 党委, category: 机关}
  - {code: D01, name: 红湾社区党支部, type: 党支部, parent: W01, category: 社区}
  - {code: D02, name: 东关社区党支部, type: 党支部, parent: W01, category: 社区}
members:
  - {id: M1, name: 张三, org: D01, role: 书记}
  - {id: M2, name: 李四, org: D01, role: 党员}
  - {id: M3, name: 王五, org: D02, role: 党员}
`,
  'q1.yaml': `period: 2011Q1
reviews:
  - {org: D01, self: 92, masses: {satisfied: 40, basic: 2, unsatisfied: 0}, superior: 88, commentary: {date: "2011-03-01", by: 许长青, text: 工作扎实}}
  - {org: D02, self: 85, masses: {satisfied: 35, basic: 5, unsatisfied: 2}, superior: 80}
points:
  - {member: M1, study: 20, excel: 19, service: 18, discipline: 20, integrity: 19}
  - {member: M2, study: 18, excel: 18, service: 18, discipline: 18, integrity: 18, deductions: [{dimension: discipline, points: 2, reason: 无故缺席组织生活}]}
  - {member: M3, study: 15, excel: 16, service: 17, discipline: 18, integrity: 19}
reports:
  - {org: D01, date: "2011-01-05", title: 红湾社区开展党员志愿服务, adopted: 县级}
  - {org: D01, date: "2011-02-10", title: 红湾社区建立党员联系户制度}
  - {org: D01, date: "2011-02-28", title: 红湾社区推行民情流水线, adopted: 市级}
  - {org: D02, date: "2011-01-20", title: 东关社区举办技能培训}
`,
};
