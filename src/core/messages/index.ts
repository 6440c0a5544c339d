// Every message id with the parameters its text takes, by feature. Messages
// are data until printed: a diagnostic or an explanation carries its id and
// parameters, and render/i18n turns them into Chinese or English text.
import type { AnalysisMessages } from './analyses.js';
import type { AnnualMessages } from './annual.js';
import type { BulletinMessages } from './bulletin.js';
import type { CliMessages } from './cli.js';
import type { DiagnosticMessages } from './diagnostics.js';
import type { GradeMessages } from './grade.js';
import type { HistoryMessages } from './history.js';
import type { IngestMessages } from './ingest.js';
import type { IntakeMessages } from './intake.js';
import type { LedgerMessages } from './ledger.js';
import type { MergeMessages } from './merge.js';
import type { RuleMessages } from './rules.js';
import type { ShowMessages } from './show.js';
import type { StarsMessages } from './stars.js';
import type { StatusMessages } from './status.js';
import type { WebMessages } from './web.js';
import type { WorkbookMessages } from './workbook.js';

export type { Scalar } from './types.js';

export interface Messages
  extends AnalysisMessages,
    AnnualMessages,
    BulletinMessages,
    CliMessages,
    DiagnosticMessages,
    GradeMessages,
    HistoryMessages,
    IngestMessages,
    IntakeMessages,
    LedgerMessages,
    MergeMessages,
    RuleMessages,
    ShowMessages,
    StarsMessages,
    StatusMessages,
    WebMessages,
    WorkbookMessages {}

export type MsgId = keyof Messages;

/** A message: its id and, when its text takes any, its parameters, checked against the id. */
export type Msg = { [K in MsgId]: {} extends Messages[K] ? { id: K; params?: Messages[K] } : { id: K; params: Messages[K] } }[MsgId];

/** Build a message; the parameters are checked against the id. */
export const msg = <K extends MsgId>(id: K, ...params: {} extends Messages[K] ? [Messages[K]?] : [Messages[K]]): Msg => ({ id, params: params[0] }) as Msg;

/** The ids whose text takes no parameters: column headers, labels. */
export type PlainId = { [K in MsgId]: {} extends Messages[K] ? K : never }[MsgId];
