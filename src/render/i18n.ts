// Every user-facing string, in Chinese (default) and English, in one place.
export type Lang = 'zh' | 'en';
type P = Record<string, string | number>;
type Catalog = Record<string, (p: P) => string>;

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
  IMPOSSIBLE: '无法解析的内容',
};

const zh = {
  // diagnostics: files and YAML
  read_failed: (p: P) => `无法读取文件：${p.reason}`,
  not_found: () => `文件或文件夹不存在`,
  no_yaml_files: () => `文件夹中没有 .yaml 或 .yml 文件`,
  too_large: (p: P) => `文件过大（${p.size}），上限为 ${p.limit}；请按乡镇或数据段拆分成多个文件`,
  binary: () => `这不是文本文件（含有二进制内容），请提供 YAML 文本文件`,
  utf16: () => `文件是 UTF-16（“Unicode”）编码，请用记事本“另存为”UTF-8 编码后再导入`,
  undecodable: () => `文件既不是 UTF-8 也不是 GB18030/GBK 编码，无法识别其中的文字`,
  gbk_decoded: () => `文件按 GB18030/GBK 编码读取；建议另存为 UTF-8`,
  yaml_syntax: (p: P) => `YAML 格式错误：${YAML_ZH[p.kind as string] ?? ''}${YAML_ZH[p.kind as string] ? `（${p.detail}）` : p.detail}`,
  duplicate_key: () => `同一层级出现了重复的字段名`,
  custom_tag: (p: P) => `不支持的 YAML 标签 ${p.detail}`,
  alias_limit: (p: P) => `别名（*引用）展开过多（超过 ${p.detail} 个节点），已拒绝`,
  too_deep: () => `嵌套层级过深，已拒绝`,
  forbidden_key: (p: P) => `字段名 ${p.detail} 不允许使用`,
  bad_key: () => `字段名必须是简单的文字`,
  empty_file: () => `文件中没有任何数据`,
  // diagnostics: schema
  not_mapping: () => `文档必须是“字段: 值”形式的映射`,
  no_section: () => `文档中没有任何数据段（orgs、members、pledges、reviews、points、reports、typicals）`,
  required: (p: P) => `缺少必填字段 ${p.field}`,
  unknown_field: (p: P) => `未知字段 ${p.field}` + (p.hint ? `，是否应为 ${p.hint}？` : `；允许的字段：${p.allowed}`),
  type: (p: P) => `应为${p.expected}，实际为${p.actual}` + (p.code ? `；编号请加引号，如 "${p.code}"` : ''),
  range: (p: P) => `必须在 ${p.min} 到 ${p.max} 之间，实际为 ${p.value}`,
  min: (p: P) => `不能小于 ${p.min}，实际为 ${p.value}`,
  above: (p: P) => `必须大于 ${p.min}，实际为 ${p.value}`,
  max: (p: P) => `不能大于 ${p.max}，实际为 ${p.value}`,
  integer: (p: P) => `必须是整数，实际为 ${p.value}`,
  empty: () => `不能为空`,
  too_long: (p: P) => `过长（最多 ${p.max} 个字）`,
  too_many: (p: P) => `条目过多（最多 ${p.max} 条）`,
  code_pattern: (p: P) => `编号“${p.value}”不合规：只能由字母、数字和 _ . - 组成，以字母或数字开头，最长 64 位`,
  period_pattern: (p: P) => `季度“${p.value}”格式不对，应写成 2011Q1 的形式`,
  pattern: (p: P) => `“${p.value}”格式不对`,
  date: (p: P) => `日期“${p.value}”无效，应写成 YYYY-MM-DD` + (p.suggest ? `，是否应为 ${p.suggest}？` : ''),
  enum: (p: P) => `“${p.value}”不是有效取值；可选：${p.allowed}`,
  depends: (p: P) => `填写 ${p.field} 时必须同时填写 ${p.needs}`,
  // diagnostics: meaning
  votes_zero: () => `测评票数合计必须大于 0`,
  due_before_made: (p: P) => `兑现期限 ${p.due} 早于承诺日期 ${p.made}`,
  fulfilled_required: () => `状态为已兑现（fulfilled）时必须填写兑现日期 fulfilled`,
  fulfilled_forbidden: (p: P) => `状态为${p.status}时不能填写兑现日期 fulfilled`,
  fulfilled_before_made: (p: P) => `兑现日期 ${p.fulfilled} 早于承诺日期 ${p.made}`,
  outside_period: (p: P) => `日期 ${p.date} 不在本文档的季度 ${p.period} 内`,
  duplicate_id: (p: P) => `${p.what}“${p.key}”重复，首次出现在 ${p.first}`,
  unknown_ref: (p: P) => `${p.what}“${p.key}”不存在（本批文件和数据库中都没有）`,
  parent_not_committee: (p: P) => `上级组织“${p.parent}”是党支部，党支部下不能再设组织；上级必须是党委、党工委或党总支`,
  has_children: (p: P) => `“${p.code}”下已有组织或党员（如“${p.child}”），不能改为党支部或委员会以外的类型`,
  member_not_in_branch: (p: P) => `党员必须属于党支部，“${p.org}”是党委/党总支`,
  org_has_members: (p: P) => `“${p.code}”下有党员（如“${p.member}”），不能改为党委/党总支`,
  cycle: (p: P) => `组织上下级关系成环：${p.chain}`,
  id_collides: (p: P) => `党员编号“${p.id}”与组织编号重复，承诺的 owner 将无法区分`,
  standard_mismatch: (p: P) =>
    p.owner === 'org' ? `组织的承诺应对照“五个好”（${p.allowed}），实际为 ${p.value}` : `党员的承诺应对照“五带头”（${p.allowed}），实际为 ${p.value}`,
  // rules file
  rules_weights: (p: P) => `三项权重之和必须为 1，实际为 ${p.sum}`,
  rules_levels: () => `等次须从高到低排列（好、较好、一般、差），分数线依次降低，最后一个等次不写 min`,
  rules_grade_unused: (p: P) => `等次 ${p.grade} 不在 levels 中`,
  // warnings
  vague_pledge: (p: P) => `承诺内容空泛：${p.reasons}`,
  vague_short: (p: P) => `少于 ${p.min} 个字`,
  vague_no_number: () => `没有数字或日期`,
  vague_stock: (p: P) => `套话过半（${p.phrases}）`,
  duplicate_title: (p: P) => `${p.org} 在 ${p.month} 报送了同题信息“${p.title}”（另见 ${p.other}），只计一次`,
  no_points: (p: P) => `党员 ${p.id}（${p.name}）在 ${p.period} 没有积分记录`,
  // summary and tables
  errors_more: (p: P) => `……另有 ${p.n} 个错误未列出`,
  warnings_more: (p: P) => `……另有 ${p.n} 条警告未列出`,
  n_errors: (p: P) => `共 ${p.n} 个错误`,
  n_warnings: (p: P) => `${p.n} 条警告`,
  valid_ok: (p: P) => `校验通过：${p.files} 个文件，${p.records} 条记录`,
  invalid: () => `校验未通过，没有写入任何数据`,
  import_ok: (p: P) => `已导入 ${p.files} 个文件到 ${p.db}`,
  dry_run: (p: P) => `试运行：${p.files} 个文件校验通过，以下为将要发生的变更，数据库未改动`,
  section: () => `数据段`,
  inserted: () => `新增`,
  updated: () => `更新`,
  unchanged: () => `未变`,
  removed: () => `删除`,
  warning: () => `警告`,
  error: () => `错误`,
  progress_import: () => `导入`,
  // environment
  db_missing: (p: P) => `数据库 ${p.db} 不存在；请先用 cxzy import 导入数据`,
  db_not_cxzy: (p: P) => `${p.db} 不是 cxzy 数据库`,
  db_newer: (p: P) => `${p.db} 的结构版本为 ${p.found}，本程序只支持到 ${p.supported}；请升级 cxzy`,
  db_locked: (p: P) => `数据库 ${p.db} 正被其他程序占用，等待超时`,
  db_unreadable: (p: P) => `无法打开数据库 ${p.db}：${p.reason}`,
  usage: (p: P) => `用法错误：${p.detail}`,
  init_done: (p: P) => `已在 ${p.dir} 写入示例数据文件和规则文件 cxzy.rules.yaml`,
  init_exists: (p: P) => `${p.file} 已存在，未覆盖`,
  demo_imported: (p: P) => `演示：已将示例数据导入临时数据库 ${p.db}`,
  bad_lang: (p: P) => `--lang 只能是 zh 或 en，实际为 ${p.value}`,
  bad_format: (p: P) => `--format 只能是 ${p.allowed}，实际为 ${p.value}`,
  // help
  h_program: () => `创先争优活动数据工具：导入、校验、分类定级、积分评星、信息报送与月度通报`,
  h_db: () => `数据库文件（默认 $CXZY_DB，否则 ./cxzy.db）`,
  h_rules: () => `规则文件（默认 ./cxzy.rules.yaml，没有则用内置规则）`,
  h_lang: () => `输出语言 zh 或 en（默认 $CXZY_LANG，否则 zh）`,
  h_format: () => `输出格式：table、json、csv、md（通报另有 html、xlsx）`,
  h_no_color: () => `不使用颜色`,
  h_quiet: () => `只输出错误`,
  h_version: () => `显示版本`,
  h_help: () => `显示帮助`,
  h_init: () => `在 DIR（默认当前文件夹）写入示例数据文件和带中文注释的规则文件`,
  h_validate: () => `校验数据文件，不写入数据库`,
  h_import: () => `校验后在一个事务中导入数据库`,
  h_replace: () => `对批次中出现的季度，删除数据库中该季度有而批次中没有的测评、积分、信息和典型`,
  h_dry_run: () => `只显示将要发生的变更，不写入`,
  h_strict: () => `把警告当作错误`,
  h_demo: () => `把自带的示例数据导入临时数据库并展示最近一个季度的结果`,
  h_rules_cmd: () => `以 YAML 输出当前生效的规则`,
  h_paths: () => `数据文件或文件夹`,
  h_dir: () => `目标文件夹`,
} satisfies Catalog;

