/** Which DATABASE_URL values the Node entry opens on the native client (a local file or memory). */

/**
 * The path of a local DATABASE_URL (`file:<path>`, `file:///<path>`, `:memory:` or `file::memory:`), or
 * null for anything else (libsql://, http(s)://, ws(s)://: @libsql/client's remote clients) and for file
 * URLs with query parameters, which only @libsql/client interprets.
 */
export function localDatabasePath(url: string): string | null {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (!url.startsWith("file:") || url.includes("?")) return null;
  let rest = url.slice("file:".length);
  if (rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const host = rest.slice(2, slash === -1 ? undefined : slash);
    if (host !== "" && host !== "localhost") return null; // @libsql/client refuses it with a clear error
    rest = slash === -1 ? "" : rest.slice(slash);
  }
  return rest === "" ? null : decodeURIComponent(rest);
}
