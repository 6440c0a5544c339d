// The command line: the environment (database, files written), usage, help texts.
// Each message id with the parameters its text takes; the texts are in render/i18n/cli.ts.
import type { Scalar } from './types.js';

export interface CliMessages {
  // environment
  db_missing: { db: Scalar };
  db_not_cxzy: { db: Scalar };
  db_newer: { db: Scalar; found: Scalar; supported: Scalar };
  db_locked: { db: Scalar };
  db_unreadable: { db: Scalar; reason: Scalar };
  db_empty: { db: Scalar };
  db_damaged: { db: Scalar; reason: Scalar };
  db_interrupted: { db: Scalar };
  db_readonly_old: { db: Scalar };
  disk_full: { db: Scalar };
  bad_db: { value: Scalar };
  rules_missing: { file: Scalar };
  interrupted: {};
  cmd_unknown_option: { option: Scalar; hint?: Scalar };
  cmd_unknown_command: { command: Scalar; hint?: Scalar };
  cmd_missing_argument: { arg: Scalar };
  cmd_option_missing_argument: { option: Scalar };
  cmd_excess_arguments: { command: Scalar };
  help_usage: {};
  help_options: {};
  help_commands: {};
  help_arguments: {};
  help_global: {};
  usage: { detail: Scalar };
  init_done: { dir: Scalar; n: Scalar };
  init_nothing: { dir: Scalar };
  init_exists: { file: Scalar };
  demo_workbooks: { files: string };
  demo_imported: {};
  demo_runtime: { version: string; node: string; platform: string };
  runtime_too_old: { version: string };
  cache_failed: { folder: string; reason: string };
  bad_lang: { value: Scalar };
  bad_format: { allowed: Scalar; value: Scalar };
  // help
  h_program: {};
  h_db: {};
  h_rules: {};
  h_lang: {};
  h_format: {};
  h_no_color: {};
  h_quiet: {};
  h_version: {};
  h_help: {};
  h_init: {};
  h_validate: {};
  h_import: {};
  h_replace: {};
  h_replace_org: {};
  h_dry_run: {};
  h_strict: {};
  h_demo: {};
  h_rules_cmd: {};
  h_paths: {};
  h_grade: {};
  h_stars: {};
  h_quota: {};
  h_log: {};
  h_undo: {};
  h_show: {};
  h_show_target: {};
  h_period: {};
  h_period_export: {};
  h_period_template: {};
  h_month: {};
  h_org: {};
  h_explain: {};
  h_dir: {};
}
