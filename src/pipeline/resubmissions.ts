// The check step's resubmissions (SPEC §3 Submissions): each submission of
// the batch that a file of other content brought before, as a diagnostic —
// an error for an import that did not say what it means, a warning that says
// what happens for one that did (--replace, --add), and a warning for
// validate, which writes nothing.
import type { DB } from '../store/db.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { wholeFile } from '../core/diagnostic.js';
import { batchSubmissions, resubmissions, type Resubmission } from '../store/submissions.js';
import { orgNames } from '../store/changes.js';

/** What the import says a resubmission is: the corrected file, a supplement, or nothing (validate: null). */
export type Meaning = 'replace' | 'add' | 'unsaid' | null;

const shownAt = (at: string) => at.slice(0, 16).replace('T', ' ');

/** `hashes`: each file read, with its content hash; `scope`: builds --replace's scope, when there is a resubmission to count. */
export function resubmissionFindings(db: DB, hashes: Map<string, string>, meaning: Meaning, scope: () => void): Diagnostic[] {
  batchSubmissions(db, hashes);
  // One that would change nothing (a file saved again as it was) needs no choice.
  const found = resubmissions(db, scope).filter((r) => r.changes.added + r.changes.changed + r.changes.removed > 0);
  const names = orgNames(db, new Set(found.map((r) => r.org)));
  return found.map((r) => diagnostic(r, names.get(r.org) ?? '', meaning));
}

function diagnostic(r: Resubmission, name: string, meaning: Meaning): Diagnostic {
  const base = { org: r.org, name, what: r.section, span: r.span, earlier: r.earlier.file };
  const extra = { org: r.org, section: r.section, span: r.span, earlier: r.earlier, changes: r.changes };
  const at = { ...wholeFile(r.file), path: null, code: 'resubmission', extra };
  if (meaning === 'replace') return { ...at, severity: 'warning', msg: { id: 'resubmission_replaced', params: { ...base, ...r.changes } } };
  if (meaning === 'add')
    return { ...at, severity: 'warning', msg: { id: 'resubmission_added', params: { ...base, added: r.changes.added, changed: r.changes.changed } } };
  return {
    ...at,
    severity: meaning === null ? 'warning' : 'error',
    msg: { id: 'resubmission', params: { ...base, n: r.earlier.import, at: shownAt(r.earlier.at), ...r.changes } },
  };
}
