// `cxzy merge`: county databases rolled up into a city's.
import type { MergeMessages } from '../../core/messages/merge.js';
import type { Catalog } from './catalog.js';

export const merge: Catalog<MergeMessages> = {
  h_merge: {
    zh: () => `把各县（区）的数据库汇总进 --db 所指的（市级）数据库：每个来源的记录连同出处；再次汇总同一来源时只替换它上次带来的记录`,
    en: () =>
      `roll county databases up into the database of --db (a city's): each source's records with their sources; merging a source again replaces what it brought before and nothing else`,
  },
  h_merge_sources: {
    zh: () => `来源数据库（可写成 前缀=路径，如 430102=a.db）`,
    en: () => `the source databases (NAME=PATH gives that source's prefix, e.g. 430102=a.db)`,
  },
  h_merge_prefix: {
    zh: () => `每个来源的编号前加“前缀.”：前缀取其规则文件的 office.code，否则取文件名（字母数字，至多 12 位）`,
    en: () => `write every code of a source as PREFIX.CODE: PREFIX is its rules file's office.code, else its file name's stem (letters and digits, up to 12)`,
  },
  h_merge_under: {
    zh: () => `把各来源的顶层组织挂在目标数据库的这个组织（市级党委）之下`,
    en: () => `hang each source's top orgs under this org of the target (the city's committee)`,
  },
  mg_source_missing: {
    zh: (p) => `来源数据库 ${p.db} 不存在`,
    en: (p) => `source database ${p.db} does not exist`,
  },
  mg_source_old: {
    zh: (p) => `来源数据库 ${p.db} 是旧版 cxzy 建立的：先用本版打开一次（如 cxzy log --db ${p.db}），它会自动升级，再汇总`,
    en: (p) =>
      `source database ${p.db} is from an earlier cxzy: open it once with this one (e.g. cxzy log --db ${p.db}), which brings it up to date, then merge`,
  },
  mg_source_self: {
    zh: (p) => `${p.db} 就是目标数据库本身，不能汇总进自己`,
    en: (p) => `${p.db} is the target database itself; it cannot be merged into itself`,
  },
  mg_source_twice: {
    zh: (p) => `来源数据库 ${p.db} 给了两次`,
    en: (p) => `source database ${p.db} is given twice`,
  },
  mg_prefix_bad: {
    zh: (p) => `前缀“${p.prefix}”（${p.db}）只能是字母和数字，至多 12 位`,
    en: (p) => `prefix "${p.prefix}" (${p.db}) must be letters and digits, at most 12`,
  },
  mg_prefix_needed: {
    zh: (p) => `${p.db} 没有前缀可用：其规则文件没有 office.code，文件名“${p.stem}”也不是字母数字；请写成 前缀=路径，如 cxzy merge --prefix 430102=${p.db}`,
    en: (p) =>
      `${p.db} has no prefix: its rules file sets no office.code and its file name "${p.stem}" is not letters and digits; write NAME=PATH, e.g. cxzy merge --prefix 430102=${p.db}`,
  },
  mg_prefix_twice: {
    zh: (p) => `前缀“${p.prefix}”同时用于 ${p.a} 和 ${p.b}：请用 前缀=路径 为其一另取前缀`,
    en: (p) => `prefix "${p.prefix}" is used by both ${p.a} and ${p.b}: give one another with NAME=PATH`,
  },
  mg_rules_bad: {
    zh: (p) => `来源旁的规则文件 ${p.file} 有错误，读不出 office.code：先用 cxzy rules --rules ${p.file} 查看，或用 前缀=路径 指定前缀`,
    en: (p) =>
      `the rules file beside a source, ${p.file}, has errors and its office.code cannot be read: check it with cxzy rules --rules ${p.file}, or give the prefix with NAME=PATH`,
  },
  mg_under_missing: {
    zh: (p) => `--under ${p.code}：目标数据库没有这个组织；先导入市级党委（如 city.yaml），再汇总`,
    en: (p) => `--under ${p.code}: the target database has no such org; import the city's committee first (e.g. city.yaml), then merge`,
  },
  mg_under_branch: {
    zh: (p) => `--under ${p.code}：这是一个支部，下面不能再挂组织；请给党委的编号`,
    en: (p) => `--under ${p.code}: it is a branch, which cannot have orgs under it; give a committee's code`,
  },
  mg_collision: {
    zh: (p) => `${p.what}编号 ${p.code} 同时在 ${p.a} 和 ${p.b} 中：各来源的编号要加前缀才能区分，请加 --prefix`,
    en: (p) => `${p.what} code ${p.code} is in both ${p.a} and ${p.b}: add --prefix to keep each source's codes apart`,
  },
  mg_collision_more: {
    zh: (p) => `另有 ${p.n} 条记录的编号冲突`,
    en: (p) => `${p.n} more records' codes collide`,
  },
  mg_target_rows: {
    zh: (p) => `目标数据库（来自 ${p.file}）`,
    en: (p) => `the target database (from ${p.file})`,
  },
  mg_ok: {
    zh: (p) => `已汇总 ${p.n} 个数据库到 ${p.db}`,
    en: (p) => `merged ${p.n} databases into ${p.db}`,
  },
  mg_dry_run: {
    zh: (p) => `试汇总 ${p.n} 个数据库（--dry-run，未写入）：`,
    en: (p) => `dry run of ${p.n} databases (--dry-run, nothing written):`,
  },
  mg_source: {
    zh: (p) => `${p.db}（前缀：${p.prefix}）`,
    en: (p) => `${p.db} (prefix: ${p.prefix})`,
  },
  mg_no_prefix: { zh: () => `无`, en: () => `none` },
  mg_number: {
    zh: (p) => `这是第 ${p.n} 次导入；如有错误，cxzy undo 可撤销这次汇总`,
    en: (p) => `this is import ${p.n}; cxzy undo reverts this merge`,
  },
  mg_prefix_changed: {
    zh: (p) =>
      `${p.db} 在第 ${p.n} 次导入时以前缀“${p.was}”汇总过，这次给的是“${p.now}”：同一来源换前缀会把它的记录汇总成第二份。要沿用原来的，不写前缀即可；确要改，先 cxzy undo 撤销那次汇总`,
    en: (p) =>
      `${p.db} was merged with the prefix "${p.was}" in import ${p.n}, and this time "${p.now}" is given: another prefix would merge its records a second time. Leave the prefix out to keep the earlier one; to change it, undo that merge first`,
  },
  mg_under_changed: {
    zh: (p) => `${p.db} 在第 ${p.n} 次导入时挂在 ${p.was} 之下汇总，这次给的是 --under ${p.now}：不写 --under 即沿用原来的位置`,
    en: (p) => `${p.db} was merged under ${p.was} in import ${p.n}, and this time --under ${p.now} is given: leave --under out to keep it where it is`,
  },
  mg_kept: {
    zh: (p) => `${p.db} 沿用第 ${p.n} 次导入汇总时的设置：前缀 ${p.prefix}，挂在 ${p.under} 之下`,
    en: (p) => `${p.db} keeps what it was merged with in import ${p.n}: prefix ${p.prefix}, under ${p.under}`,
  },
};
