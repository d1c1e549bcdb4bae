/** The contract of console sessions: sign in with a secret key, who am I, sign out (README "Seller console"). */
import { createRoute, z } from "@hono/zod-openapi";
import { json, jsonBody, problem, problemResponses } from "../../lib/schemas.js";
import { ShopSchema } from "../shops/shops.routes.js";

export const SignInBody = z
  .strictObject({ secret_key: z.string().min(1).max(200).openapi({ example: "sk_test_…" }) })
  .openapi("ConsoleSignIn");

const ShopAnswer = z.object({ shop: ShopSchema });
const sameOrigin = "Accepted only from a page of the API's own origin (`Origin`, or `Sec-Fetch-Site: same-origin`); otherwise 403 `cross_origin_refused`.";

export const signIn = createRoute({
  method: "post",
  path: "/v1/console/sessions",
  tags: ["Console"],
  summary: "Sign in to the seller console with a secret key",
  description: `Answers with the shop and sets an HttpOnly, SameSite=Strict session cookie (Secure over https) that expires after 12 hours without use. ${sameOrigin} Failed attempts are limited per client address (429 with Retry-After).`,
  request: { body: jsonBody(SignInBody) },
  responses: {
    201: json(ShopAnswer, "Signed in; the session cookie is set"),
    429: problem("Too many failed sign-in attempts"),
    ...problemResponses,
  },
});

export const currentSession = createRoute({
  method: "get",
  path: "/v1/console/sessions/current",
  tags: ["Console"],
  summary: "The shop of the current console session",
  description: `With the session cookie (or a secret key) answers the shop; 401 when the session has ended. ${sameOrigin}`,
  responses: { 200: json(ShopAnswer, "The signed-in shop"), ...problemResponses },
});

export const signOut = createRoute({
  method: "delete",
  path: "/v1/console/sessions/current",
  tags: ["Console"],
  summary: "Sign out: end the current console session",
  description: `Ends the session and clears its cookie; answers 204 also when it had already ended. ${sameOrigin}`,
  responses: { 204: { description: "Signed out" }, 403: problem("Not from the API's own origin") },
});
