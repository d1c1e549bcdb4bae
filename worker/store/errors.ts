/** Recognising constraint failures through Drizzle's and libSQL's error wrappers. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? "");
    const message = String((e as { message?: unknown }).message ?? "");
    if (/SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)/.test(code)) return true;
    if (/UNIQUE constraint failed|PRIMARY KEY constraint failed/i.test(message)) return true;
  }
  return false;
}
