// Workbooks: reading filled sheets, the template, annotated copies, export.
import type { WorkbookMessages } from '../../core/messages/workbook.js';
import type { Catalog, Lang } from './catalog.js';
import { punct } from './punctuation.js';

/** Row ranges as the reader gives them (5-9,12), listed as the language lists. */
const rowList = (rows: unknown, lang: Lang) => String(rows).split(',').join(punct(lang, 'list'));

export const workbook: Catalog<WorkbookMessages> = {
  cell_shown: {
    zh: (p) => `列“${p.header}”：${p.value === '' ? '（空）' : p.value}`,
    en: (p) => `column "${p.header}": ${p.value === '' ? '(empty)' : p.value}`,
  },
  cell_header: {
    zh: (p) => `列“${p.header}”`,
    en: (p) => `column "${p.header}"`,
  },
  xlsx_old_format: {
    zh: (p) => `不能读取 ${p.ext} 文件：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再导入`,
    en: (p) => `${p.ext} files cannot be read: open it in Excel or WPS and save it as an Excel workbook (.xlsx)`,
  },
  xlsx_password: {
    zh: () =>
      `这个工作簿设置了打开密码，无法读取（另存时密码会一并保存）：在 Excel 中打开它，点“文件”›“信息”›“保护工作簿”›“用密码进行加密”，删去密码后保存；在 WPS 中点“文件”›“文档加密”›“密码加密”，删去“打开权限”的密码后保存；然后再导入`,
    en: () =>
      `this workbook has an open password and cannot be read (saving it again keeps the password): in Excel, File › Info › Protect Workbook › Encrypt with Password, clear the password and save; in WPS, File › Document Encryption › Password Encryption, clear the open password and save; then import it`,
  },
  xlsx_damaged: {
    // The reason is the zip or XML library's own words, in English: Chinese text gives the remedy instead.
    zh: () => `无法读取这个工作簿（文件已损坏或不完整，或不是 .xlsx 格式）：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（.xlsx）”后再导入`,
    en: (p) => `this workbook cannot be read (damaged, or not in .xlsx format): ${p.reason}`,
  },
  xlsx_too_many_cells: {
    zh: (p) => `工作簿的单元格超过 ${p.limit} 个，不予读取：请检查是否误填了整列或整行，或把数据分成几个文件`,
    en: (p) => `the workbook has more than ${p.limit} cells and is not read: check for whole rows or columns filled by mistake, or split it into several files`,
  },
  xlsx_cell_too_long: {
    zh: (p) => `工作簿中有单元格超过 ${p.limit} 个字符（Excel 单元格的上限），不予读取`,
    en: (p) => `a cell of the workbook holds more than ${p.limit} characters (Excel's own limit); the workbook is not read`,
  },
  xlsx_too_large_inflated: {
    zh: (p) => `工作簿解压后超过 ${p.limit} MiB，不予读取（文件异常）：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入`,
    en: (p) => `the workbook inflates to more than ${p.limit} MiB and is not read (an abnormal file): open it in Excel or WPS and save it as .xlsx again`,
  },
  xlsx_bad_ref: {
    zh: (p) =>
      `工作簿中有单元格位置“${p.ref}”超出了 Excel 工作表的范围（最多 1048576 行、XFD 列），文件异常，不予读取：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入`,
    en: (p) =>
      `the workbook places a cell at "${p.ref}", past an Excel sheet's last row (1048576) or column (XFD): an abnormal file, not read; open it in Excel or WPS and save it as .xlsx again`,
  },
  xlsx_merged_too_large: {
    zh: (p) => `工作表的合并单元格共覆盖超过 ${p.limit} 个单元格，不予读取：请取消不必要的合并`,
    en: (p) => `the sheet's merged ranges cover more than ${p.limit} cells; the workbook is not read: unmerge what need not be merged`,
  },
  cell_malformed: {
    zh: (p) => `单元格的内容“${p.value}”与它在文件中标明的类型不符（文件可能被其他软件改动过）：请在 Excel 或 WPS 中重新输入`,
    en: (p) =>
      `the cell holds "${p.value}", which its type in the file cannot hold (the file may have been altered by another program): type it again in Excel or WPS`,
  },
  xlsx_no_sheets: {
    zh: (p) => `工作簿里没有可导入的工作表（现有：${p.sheets}）；工作表应命名为 ${p.expected}`,
    en: (p) => `the workbook has no sheet to import (it has: ${p.sheets}); sheets are named ${p.expected}`,
  },
  sheet_twice: {
    zh: (p) => `${p.section}已在工作表“${p.first}”中，同一数据不能分在两个工作表`,
    en: (p) => `${p.section} are already in sheet "${p.first}"; one section goes in one sheet`,
  },
  sheet_no_header: {
    zh: () => `第 1 行应为列名（如“编号”“姓名”），这里是空的`,
    en: () => `row 1 holds the column headers; it is empty`,
  },
  header_unknown: {
    zh: (p) => `未知的列名“${p.header}”${p.hint ? `，是否应为“${p.hint}”？` : `；这个工作表可用的列名：${p.allowed}`}`,
    en: (p) => `unknown column header "${p.header}"${p.hint ? `; did you mean "${p.hint}"?` : `; this sheet's headers: ${p.allowed}`}`,
  },
  header_twice: {
    zh: (p) => `列名“${p.header}”重复（第一次在 ${p.first} 列）`,
    en: (p) => `column header "${p.header}" appears twice (first in column ${p.first})`,
  },
  header_missing: {
    zh: (p) => `缺少必填的列“${p.header}”`,
    en: (p) => `the required column "${p.header}" is missing`,
  },
  header_blank: {
    zh: () => `这一列有内容但没有列名，不会被导入：请在第 1 行填上列名，或删除这一列`,
    en: () => `this column has values but no header, so they would not be imported: add a header in row 1 or remove the column`,
  },
  code_number: {
    zh: (p) => `编号被存成了数字 ${p.value}：以 0 开头的编号（如 0101）会丢掉开头的 0。请把这一列设置为“文本”格式后重新输入编号`,
    en: (p) =>
      `the code was stored as the number ${p.value}: a code starting with 0 (such as 0101) loses its zeros. Format the column as Text and type the code again`,
  },
  formula_no_value: {
    zh: () => `公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再导入`,
    en: () => `the formula has no computed value: open and save the workbook in Excel or WPS first`,
  },
  cell_error: {
    zh: (p) => `单元格是错误值 ${p.value}`,
    en: (p) => `the cell holds the error value ${p.value}`,
  },
  recheck_no_problem: {
    zh: (p) => `本工作簿的“问题台账”中没有编号为 ${p.problem} 的问题，回头看无处可记`,
    en: (p) => `this workbook's problems sheet has no problem ${p.problem} for the recheck to apply to`,
  },
  deduction_no_points: {
    zh: (p) => `本工作簿的“党员积分”中没有党员 ${p.member} 在 ${p.period} 的积分，扣分无处可扣`,
    en: (p) => `this workbook's points sheet has no points of member ${p.member} in ${p.period} for the deduction to apply to`,
  },
  exported: {
    zh: (p) => `已导出 ${p.n} 条记录到 ${p.file}`,
    en: (p) => `exported ${p.n} record(s) to ${p.file}`,
  },
  export_ext: {
    zh: (p) => `不知道以什么格式导出 ${p.file}：文件名应以 .yaml 或 .xlsx 结尾`,
    en: (p) => `cannot tell what to export ${p.file} as: the name ends in .yaml or .xlsx`,
  },
  h_template: {
    zh: () => `生成填报用的 Excel 工作簿：各工作表、列名、下拉列表和数值检查，以及填表说明；可按组织和季度预先填好`,
    en: () =>
      `write the fill-in workbook: every sheet with its headers, dropdowns and number checks, and instructions; pre-filled for an org and a quarter when asked`,
  },
  h_template_out: {
    zh: () => `输出的 .xlsx 文件（--split 时为文件夹）`,
    en: () => `the .xlsx file to write (with --split, a folder)`,
  },
  h_template_split: {
    zh: () =>
      `每个党支部、每个党委（填本级的信息报送、培树典型）各一个工作簿（如 D0101-红湾社区党支部-2011Q2.xlsx），写入 --out 指定的文件夹；文件夹中已有同名工作簿时什么也不写`,
    en: () =>
      `one workbook per branch, and per committee for its own reports and typicals (code, name and quarter: D0101-<name>-2011Q2.xlsx), in the --out folder; nothing is written where a workbook of the same name is there`,
  },
  h_template_force: {
    zh: () => `与 --split 一起用：覆盖文件夹中同名的工作簿（已填好的表也会被空白模板替换）`,
    en: () => `with --split: replace the workbooks of the same names in the folder (filled-in ones too)`,
  },
  template_ext: {
    zh: (p) => `模板是 Excel 工作簿：${p.file} 应以 .xlsx 结尾`,
    en: (p) => `the template is an Excel workbook: ${p.file} should end in .xlsx`,
  },
  template_wrote: {
    zh: (p) => `已生成填报模板 ${p.file}`,
    en: (p) => `wrote the fill-in template ${p.file}`,
  },
  template_split: {
    zh: (p) => `已为 ${p.n} 个党支部、${p.committees} 个党委各生成一个工作簿，在 ${p.dir}`,
    en: (p) => `wrote one workbook for each of ${p.n} branches and ${p.committees} committees into ${p.dir}`,
  },
  split_exists: {
    zh: (p) => `文件夹 ${p.dir} 中已有 ${p.n} 个同名文件（如 ${p.files}），为免覆盖已填好的表，什么也没有写；请换一个空文件夹，或加 --force 覆盖`,
    en: (p) =>
      `the folder ${p.dir} already holds ${p.n} file(s) of these names (such as ${p.files}); nothing was written, so no filled-in workbook is overwritten: choose an empty folder`,
  },
  split_needs_dir: {
    zh: (p) => `--split 时 --out 应为文件夹，${p.file} 是一个文件`,
    en: (p) => `with --split, --out names a folder; ${p.file} is a file`,
  },
  h_annotate: {
    zh: () => `为每个有错误的工作簿在 DIR 中生成一份标注副本（错误单元格标红并注明原因，另附错误清单），可直接退回报送单位修改`,
    en: () => `for each workbook with errors, write a copy into DIR with the error cells marked and explained and a sheet listing every error, to send back`,
  },
  annotate_list_parts: {
    zh: (p) => `${p.file} 含有${p.parts}，标注副本会把它们丢掉：${p.copy} 只是它的错误清单，请按清单在原文件中修改`,
    en: (p) => `${p.file} holds ${p.parts}, which a marked copy would lose: ${p.copy} is its list of errors alone; correct the original by it`,
  },
  annotate_list_unreadable: {
    zh: (p) => `${p.file} 里有 cxzy 不能照样复制的部分，没有做成标注副本：${p.copy} 只是它的错误清单，请按清单在原文件中修改`,
    en: (p) => `${p.file} could not be copied with its errors marked (${p.reason}): ${p.copy} is its list of errors alone; correct the original by it`,
  },
  annotate_not_written: {
    zh: (p) => `${p.file} 的标注副本没有写成：${p.reason}；错误已在上面列出`,
    en: (p) => `the annotated copy of ${p.file} was not written: ${p.reason}; its errors are listed here`,
  },
  an_part_chart: { zh: () => '图表', en: () => 'charts' },
  an_part_pivot: { zh: () => '数据透视表', en: () => 'pivot tables' },
  an_part_control: { zh: () => '表单控件', en: () => 'form controls' },
  an_part_threaded: { zh: () => '新版批注（对话式批注）', en: () => 'threaded comments' },
  an_part_macro: { zh: () => '宏', en: () => 'macros' },
  an_part_slicer: { zh: () => '切片器', en: () => 'slicers' },
  annotated: {
    zh: (p) => `已为 ${p.n} 个有错误的工作簿生成标注副本，在 ${p.dir}`,
    en: (p) => `wrote annotated copies of ${p.n} workbook(s) with errors into ${p.dir}`,
  },
  annotate_none: {
    zh: () => `没有需要标注的工作簿（只有 .xlsx 文件中的错误才能标注）`,
    en: () => `no workbook to annotate (only errors in .xlsx files can be marked)`,
  },
  annotate_list_only: {
    zh: (p) => `${p.file} 有 ${p.cells} 个填写的单元格，超过标注副本的上限 ${p.max}：${p.copy} 只是它的错误清单，请按清单在原文件中修改`,
    en: (p) =>
      `${p.file} has ${p.cells} filled cells, more than an annotated copy takes (${p.max}): ${p.copy} is its list of errors alone; correct the original by it`,
  },
  annotate_link: {
    zh: (p) => `标注副本 ${p.file} 会经由链接写到 --annotate 文件夹之外，没有写入：请换一个文件夹`,
    en: (p) => `the annotated copy ${p.file} would be written through a link, outside the --annotate folder; nothing was written there: choose another folder`,
  },
  annotate_onto_input: {
    zh: (p) => `标注副本会覆盖本次读入的文件 ${p.file}：--annotate 请指定另一个文件夹`,
    en: (p) => `an annotated copy would overwrite ${p.file}, a file of this run: give --annotate another folder`,
  },
  an_column: { zh: () => `错误`, en: () => `errors` },
  an_sheet: { zh: () => `错误清单`, en: () => `errors` },
  an_h_sheet: { zh: () => `工作表`, en: () => `sheet` },
  an_h_cell: { zh: () => `单元格`, en: () => `cell` },
  an_h_column: { zh: () => `列`, en: () => `column` },
  an_h_value: { zh: () => `内容`, en: () => `value` },
  an_h_error: { zh: () => `错误`, en: () => `error` },
  h_export: {
    zh: () => `把库中的记录导出为 .yaml 或 .xlsx 文件（可导回空数据库，得到相同的记录）`,
    en: () => `write the stored records as a .yaml or .xlsx file that imports back to the same rows`,
  },
  h_export_out: {
    zh: () => `输出文件（.yaml 或 .xlsx）`,
    en: () => `the file to write (.yaml or .xlsx)`,
  },
  sheet_by_headers: {
    zh: (p) => `工作表“${p.sheet}”的名称不是数据表的名称，按其列名读作“${p.section}”：如不对，请把工作表改名`,
    en: (p) => `the sheet "${p.sheet}" is not named as a data sheet; read as ${p.section} by its headers: if that is wrong, rename the sheet`,
  },
  sheet_not_read: {
    zh: (p) => `工作表“${p.sheet}”没有读取：名称和列名都不是数据表的（最接近的是“${p.closest}”）；要导入它，请按模板改名`,
    en: (p) =>
      `the sheet "${p.sheet}" was not read: neither its name nor its headers are a data sheet's (the closest is ${p.closest}); rename it as in the template to import it`,
  },
  sheet_hidden: {
    zh: (p) => `工作表“${p.sheet}”是隐藏的，没有读取：要导入它，请在 Excel 或 WPS 中取消隐藏后再导入`,
    en: (p) => `the sheet "${p.sheet}" is hidden and was not read: unhide it in Excel or WPS to import it`,
  },
  rows_hidden: {
    zh: (p) => `${p.sheet}!${rowList(p.rows, 'zh')} 隐藏：这 ${p.n} 行是隐藏的，已照常读入；如果它们是要删去的，请在表中删除这些行后重新报送`,
    en: (p) =>
      `${p.sheet}!${rowList(p.rows, 'en')} hidden: these ${p.n} row(s) are hidden and were read as any other; if they are meant to be gone, delete them and send the sheet again`,
  },
  rows_struck: {
    zh: (p) => `${p.sheet}!${rowList(p.rows, 'zh')} 删除线：这 ${p.n} 行的文字全部带删除线，已照常读入；如果它们是要删去的，请在表中删除这些行后重新报送`,
    en: (p) =>
      `${p.sheet}!${rowList(p.rows, 'en')} struck through: all the text of these ${p.n} row(s) is struck through, and they were read as any other; if they are meant to be gone, delete them and send the sheet again`,
  },
  note_row: {
    zh: (p) => `${p.sheet}!${p.row} 是表头下的说明行（“${p.note}”），不是数据，没有读取`,
    en: (p) => `${p.sheet}!${p.row} is a note under the header ("${p.note}"), not data, and was not read`,
  },
};
