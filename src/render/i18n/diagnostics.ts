// Diagnostics: reading files and YAML, the schema, the meaning of records, the rules file, warnings.
import type { DiagnosticMessages } from '../../core/messages/diagnostics.js';
import type { Catalog } from './catalog.js';
import { SECTIONS } from '../../core/sections.js';

// Plain-Chinese explanations of the yaml library's error codes; its English text follows in brackets.
const YAML_ZH: Record<string, string> = {
  TAB_AS_INDENT: '缩进不能用 Tab 键，请改用空格',
  BAD_INDENT: '缩进没有对齐，或括号没有闭合',
  MISSING_CHAR: '缺少配对的括号或引号',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行，或冒号后缺少空格',
  BLOCK_AS_IMPLICIT_KEY: '字段名不能跨行，或冒号后缺少空格',
  UNEXPECTED_TOKEN: '出现了多余或意外的字符',
  BAD_SCALAR_START: '值的开头字符不合法，请加引号',
  MISSING_ANCHOR: '引用了不存在的锚点',
  BAD_DIRECTIVE: '文件头指令不合法',
  DIRECTIVE_ALONE: '指令（如 %YAML 1.2）后面缺少以“---”开始的文档',
  IMPOSSIBLE: '无法解析的内容',
};

/** The system's reasons a file cannot be read, as Chinese text says them. */
const READ_REASONS: Record<string, string> = {
  ENOENT: '文件不存在',
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  EISDIR: '这是一个文件夹',
  EBUSY: '文件正被其他程序占用（如已在 Excel 或 WPS 中打开），请关闭后再试',
  EMFILE: '同时打开的文件太多',
  EIO: '磁盘读取出错',
};

