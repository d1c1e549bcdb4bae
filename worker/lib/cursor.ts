/**
 * Opaque list cursors, base64url-encoded: the position of the last item a page showed. A position is a
 * number (a `seq`) or, for lists ordered by time, the time and id of that item (`encodeKeyCursor`).
 */
import { ApiError } from "./problem.js";

const invalid = () =>
  new ApiError(422, "validation_failed", "The cursor is not one this API gave out.", [
    { path: "cursor", code: "invalid_cursor", message: "Use `next_cursor` from a previous page." },
  ]);

const encode = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

function decode(cursor: string): string | null {
  try {
    return atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
}

export function encodeCursor(position: number): string {
  return encode(`p:${position}`);
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (cursor === undefined || cursor === "") return null;
  const m = /^p:(\d{1,15})$/.exec(decode(cursor) ?? "");
  if (m) return Number(m[1]);
  throw invalid();
}

/** The position of an item in a list ordered by (time, id): ties in time are ordered by id. */
export interface KeyPosition {
  at: number;
  id: string;
}

export function encodeKeyCursor(p: KeyPosition): string {
  // Ids may be a buyer's (any characters): percent-encoded so the text stays ASCII for btoa.
  return encode(`k:${p.at}:${encodeURIComponent(p.id)}`);
}

export function decodeKeyCursor(cursor: string | undefined): KeyPosition | null {
  if (cursor === undefined || cursor === "") return null;
  const m = /^k:(-?\d{1,15}):([\x21-\x7e]{1,800})$/.exec(decode(cursor) ?? "");
  if (m) {
    try {
      return { at: Number(m[1]), id: decodeURIComponent(m[2]) };
    } catch {
      // fall through to the 422
    }
  }
  throw invalid();
}