export type MsgId = keyof typeof zh;

const en: Record<MsgId, (p: P) => string> = {
  read_failed: (p) => `cannot read file: ${p.reason}`,
  not_found: () => `no such file or folder`,
  no_yaml_files: () => `the folder has no .yaml or .yml files`,
  too_large: (p) => `file too large (${p.size}); the limit is ${p.limit}: split it by township or section`,
  binary: () => `not a text file (it has binary content); give a YAML text file`,
  utf16: () => `the file is UTF-16 ("Unicode"); save it as UTF-8 (Notepad: Save As, Encoding UTF-8)`,
  undecodable: () => `the file is neither UTF-8 nor GB18030/GBK; its text cannot be read`,
  gbk_decoded: () => `file decoded as GB18030/GBK; consider saving it as UTF-8`,
  yaml_syntax: (p) => `YAML syntax error: ${p.detail}`,
  duplicate_key: () => `duplicate key in the same mapping`,
  custom_tag: (p) => `unsupported YAML tag ${p.detail}`,
  alias_limit: (p) => `aliases (*references) expand to too many nodes (over ${p.detail}); refused`,
  too_deep: () => `nested too deeply; refused`,
  forbidden_key: (p) => `the key ${p.detail} is not allowed`,
  bad_key: () => `keys must be plain text`,
  empty_file: () => `the file holds no data`,
  not_mapping: () => `a document must be a mapping of "key: value"`,
  no_section: () => `the document has no section (orgs, members, pledges, reviews, points, reports, typicals)`,
  required: (p) => `missing required field ${p.field}`,
  unknown_field: (p) => `unknown field ${p.field}` + (p.hint ? `; did you mean ${p.hint}?` : `; allowed: ${p.allowed}`),
  type: (p) => `must be ${p.expected}, got ${p.actual}` + (p.code ? `; quote codes, e.g. "${p.code}"` : ''),
  range: (p) => `must be between ${p.min} and ${p.max}, got ${p.value}`,
  min: (p) => `must be at least ${p.min}, got ${p.value}`,
  above: (p) => `must be greater than ${p.min}, got ${p.value}`,
  max: (p) => `must be at most ${p.max}, got ${p.value}`,
  integer: (p) => `must be a whole number, got ${p.value}`,
  empty: () => `must not be empty`,
  too_long: (p) => `too long (at most ${p.max} characters)`,
  too_many: (p) => `too many items (at most ${p.max})`,
  code_pattern: (p) => `code "${p.value}" is invalid: letters, digits, _ . - only, starting with a letter or digit, at most 64`,
  period_pattern: (p) => `period "${p.value}" is invalid; write it like 2011Q1`,
  pattern: (p) => `"${p.value}" has the wrong form`,
  date: (p) => `date "${p.value}" is invalid; write YYYY-MM-DD` + (p.suggest ? `; did you mean ${p.suggest}?` : ''),
  enum: (p) => `"${p.value}" is not a valid value; one of: ${p.allowed}`,
  depends: (p) => `${p.field} requires ${p.needs}`,
  votes_zero: () => `the votes must total more than 0`,
  due_before_made: (p) => `due date ${p.due} is before the date made ${p.made}`,
  fulfilled_required: () => `status fulfilled requires the date fulfilled`,
  fulfilled_forbidden: (p) => `status ${p.status} must not have a date fulfilled`,
  fulfilled_before_made: (p) => `date fulfilled ${p.fulfilled} is before the date made ${p.made}`,
  outside_period: (p) => `date ${p.date} is outside this document's period ${p.period}`,
  duplicate_id: (p) => `${p.what} "${p.key}" is duplicated; first at ${p.first}`,
  unknown_ref: (p) => `${p.what} "${p.key}" does not exist (neither in these files nor in the database)`,
  parent_not_committee: (p) => `parent "${p.parent}" is a branch; a branch has no child orgs: the parent must be a committee`,
  has_children: (p) => `"${p.code}" has child orgs (e.g. "${p.child}"); it cannot become a branch`,
  member_not_in_branch: (p) => `a member must belong to a branch; "${p.org}" is a committee`,
  org_has_members: (p) => `"${p.code}" has members (e.g. "${p.member}"); it cannot become a committee`,
  cycle: (p) => `the org tree has a cycle: ${p.chain}`,
  id_collides: (p) => `member id "${p.id}" is also an org code; pledge owners would be ambiguous`,
  standard_mismatch: (p) =>
    p.owner === 'org'
      ? `an org's pledge follows the five goods (${p.allowed}), got ${p.value}`
      : `a member's pledge follows the five leads (${p.allowed}), got ${p.value}`,
  rules_weights: (p) => `the three weights must sum to 1, got ${p.sum}`,
  rules_levels: () => `levels go from highest to lowest (good, fair, average, poor) with falling min; the last has no min`,
  rules_grade_unused: (p) => `grade ${p.grade} is not one of the levels`,
  vague_pledge: (p) => `vague pledge: ${p.reasons}`,
  vague_short: (p) => `fewer than ${p.min} characters`,
  vague_no_number: () => `no number or date`,
  vague_stock: (p) => `more than half stock phrases (${p.phrases})`,
  duplicate_title: (p) => `${p.org} reported "${p.title}" more than once in ${p.month} (also ${p.other}); counted once`,
  no_points: (p) => `member ${p.id} (${p.name}) has no points in ${p.period}`,
  errors_more: (p) => `… and ${p.n} more errors`,
  warnings_more: (p) => `… and ${p.n} more warnings`,
  n_errors: (p) => `${p.n} error(s)`,
  n_warnings: (p) => `${p.n} warning(s)`,
  valid_ok: (p) => `valid: ${p.files} file(s), ${p.records} record(s)`,
  invalid: () => `invalid: nothing was written`,
  import_ok: (p) => `imported ${p.files} file(s) into ${p.db}`,
  dry_run: (p) => `dry run: ${p.files} file(s) valid; the changes below were not written`,
  section: () => `section`,
  inserted: () => `inserted`,
  updated: () => `updated`,
  unchanged: () => `unchanged`,
  removed: () => `removed`,
  warning: () => `warning`,
  error: () => `error`,
  progress_import: () => `import`,
  db_missing: (p) => `database ${p.db} does not exist; import data first with cxzy import`,
  db_not_cxzy: (p) => `${p.db} is not a cxzy database`,
  db_newer: (p) => `${p.db} has schema version ${p.found}; this cxzy supports up to ${p.supported}: upgrade cxzy`,
  db_locked: (p) => `database ${p.db} is locked by another program; timed out waiting`,
  db_unreadable: (p) => `cannot open database ${p.db}: ${p.reason}`,
  usage: (p) => `usage error: ${p.detail}`,
  init_done: (p) => `wrote example data files and the rules file cxzy.rules.yaml in ${p.dir}`,
  init_exists: (p) => `${p.file} exists; not overwritten`,
  demo_imported: (p) => `demo: imported the bundled examples into the temporary database ${p.db}`,
  bad_lang: (p) => `--lang must be zh or en, got ${p.value}`,
  bad_format: (p) => `--format must be one of ${p.allowed}, got ${p.value}`,
  h_program: () => `Data tool for the "create advanced, strive for excellence" campaign: import, validate, grade, stars, quota, bulletin`,
  h_db: () => `database file (default $CXZY_DB, else ./cxzy.db)`,
  h_rules: () => `rules file (default ./cxzy.rules.yaml, else the built-in rules)`,
  h_lang: () => `output language zh or en (default $CXZY_LANG, else zh)`,
  h_format: () => `output format: table, json, csv, md (the bulletin also html, xlsx)`,
  h_no_color: () => `no colour`,
  h_quiet: () => `print errors only`,
  h_version: () => `print the version`,
  h_help: () => `print help`,
  h_init: () => `write example data files and a rules file with Chinese comments into DIR (default: here)`,
  h_validate: () => `check data files; write nothing`,
  h_import: () => `check, then store everything in one transaction`,
  h_replace: () => `for each quarter in the batch, remove stored reviews, points, reports and typicals the batch lacks`,
  h_dry_run: () => `show what would change; write nothing`,
  h_strict: () => `treat warnings as errors`,
  h_demo: () => `import the bundled examples into a temporary database and show the latest quarter`,
  h_rules_cmd: () => `print the rules in force as YAML`,
  h_paths: () => `data files or folders`,
  h_dir: () => `target folder`,
};

