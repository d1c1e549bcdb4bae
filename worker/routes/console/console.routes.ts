/** The contract of console sessions: sign in with a secret key, who is signed in, sign out (README "Seller console"). */
import { createRoute } from "@hono/zod-openapi";
import { SessionShopSchema, SignInBody } from "../../contract/console.js";
import { json, jsonBody, problem, problemResponses } from "../openapi.js";

/** The session cookie each answer sets (the component is declared in lib/openapi-document.ts). */
const setsCookie = { "Set-Cookie": { $ref: "#/components/headers/Set-Cookie" } };
/** The session's own routes take the cookie, or a secret key as every seller route does. */
const SessionSecurity: Record<string, string[]>[] = [{ consoleSession: [] }, { bearer: [] }];

const sameOrigin =
  "Accepted only from a page of the API's own origin (`Origin`, or `Sec-Fetch-Site: same-origin`); otherwise 403 `cross_origin_refused`.";

export const signIn = createRoute({
  method: "post",
  path: "/v1/console/sessions",
  tags: ["Console"],
  summary: "Sign in to the seller console with a secret key",
  description: `Answers with the shop and sets an HttpOnly, SameSite=Strict session cookie (Secure over https) that acts as the key on /v1 routes and expires after 12 hours without use. ${sameOrigin} Failed attempts are limited per client address (429 with Retry-After).`,
  // Public: the secret key is in the body, not a header.
  security: [],
  request: { body: jsonBody(SignInBody) },
  responses: {
    201: { ...json(SessionShopSchema, "Signed in; the session cookie is set"), headers: setsCookie },
    429: problem("Too many failed sign-in attempts"),
    ...problemResponses,
  },
});

export const current = createRoute({
  method: "get",
  path: "/v1/console/sessions/current",
  tags: ["Console"],
  summary: "The shop of the current console session",
  description: `With the session cookie (or a secret key) answers the shop; 401 \`session_expired\` when the session has ended. ${sameOrigin}`,
  security: SessionSecurity,
  responses: { 200: json(SessionShopSchema, "The signed-in shop"), ...problemResponses },
});

export const signOut = createRoute({
  method: "delete",
  path: "/v1/console/sessions/current",
  tags: ["Console"],
  summary: "Sign out: end the current console session",
  description: `Ends the session and clears its cookie; answers 204 also when it had already ended (or there was none). With a session cookie: ${sameOrigin}`,
  security: SessionSecurity,
  responses: {
    204: { description: "Signed out; the cookie is cleared", headers: setsCookie },
    403: problem("Not from the API's own origin"),
  },
});
