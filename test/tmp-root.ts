// Every suite's global setup: one folder for the temporary folders of the whole
// run (test/helpers.ts `tmp()` makes them in it), removed when the run ends,
// passed or failed. The test processes inherit it through the environment.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'cxzy-tests-'));
  // Each folder in it is private (mkdtemp's 700); a test that opens one to other users can.
  chmodSync(root, 0o755);
  process.env.CXZY_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