const catalogs: Record<Lang, Record<MsgId, (p: P) => string>> = { zh, en };

/** A parameter may itself be a list of messages (e.g. the reasons a pledge is vague). */
export interface MsgRef {
  id: MsgId;
  params?: Record<string, string | number>;
}
export type Param = string | number | MsgRef[];

// Parameters that name a kind of thing or value are words to translate.
const WORD_PARAMS = new Set(['what', 'expected', 'actual']);

export function t(lang: Lang, id: MsgId, params: Record<string, Param> = {}): string {
  const flat: P = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) flat[k] = v.map((m) => t(lang, m.id, m.params)).join(lang === 'zh' ? '；' : '; ');
    else flat[k] = WORD_PARAMS.has(k) && typeof v === 'string' ? word(lang, v) : v;
  }
  return catalogs[lang][id](flat);
}

/** Words used inside messages: types, record kinds, enum labels. */
const words: Record<Lang, Record<string, string>> = {
  zh: {
    string: '文本', number: '数字', integer: '整数', boolean: '是/否（true/false）', object: '“字段: 值”映射',
    array: '列表（每项以 - 开头）', null: '空值',
    org: '组织', member: '党员', pledge: '承诺', review: '测评记录', points_record: '积分记录', report: '信息', typical: '典型',
    parent: '上级组织', owner: '承诺主体',
    orgs: '组织', members: '党员', pledges: '承诺', reviews: '测评', points: '积分', reports: '信息报送', typicals: '培树典型',
  },
  en: {
    string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'a mapping',
    array: 'a list', null: 'empty',
    org: 'org', member: 'member', pledge: 'pledge', review: 'review', points_record: 'points record', report: 'report', typical: 'typical',
    parent: 'parent org', owner: 'pledge owner',
    orgs: 'orgs', members: 'members', pledges: 'pledges', reviews: 'reviews', points: 'points', reports: 'reports', typicals: 'typicals',
  },
};

export function word(lang: Lang, key: string): string {
  return words[lang][key] ?? key;
}
