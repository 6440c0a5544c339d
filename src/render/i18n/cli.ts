// The command line: the environment (database, files written), usage, help texts.
import type { CliMessages } from '../../core/messages/cli.js';
import type { Catalog } from './catalog.js';

/** Commands' arguments, as Chinese text names what to give (commander knows them by their English names). */
const ARGUMENTS: Record<string, string> = {
  paths: '要读的文件或文件夹（如 收件箱）',
  sources: '来源数据库（如 cxzy merge 芙蓉区.db 天心区.db）',
  target: '要查看的组织或党员（编号或姓名）',
};

export const cli: Catalog<CliMessages> = {
  // environment
  db_changed: {
    zh: () => `本次导入读取文件期间，另一个命令（撤销或导入）改动了数据库，为免两者混在一起，这次什么也没有写入：请再运行一次导入`,
    en: () =>
      `another command (an undo or an import) changed the database while this import read its files; so that the two do not mix, nothing was written: run the import again`,
  },
  db_missing: {
    zh: (p) =>
      `数据库 ${p.db} 不存在（在文件夹 ${p.folder} 中找过）。数据库在别处时用 --db 路径 指定（或设置环境变量 CXZY_DB）；还没有导入过数据时先用 cxzy import 导入`,
    en: (p) =>
      `database ${p.db} does not exist (looked in the folder ${p.folder}). If it is elsewhere, give --db PATH (or set CXZY_DB); if nothing was imported yet, import with cxzy import first`,
  },
  db_created: {
    zh: (p) => `新建数据库 ${p.db}`,
    en: (p) => `created the database ${p.db}`,
  },
  db_not_cxzy: {
    zh: (p) => `${p.db} 不是 cxzy 数据库`,
    en: (p) => `${p.db} is not a cxzy database`,
  },
  db_newer: {
    zh: (p) => `${p.db} 的结构版本为 ${p.found}，本程序只支持到 ${p.supported}；请升级 cxzy`,
    en: (p) => `${p.db} has schema version ${p.found}; this cxzy supports up to ${p.supported}: upgrade cxzy`,
  },
  db_locked: {
    zh: (p) => `数据库 ${p.db} 正被其他程序占用，等待超时`,
    en: (p) => `database ${p.db} is locked by another program; timed out waiting`,
  },
  db_unreadable: {
    zh: (p) => `无法打开数据库 ${p.db}：${p.reason}`,
    en: (p) => `cannot open database ${p.db}: ${p.reason}`,
  },
  db_empty: {
    zh: (p) => `数据库 ${p.db} 是空文件（0 字节），还没有任何数据；请先用 cxzy import 导入`,
    en: (p) => `database ${p.db} is an empty file (0 bytes) with no data yet; import data first with cxzy import`,
  },
  db_damaged: {
    zh: (p) => `数据库 ${p.db} 已损坏或不完整（${p.reason}）；请换用备份，或删除后重新导入全部数据`,
    en: (p) => `database ${p.db} is damaged or incomplete (${p.reason}); use a backup, or delete it and import all data again`,
  },
  db_interrupted: {
    zh: (p) => `数据库 ${p.db} 上次导入中途被中断，需要先恢复；请由对它有写权限的用户运行任意 cxzy 命令（如 cxzy grade），恢复后即可只读使用`,
    en: (p) =>
      `the last import into ${p.db} was interrupted and must be rolled back first; have a user who may write to it run any cxzy command (e.g. cxzy grade), then it reads as before`,
  },
  db_readonly_old: {
    zh: (p) => `数据库 ${p.db} 由旧版 cxzy 建立，需要升级，但当前用户无权写入；请由有写权限的用户运行一次 cxzy 命令`,
    en: (p) =>
      `database ${p.db} was made by an earlier cxzy and must be upgraded, which this user may not do; have a user who may write to it run any cxzy command once`,
  },
  disk_full: {
    zh: (p) => `磁盘已满，无法写入数据库 ${p.db}；没有写入任何数据，请腾出空间后重试`,
    en: (p) => `the disk is full: ${p.db} cannot be written; nothing was written — free some space and try again`,
  },
  bad_db: {
    zh: (p) => `--db 必须是一个数据库文件的路径，不能是“${p.value}”`,
    en: (p) => `--db must name a database file, not "${p.value}"`,
  },
  rules_missing: {
    zh: (p) => `规则文件 ${p.file} 不存在`,
    en: (p) => `rules file ${p.file} does not exist`,
  },
  rules_folder: {
    zh: (p) => `--rules 给的 ${p.file} 是一个文件夹，不是规则文件：请写出规则文件本身，如 ${p.beside}`,
    en: (p) => `--rules names ${p.file}, a folder, not a rules file: name the file itself, e.g. ${p.beside}`,
  },
  cmd_unknown_option: {
    zh: (p) => `没有选项 ${p.option}${p.hint ? `，是否应为 ${p.hint}？` : '；用 --help 查看可用的选项'}`,
    en: (p) => `no option ${p.option}${p.hint ? `; did you mean ${p.hint}?` : '; --help lists the options'}`,
  },
  cmd_unknown_command: {
    zh: (p) => `没有命令 ${p.command}${p.hint ? `，是否应为 ${p.hint}？` : '；用 cxzy --help 查看全部命令'}`,
    en: (p) => `no command ${p.command}${p.hint ? `; did you mean ${p.hint}?` : '; cxzy --help lists the commands'}`,
  },
  cmd_required_option: {
    zh: (p) => `缺少必需的选项 ${p.option}（如 ${p.option} 文件名）`,
    en: (p) => `the option ${p.option} is required (e.g. ${p.option} FILE)`,
  },
  cmd_missing_argument: {
    zh: (p) => `缺少${ARGUMENTS[String(p.arg)] ?? `参数 ${p.arg}`}`,
    en: (p) => `the argument ${p.arg} is missing`,
  },
  cmd_option_missing_argument: {
    zh: (p) => `选项 ${p.option} 后面要跟一个值`,
    en: (p) => `the option ${p.option} needs a value`,
  },
  cmd_excess_arguments: {
    zh: (p) => `命令 ${p.command} 不接受这么多参数`,
    en: (p) => `too many arguments for ${p.command}`,
  },
  help_usage: { zh: () => `用法：`, en: () => `Usage:` },
  help_options: { zh: () => `选项：`, en: () => `Options:` },
  help_commands: { zh: () => `命令：`, en: () => `Commands:` },
  help_arguments: { zh: () => `参数：`, en: () => `Arguments:` },
  help_global: { zh: () => `全局选项：`, en: () => `Global Options:` },
  interrupted_late: {
    zh: (p) => `收到中断时导入已在写入，已完整写入（第 ${p.n} 次导入）；如需撤回，用 cxzy undo`,
    en: (p) => `interrupted while the import was writing: it was written whole (import ${p.n}); cxzy undo takes it back`,
  },
  interrupted: {
    zh: () => `已中断：没有写入任何数据`,
    en: () => `interrupted: nothing was written`,
  },
  interrupted_no_db: {
    zh: (p) => `已中断：没有写入任何数据，也没有新建数据库 ${p.db}`,
    en: (p) => `interrupted: nothing was written, and the database ${p.db} was not created`,
  },
  interrupted_after: {
    zh: (p) => `已中断：中断前已写完 ${p.what}，此外没有写入任何数据`,
    en: (p) => `interrupted: ${p.what} had been written whole; nothing else was written`,
  },
  interrupted_more: { zh: (p) => `${p.first} 等 ${p.n} 项`, en: (p) => `${p.first} and ${p.more} more` },
  interrupted_db: { zh: (p) => `数据库 ${p.db}`, en: (p) => `the database ${p.db}` },
  usage: {
    zh: (p) => `用法错误：${p.detail}`,
    en: (p) => `usage error: ${p.detail}`,
  },
  init_done: {
    zh: (p) => `已在 ${p.dir} 写入 ${p.n} 个文件（示例数据文件和规则文件 cxzy.rules.yaml）`,
    en: (p) => `wrote ${p.n} files in ${p.dir} (example data files and the rules file cxzy.rules.yaml)`,
  },
  init_nothing: {
    zh: (p) => `${p.dir} 中的文件都已存在，没有写入任何文件`,
    en: (p) => `every file already exists in ${p.dir}; nothing was written`,
  },
  init_exists: {
    zh: (p) => `${p.file} 已存在，未覆盖`,
    en: (p) => `${p.file} exists; not overwritten`,
  },
  demo_workbooks: {
    zh: (p: { files: string }) => `其中 ${p.files} 是一个支部按 cxzy template 生成的模板填好的 Excel 工作簿，与 YAML 文件一同校验、导入`,
    en: (p: { files: string }) => `${p.files}: a branch's Excel workbook, filled in from the cxzy template, checked and imported with the YAML files`,
  },
  demo_runtime: {
    zh: (p: { version: string; node: string; platform: string }) => `cxzy ${p.version}，运行于 Node.js ${p.node}（${p.platform}）`,
    en: (p: { version: string; node: string; platform: string }) => `cxzy ${p.version} on Node.js ${p.node} (${p.platform})`,
  },
  runtime_too_old: {
    zh: (p) => `cxzy：需要 Node.js 22.12 或更高版本，当前为 ${p.version}。请在 cxzy 所在文件夹运行 npm install（会带上 Node 24），或安装 Node 24。`,
    en: (p) => `cxzy: needs Node.js 22.12 or later; this is ${p.version}. Run \`npm install\` in cxzy's folder (it brings Node 24), or install Node 24.`,
  },
  cache_failed: {
    zh: (p) => `cxzy：无法把程序文件解到 ${p.folder}：${p.reason}。请用环境变量 CXZY_CACHE 指定一个可以写入的文件夹。`,
    en: (p) => `cxzy: cannot unpack its files into ${p.folder}: ${p.reason}. Set CXZY_CACHE to a folder you can write.`,
  },
  demo_imported: {
    zh: () => `演示：示例数据已导入一个临时数据库（演示结束即删除；要保留数据请用 cxzy import）`,
    en: () => `demo: the bundled examples were imported into a temporary database (deleted after the demo; to keep data use cxzy import)`,
  },
  demo_warnings: {
    zh: (p) => `示例数据里有意留了 ${p.n} 处疏漏，演示 cxzy 的检查（${p.kinds}）；逐条查看：cxzy validate examples`,
    en: (p) => `the examples keep ${p.n} slips on purpose, to show cxzy's checks (${p.kinds}); to see each: cxzy validate examples`,
  },
  demo_warning_kind: { zh: (p) => `${p.kind} ${p.n} 处`, en: (p) => `${p.kind}: ${p.n}` },
  bad_lang: {
    zh: (p) => `--lang 只能是 zh 或 en，实际为 ${p.value}`,
    en: (p) => `--lang must be zh or en, got ${p.value}`,
  },
  bad_format: {
    zh: (p) => `--format 只能是 ${p.allowed}，实际为 ${p.value}`,
    en: (p) => `--format must be one of ${p.allowed}, got ${p.value}`,
  },
  // help
  h_program: {
    zh: () => `创先争优活动数据工具：导入、校验、分类定级、积分评星、信息报送与月度通报`,
    en: () => `Data tool for the "create advanced, strive for excellence" campaign: import, validate, grade, stars, quota, bulletin`,
  },
  h_db: {
    zh: () => `数据库文件（默认 $CXZY_DB，否则 ./cxzy.db）`,
    en: () => `database file (default $CXZY_DB, else ./cxzy.db)`,
  },
  h_rules: {
    zh: () => `规则文件（默认 ./cxzy.rules.yaml，没有则用内置规则）`,
    en: () => `rules file (default ./cxzy.rules.yaml, else the built-in rules)`,
  },
  h_lang: {
    zh: () => `输出语言 zh 或 en（默认 $CXZY_LANG，否则 zh）`,
    en: () => `output language zh or en (default $CXZY_LANG, else zh)`,
  },
  h_format: {
    zh: (p) => `输出格式：${p.text}，用 --out 写文件时另有 ${p.files}（通报：${p.notice}）`,
    en: (p) => `output format: ${p.text}, and ${p.files} into an --out file (the bulletin: ${p.notice})`,
  },
  h_no_color: {
    zh: () => `不使用颜色`,
    en: () => `no colour`,
  },
  h_quiet: {
    zh: () => `只输出错误`,
    en: () => `print errors only`,
  },
  h_version: {
    zh: () => `显示版本`,
    en: () => `print the version`,
  },
  h_help: {
    zh: () => `显示帮助`,
    en: () => `print help`,
  },
  h_init: {
    zh: () => `在 DIR（默认当前文件夹）写入示例数据文件和带中文注释的规则文件`,
    en: () => `write example data files and a rules file with Chinese comments into DIR (default: here)`,
  },
  h_validate: {
    zh: () => `校验数据文件，不写入数据库`,
    en: () => `check data files; write nothing`,
  },
  h_import: {
    zh: () => `校验后在一个事务中导入数据库`,
    en: () => `check, then store everything in one transaction`,
  },
  h_skip_invalid: {
    zh: () => `跳过有错误的文件：其余文件照常导入，有错误的文件连同错误逐个列出（依赖它们的文件也一并跳过），退出码为 4`,
    en: () => `leave out the files with errors (and those that depend on them), import the rest, list each one left out with its errors; exit code 4`,
  },
  h_replace: {
    zh: () =>
      `以本批文件为准（支部更正后重报）：对批次中出现的组织、数据段和季度（信息报送、培树典型按月），删除数据库中有而本批没有的测评、积分、信息、典型和问题；其他组织不动`,
    en: () =>
      `the batch is the whole truth for the orgs it has records of (a branch's corrected file): per section and quarter (month, for reports and typicals), their stored records the batch lacks are removed; other orgs are left alone`,
  },
  h_add: {
    zh: () => `补报：文件报送的组织、季度或月份已由别的文件报送过时，把它的记录追加上去，什么也不删除`,
    en: () =>
      `a supplement: where a file brings what another file brought for an org and quarter or month, add its records to what is there and remove nothing`,
  },
  h_verbose: {
    zh: () => `列出每一条提醒（默认同类的多条提醒按支部合为一行）`,
    en: () => `list every warning (by default many of one kind are one line per branch)`,
  },
  h_replace_org: {
    zh: () => `与 --replace 同用：替换范围扩大到该组织及其下级全部组织`,
    en: () => `with --replace: widen what is replaced to this org's whole subtree`,
  },
  h_limit: {
    zh: () => `与 --dry-run 一起用：变更多于 N 条时，终端上每个组织每个数据段只列前 5 条（默认全部列出）`,
    en: () => `with --dry-run: past N changes, a terminal lists the first 5 per org and section (by default, every change)`,
  },
  h_dry_run: {
    zh: () => `逐条列出将要新增、更新、删除的记录，不写入`,
    en: () => `list every record that would be inserted, updated or removed; write nothing`,
  },
  h_strict: {
    zh: () => `把警告当作错误`,
    en: () => `treat warnings as errors`,
  },
  h_demo: {
    zh: () => `把自带的示例数据导入临时数据库并展示最近一个季度的结果`,
    en: () => `import the bundled examples into a temporary database and show the latest quarter`,
  },
  h_rules_cmd: {
    zh: () => `以 YAML 输出当前生效的规则`,
    en: () => `print the rules in force as YAML`,
  },
  h_paths: {
    zh: () => `数据文件或文件夹`,
    en: () => `data files or folders`,
  },
  h_grade: {
    zh: () => `分类定级表：综合得分、等次、封顶、晋位升级、措施`,
    en: () => `grading table: composite, grade, caps, movement, action`,
  },
  h_stars: {
    zh: () => `积分评星：党员星级、红星党员、标杆支部、旗帜党委`,
    en: () => `stars: member stars, red-star members, benchmark branches, flag committees`,
  },
  h_log: {
    zh: () => `列出历次导入：次序、时间、文件、各数据段的变更`,
    en: () => `list the imports so far: number, time, files, changes per section`,
  },
  h_undo: {
    zh: () => `撤销最近一次尚未撤销的导入，数据库恢复到它之前的样子`,
    en: () => `revert the latest import not yet undone; the database is then as it was before it`,
  },
  h_show: {
    zh: () => `查看一个组织或党员在数据库中的全部记录、来源、定级、星级和信息报送`,
    en: () => `one org or member: what is stored about it, with sources, and its grades, stars and quota`,
  },
  h_show_target: {
    zh: () => `组织代码、党员编号或名称`,
    en: () => `an org code, a member id, or a name`,
  },
  h_annual: {
    zh: () => `年度评议与表彰：各组织、各党员全年情况，先进基层党组织、优秀共产党员、优秀党务工作者人选和备选，定级结果与上年对比`,
    en: () => `the year's review: each org's and member's year, the award candidates and reserves, the grades against the year before`,
  },
  h_annual_year: { zh: () => `年份（如 2011），默认有测评的最近一年`, en: () => `the year (e.g. 2011); default the latest with reviews` },
  h_annual_date: {
    zh: () => `公示的第一天（如 2011-12-20），默认今天；与 --out X.docx 一起用`,
    en: () => `the first day of the public notice (e.g. 2011-12-20); default today; with --out X.docx`,
  },
  h_annual_all: { zh: () => `在终端上也列出每个组织、每名党员的全年情况`, en: () => `on a terminal too, list every org's and member's year` },
  h_ledger: {
    zh: () => `问题台账：截至某日每个问题的整改状态、逾期天数、挂牌督办，各党委的整改率；--suggest 列出分析结果中应列入台账的问题`,
    en: () =>
      `the rectification ledger at a date: each problem's state, days overdue, supervision, and each committee's rate; --suggest lists the problems the analyses imply`,
  },
  h_ledger_period: {
    zh: () => `截至该季度末（如 2011Q2）；与 --suggest 一起用时为分析的季度`,
    en: () => `at the end of this quarter (e.g. 2011Q2); with --suggest, the quarter analysed`,
  },
  h_ledger_month: { zh: () => `截至该月末（如 2011-06）`, en: () => `at the end of this month (e.g. 2011-06)` },
  h_ledger_date: { zh: () => `截至该日（如 2011-06-30），默认今天`, en: () => `at this date (e.g. 2011-06-30); default today` },
  h_ledger_overdue: { zh: () => `只列逾期未整改的问题`, en: () => `list only the overdue problems` },
  h_ledger_suggest: {
    zh: () => `列出该季度定级、承诺兑现情况表明应列入台账而台账中没有的问题；--out X.xlsx 生成待填写的问题台账表`,
    en: () => `list the problems the quarter's grading and pledges imply that the ledger lacks; --out X.xlsx writes them as a sheet to fill`,
  },
  h_ledger_published: {
    zh: () => `该季度（如 2011Q2）销号的问题，作为公示表；--out 写入 .xlsx、.md 或 .csv`,
    en: () => `the problems closed in this quarter (e.g. 2011Q2), as the notice of closed problems; --out writes .xlsx, .md or .csv`,
  },
  h_ledger_number: {
    zh: () => `--out 写督办通知单时，新发通知的第一个顺序号（默认接着本年已发的编号）；已发过通知的问题沿用原编号`,
    en: () => `with --out X.docx, the first number of newly issued notices (by default, after this year's last); a problem issued before keeps its number`,
  },
  h_quota: {
    zh: () => `信息报送与培树典型完成情况`,
    en: () => `information-report and typical quota`,
  },
  h_period: {
    zh: () => `季度，如 2011Q1（默认最近一个有数据的季度）`,
    en: () => `quarter, e.g. 2011Q1 (default: the latest with data)`,
  },
  h_period_export: {
    zh: () => `只导出该季度的测评、积分、信息和典型（默认全部季度）`,
    en: () => `only this quarter's reviews, points, reports and typicals (default: every quarter)`,
  },
  h_period_template: {
    zh: () => `为该季度预先填好测评和积分的行（默认不预填）`,
    en: () => `pre-fill the review and points rows of this quarter (default: none)`,
  },
  h_month: {
    zh: () => `月份，如 2011-03（默认最近一个有信息报送的月份）`,
    en: () => `month, e.g. 2011-03 (default: the latest with reports)`,
  },
  h_org: {
    zh: () => `只看该组织及其下级`,
    en: () => `limit to this org and those below it`,
  },
  h_explain: {
    zh: () => `逐个组织列出每项输入的来源（文件:行）、计算过程、等次和封顶`,
    en: () => `for each org: every input with its file:line, the arithmetic, the level and each cap`,
  },
  h_dir: {
    zh: () => `目标文件夹`,
    en: () => `target folder`,
  },
};
