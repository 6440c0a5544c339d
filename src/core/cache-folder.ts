// Where cxzy keeps what it makes for itself, per user: the executables' unpacked
// files and SQLite addon, and the compiled code bin/cxzy starts from.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** %LOCALAPPDATA%\cxzy on Windows, ~/.cache/cxzy elsewhere; CXZY_CACHE overrides. */
export function cacheFolder(env: NodeJS.ProcessEnv): string {
  if (env.CXZY_CACHE) return env.CXZY_CACHE;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'cxzy');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'cxzy');
}