export const diagnostics: Catalog<DiagnosticMessages> = {
  // diagnostics: files and YAML
  read_failed: {
    zh: (p) => `无法读取文件：${READ_REASONS[String(p.reason)] ?? p.reason}`,
    en: (p) => `cannot read file: ${p.reason}`,
  },
  not_found: {
    zh: () => `文件或文件夹不存在`,
    en: () => `no such file or folder`,
  },
  no_yaml_files: {
    zh: () => `文件夹中没有数据文件（.yaml、.yml 或 .xlsx）`,
    en: () => `the folder has no data files (.yaml, .yml or .xlsx)`,
  },
  too_large: {
    zh: (p) => `文件过大（${p.size}），上限为 ${p.limit}；请按乡镇或数据段拆分成多个文件`,
    en: (p) => `file too large (${p.size}); the limit is ${p.limit}: split it by township or section`,
  },
  binary: {
    zh: () => `这不是文本文件（含有二进制内容），请提供 YAML 文本文件`,
    en: () => `not a text file (it has binary content); give a YAML text file`,
  },
  utf16: {
    zh: () => `文件是 UTF-16（“Unicode”）编码，请用记事本“另存为”UTF-8 编码后再导入`,
    en: () => `the file is UTF-16 ("Unicode"); save it as UTF-8 (Notepad: Save As, Encoding UTF-8)`,
  },
  undecodable: {
    zh: () => `文件既不是 UTF-8 也不是 GB18030/GBK 编码，无法识别其中的文字`,
    en: () => `the file is neither UTF-8 nor GB18030/GBK; its text cannot be read`,
  },
  gbk_decoded: {
    zh: () => `文件按 GB18030/GBK 编码读取；建议另存为 UTF-8`,
    en: () => `file decoded as GB18030/GBK; consider saving it as UTF-8`,
  },
  yaml_syntax: {
    zh: (p) => `YAML 格式错误：${YAML_ZH[p.kind as string] ?? ''}${YAML_ZH[p.kind as string] ? `（${p.detail}）` : p.detail}`,
    en: (p) => `YAML syntax error: ${p.detail}`,
  },
  duplicate_key: {
    zh: () => `同一层级出现了重复的字段名`,
    en: () => `duplicate key in the same mapping`,
  },
  custom_tag: {
    zh: (p) => `不支持的 YAML 标签 ${p.detail}`,
    en: (p) => `unsupported YAML tag ${p.detail}`,
  },
  alias_limit: {
    zh: (p) => `别名（*引用）展开过多（超过 ${p.detail} 个节点），已拒绝`,
    en: (p) => `aliases (*references) expand to too many nodes (over ${p.detail}); refused`,
  },
  too_deep: {
    zh: () => `嵌套层级过深，已拒绝`,
    en: () => `nested too deeply; refused`,
  },
  line_too_long: {
    zh: (p) => `这一行过长（超过 ${p.max} 个字符），已拒绝；请把内容分成多行或多条记录`,
    en: (p) => `this line is too long (over ${p.max} characters); refused: split it over several lines or records`,
  },
  control_char: {
    zh: (p) => `含有不允许的控制字符 ${p.char}（如 Esc、退格、回车或改变文字方向的字符），请删去`,
    en: (p) => `holds the control character ${p.char} (such as Esc, backspace, carriage return or a text-direction override); remove it`,
  },
  fullwidth: {
    zh: (p) => `“${p.value}”含有全角字符，应写成半角：${p.half}`,
    en: (p) => `"${p.value}" has full-width characters; write it half-width: ${p.half}`,
  },
  fullwidth_colon: {
    zh: (p) => `字段名后用了全角冒号“：”，应为半角冒号加一个空格：${p.key}: `,
    en: (p) => `a full-width colon "：" after the field name; write a half-width colon and a space: ${p.key}: `,
  },
  fullwidth_space: {
    zh: () => `缩进中有全角空格“　”，请改用半角空格`,
    en: () => `the indentation holds a full-width space "　"; indent with half-width spaces`,
  },
  colon_space: {
    zh: (p) => `冒号后缺少空格，应写成 ${p.key}: 值`,
    en: (p) => `a space is missing after the colon: write ${p.key}: value`,
  },
  not_finite: {
    zh: (p) => `“${p.value}”不是有效的数字`,
    en: (p) => `"${p.value}" is not a valid number`,
  },
  date_no_day: {
    zh: (p) => `日期“${p.value}”不存在：这个月只有 ${p.days} 天`,
    en: (p) => `the date "${p.value}" does not exist: that month has ${p.days} days`,
  },
  indent: {
    zh: (p) => `缩进不对：这里有 ${p.have} 个空格，与上面的字段对齐应为 ${p.want} 个`,
    en: (p) => `wrong indentation: ${p.have} spaces here; to line up with the fields above it takes ${p.want}`,
  },
  indent_item: {
    zh: () => `这一项的“- ”没有与同一列表的其他项对齐`,
    en: () => `this item's "- " does not line up with the other items of its list`,
  },
  indent_dash: {
    zh: (p) => `这个字段与列表的“- ”对齐了：若是新的一条记录，请在前面加“- ”；若属于上一条记录，应缩进 ${p.want} 个空格`,
    en: (p) =>
      `this field lines up with the list's "- ": if it starts a new record, put "- " before it; if it belongs to the record above, indent it ${p.want} spaces`,
  },
  missing_dash: {
    zh: (p) => `字段 ${p.key} 在同一条记录中又出现了：若这里是新的一条记录，请在前面加“- ”`,
    en: (p) => `the field ${p.key} appears again in the same record: if a new record starts here, put "- " before it`,
  },
  forbidden_key: {
    zh: (p) => `字段名 ${p.detail} 不允许使用`,
    en: (p) => `the key ${p.detail} is not allowed`,
  },
  bad_key: {
    zh: () => `字段名必须是简单的文字`,
    en: () => `keys must be plain text`,
  },
  empty_file: {
    zh: () => `文件中没有任何数据`,
    en: () => `the file holds no data`,
  },
  // diagnostics: schema
  not_mapping: {
    zh: () => `文档必须是“字段: 值”形式的映射`,
    en: () => `a document must be a mapping of "key: value"`,
  },
  no_section: {
    zh: () => `文档中没有任何数据段（${SECTIONS.join('、')}）`,
    en: () => `the document has no section (${SECTIONS.join(', ')})`,
  },
  required: {
    zh: (p) => `缺少必填字段 ${p.field}`,
    en: (p) => `missing required field ${p.field}`,
  },
  unknown_field: {
    zh: (p) => `未知字段 ${p.field}${p.hint ? `，是否应为 ${p.hint}？` : `；允许的字段：${p.allowed}`}`,
    en: (p) => `unknown field ${p.field}${p.hint ? `; did you mean ${p.hint}?` : `; allowed: ${p.allowed}`}`,
  },
  type: {
    zh: (p) => `应为${p.expected}，实际为${p.actual}${p.code ? `；编号请加引号，如 "${p.code}"` : ''}`,
    en: (p) => `must be ${p.expected}, got ${p.actual}${p.code ? `; quote codes, e.g. "${p.code}"` : ''}`,
  },
  range: {
    zh: (p) => `必须在 ${p.min} 到 ${p.max} 之间，实际为 ${p.value}`,
    en: (p) => `must be between ${p.min} and ${p.max}, got ${p.value}`,
  },
  min: {
    zh: (p) => `不能小于 ${p.min}，实际为 ${p.value}`,
    en: (p) => `must be at least ${p.min}, got ${p.value}`,
  },
  above: {
    zh: (p) => `必须大于 ${p.min}，实际为 ${p.value}`,
    en: (p) => `must be greater than ${p.min}, got ${p.value}`,
  },
  max: {
    zh: (p) => `不能大于 ${p.max}，实际为 ${p.value}`,
    en: (p) => `must be at most ${p.max}, got ${p.value}`,
  },
  integer: {
    zh: (p) => `必须是整数，实际为 ${p.value}`,
    en: (p) => `must be a whole number, got ${p.value}`,
  },
  empty: {
    zh: () => `不能为空`,
    en: () => `must not be empty`,
  },
  too_long: {
    zh: (p) => `过长（最多 ${p.max} 个字）`,
    en: (p) => `too long (at most ${p.max} characters)`,
  },
  too_many: {
    zh: (p) => `条目过多（最多 ${p.max} 条）`,
    en: (p) => `too many items (at most ${p.max})`,
  },
  too_few: {
    zh: (p) => `条目过少（至少 ${p.min} 条）`,
    en: (p) => `too few items (at least ${p.min})`,
  },
  code_pattern: {
    zh: (p) =>
      p.hint
        ? `这里应写编号，不是名称：“${p.value}”，是否应为 ${p.hint}？`
        : `编号“${p.value}”不合规：只能由字母、数字和 _ . - 组成，以字母或数字开头，最长 64 位`,
    en: (p) =>
      p.hint
        ? `a code goes here, not a name: "${p.value}"; did you mean ${p.hint}?`
        : `code "${p.value}" is invalid: letters, digits, _ . - only, starting with a letter or digit, at most 64`,
  },
  period_pattern: {
    zh: (p) => `季度“${p.value}”格式不对，应写成 2011Q1 的形式`,
    en: (p) => `period "${p.value}" is invalid; write it like 2011Q1`,
  },
  pattern: {
    zh: (p) => `“${p.value}”格式不对`,
    en: (p) => `"${p.value}" has the wrong form`,
  },
  date: {
    zh: (p) => `日期“${p.value}”无效，应写成 YYYY-MM-DD${p.suggest ? `，是否应为 ${p.suggest}？` : ''}`,
    en: (p) => `date "${p.value}" is invalid; write YYYY-MM-DD${p.suggest ? `; did you mean ${p.suggest}?` : ''}`,
  },
  enum: {
    zh: (p) => `“${p.value}”不是有效取值；可选：${p.labels}`,
    en: (p) => `"${p.value}" is not a valid value; one of: ${p.allowed}`,
  },
  depends: {
    zh: (p) => `填写 ${p.field} 时必须同时填写 ${p.needs}`,
    en: (p) => `${p.field} requires ${p.needs}`,
  },
  // diagnostics: meaning
  votes_zero: {
    zh: () => `测评票数合计必须大于 0`,
    en: () => `the votes must total more than 0`,
  },
  points_max: {
    zh: (p) => `不能超过满分 ${p.max}（规则 stars.max_points），实际为 ${p.value}`,
    en: (p) => `must not exceed full marks of ${p.max} (rule stars.max_points), got ${p.value}`,
  },
  due_before_made: {
    zh: (p) => `兑现期限 ${p.due} 早于承诺日期 ${p.made}`,
    en: (p) => `due date ${p.due} is before the date made ${p.made}`,
  },
  fulfilled_required: {
    zh: () => `状态为已兑现（fulfilled）时必须填写兑现日期 fulfilled`,
    en: () => `status fulfilled requires the date fulfilled`,
  },
  fulfilled_forbidden: {
    zh: (p) => `状态为${p.status}时不能填写兑现日期 fulfilled`,
    en: (p) => `status ${p.status} must not have a date fulfilled`,
  },
  problem_date_order: {
    zh: (p) => `${p.date_field} ${p.date} 早于${p.other_field} ${p.before}`,
    en: (p) => `${p.date_field} ${p.date} is before ${p.other_field} ${p.before}`,
  },
  problem_date_required: {
    zh: (p) => `整改状态为“${p.state}”时必须填写${p.date_field}`,
    en: (p) => `status ${p.state} requires ${p.date_field}`,
  },
  problem_date_forbidden: {
    zh: (p) => `整改状态为“${p.state}”时不能填写${p.date_field}`,
    en: (p) => `status ${p.state} must not have ${p.date_field}`,
  },
  recheck_not_closed: {
    zh: (p) => `回头看只能针对已销号的问题，此问题的整改状态为“${p.state}”`,
    en: (p) => `only a closed problem can be rechecked; this one is ${p.state}`,
  },
  fulfilled_before_made: {
    zh: (p) => `兑现日期 ${p.fulfilled} 早于承诺日期 ${p.made}`,
    en: (p) => `date fulfilled ${p.fulfilled} is before the date made ${p.made}`,
  },
  outside_period: {
    zh: (p) => `日期 ${p.date} 不在本文档的季度 ${p.period} 内`,
    en: (p) => `date ${p.date} is outside this document's period ${p.period}`,
  },
  candidate: {
    zh: (p) => `${p.code}（${p.name}）`,
    en: (p) => `${p.code} (${p.name})`,
  },
  // rules file
  rules_weights: {
    zh: (p) => `三项权重之和必须为 1，实际为 ${p.sum}`,
    en: (p) => `the three weights must sum to 1, got ${p.sum}`,
  },
  rules_levels: {
    zh: () => `等次须从高到低排列（好、较好、一般、差），分数线依次降低，最后一个等次不写 min`,
    en: () => `levels go from highest to lowest (good, fair, average, poor) with falling min; the last has no min`,
  },
  rules_grade_unused: {
    zh: (p) => `等次 ${p.grade} 不在 levels 中`,
    en: (p) => `grade ${p.grade} is not one of the levels`,
  },
  rules_two_docs: {
    zh: () => `规则文件只能有一个文档；这里的第二个文档（“---”之后）不会生效，请合并到第一个文档中`,
    en: () => `a rules file holds one document; this second one (after "---") would be ignored: merge it into the first`,
  },
  rules_star_min: {
    zh: (p) => `得星分数线 star_min（${p.min}）高于每项满分 max_points（${p.max}），任何党员都得不到星`,
    en: (p) => `star_min (${p.min}) is above full marks max_points (${p.max}): no member could earn a star`,
  },
  // warnings
  vague_pledge: {
    zh: (p) => `承诺内容空泛：${p.reasons}`,
    en: (p) => `vague pledge: ${p.reasons}`,
  },
  vague_short: {
    zh: (p) => `少于 ${p.min} 个字`,
    en: (p) => `fewer than ${p.min} characters`,
  },
  vague_no_number: {
    zh: () => `没有数字或日期`,
    en: () => `no number or date`,
  },
  vague_stock: {
    zh: (p) => `套话过半（${p.phrases}）`,
    en: (p) => `more than half stock phrases (${p.phrases})`,
  },
};
