// Settings an office or a test gives by environment variable (CXZY_WORKERS,
// CXZY_PIECE_BYTES, CXZY_RUN_SIZE, CXZY_PROGRESS_AFTER_MS).

/** The whole number `name` says, or null when it is unset or not digits alone. */
export function envCount(env: NodeJS.ProcessEnv, name: string): number | null {
  const asked = env[name];
  return asked !== undefined && /^\d+$/.test(asked) ? Number(asked) : null;
}
