/** Opaque list cursors: the position of the last item, base64url-encoded. */
import { ApiError } from "./problem.js";

export function encodeCursor(position: number): string {
  return btoa(`p:${position}`).replace(/=+$/, "");
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined || cursor === "") return null;
  try {
    const m = /^p:(\d{1,15})$/.exec(atob(cursor));
    if (m) return Number(m[1]);
  } catch {
    // fall through to the 422
  }
  throw new ApiError(422, "validation_failed", "The cursor is not one this API gave out.", [
    { path: "cursor", code: "invalid_cursor", message: "Use `next_cursor` from a previous page." },
  ]);
}
