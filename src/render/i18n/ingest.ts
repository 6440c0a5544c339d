// What validate and import print around their diagnostics.
import type { IngestMessages } from '../../core/messages/ingest.js';
import type { Catalog } from './catalog.js';

export const ingest: Catalog<IngestMessages> = {
  cross_not_run: {
    zh: () => `以上是文件本身的错误；引用、组织关系等跨文件的检查还没有进行，改正后再运行会继续检查`,
    en: () => `These are errors in the files themselves; the checks across files (references, the org tree) have not run yet and will once these are fixed`,
  },
  name_not_utf8: {
    zh: (p) =>
      `文件名不是 UTF-8 编码（多为 Windows 的压缩包在其他系统上解压所致）${p.guess ? `，按 GBK 应为“${p.guess}”` : ''}：已照常读取，其中非 ASCII 的字节写作 \\xHH；建议把文件改名后再报送`,
    en: (p) =>
      `the file's name is not UTF-8 (a Windows zip unpacked elsewhere, most likely)${p.guess ? `; read as GBK it is "${p.guess}"` : ''}: read as any other, its bytes other than ASCII shown as \\xHH; rename the file`,
  },
  skipped_files: {
    zh: (p) => `${p.folder} 中有 ${p.n} 个文件不是数据文件（.yaml、.xlsx），已跳过：${p.list}`,
    en: (p) => `${p.n} files in ${p.folder} are not data files (.yaml, .xlsx) and were skipped: ${p.list}`,
  },
  warnings_kind_more: {
    zh: (p) => `……同类警告（${p.kind}）另有 ${p.n} 条未列出；用 --format json 可查看全部`,
    en: (p) => `… ${p.n} more warnings of this kind (${p.kind}) not shown; --format json lists them all`,
  },
  no_points_branch: {
    zh: (p) => `${p.org} 有 ${p.n} 名在册党员在 ${p.period} 没有积分记录：${p.ids}${p.more ? ' 等（加 --verbose 或 --format json 逐个列出）' : ''}`,
    en: (p) => `${p.org}: ${p.n} active member(s) without points in ${p.period}: ${p.ids}${p.more ? ' … (--verbose or --format json lists each)' : ''}`,
  },
  errors_more: {
    zh: (p) => `……另有 ${p.n} 个错误未列出`,
    en: (p) => `… and ${p.n} more errors`,
  },
  n_errors: {
    zh: (p) => `共 ${p.n} 个错误`,
    en: (p) => `${p.n} error(s)`,
  },
  n_warnings: {
    zh: (p) => `${p.n} 条警告`,
    en: (p) => `${p.n} warning(s)`,
  },
  valid_ok: {
    zh: (p) => `校验通过：${p.files} 个文件，${p.records} 条记录`,
    en: (p) => `valid: ${p.files} file(s), ${p.records} record(s)`,
  },
  invalid: {
    zh: () => `校验未通过，没有写入任何数据`,
    en: () => `invalid: nothing was written`,
  },
  import_ok: {
    zh: (p) => `已导入 ${p.files} 个文件到 ${p.db}`,
    en: (p) => `imported ${p.files} file(s) into ${p.db}`,
  },
  left_out_file: {
    zh: (p) => `未导入：${p.file}（${p.n} 个错误）`,
    en: (p) => `left out: ${p.file} (${p.n} error(s))`,
  },
  left_out: {
    zh: (p) => `${p.n} 个文件有错误，没有导入（见上）；其余文件已照常导入。改正后再导入这些文件即可`,
    en: (p) => `${p.n} file(s) with errors were left out (see above); the rest were imported. Import them again once corrected`,
  },
  all_left_out: {
    zh: () => `每个文件都有错误，没有写入任何数据`,
    en: () => `every file has errors: nothing was written`,
  },
  dry_run: {
    zh: (p) => `试运行：${p.files} 个文件校验通过，以下为将要发生的变更，数据库未改动`,
    en: (p) => `dry run: ${p.files} file(s) valid; the changes below were not written`,
  },
  section: {
    zh: () => `数据段`,
    en: () => `section`,
  },
  inserted: {
    zh: () => `新增`,
    en: () => `inserted`,
  },
  updated: {
    zh: () => `更新`,
    en: () => `updated`,
  },
  unchanged: {
    zh: () => `未变`,
    en: () => `unchanged`,
  },
  removed: {
    zh: () => `删除`,
    en: () => `removed`,
  },
  warning: {
    zh: () => `警告`,
    en: () => `warning`,
  },
  error: {
    zh: () => `错误`,
    en: () => `error`,
  },
  progress_import: {
    zh: () => `导入`,
    en: () => `import`,
  },
  progress_validate: {
    zh: () => `校验`,
    en: () => `validate`,
  },
};
