/**
 * The API's routes as typed calls, one name each, made with one key (and any extra headers, such as
 * `x-buyer-token`). Each returns the typed client's response: wrap it in `expectStatus(…, status)` for the
 * body of one status, or in `answer(…)` to look at the status, headers and body together.
 */
import { hc } from "hono/client";
import type { AppType } from "../../worker/app.js";
import type { Api, TestApp } from "./app.js";

type V1 = ReturnType<TestApp["api"]>["v1"];
type Json<F extends (args: never) => unknown> = Parameters<F>[0] extends { json: infer J } ? J : never;
type Query<F extends (args: never) => unknown> = Parameters<F>[0] extends { query: infer Q } ? Q : never;

export type CouponJson = Json<V1["coupons"]["$post"]>;
export type QuoteJson = Json<V1["checkout"]["quote"]["$post"]>;
export type RedemptionJson = Json<V1["checkout"]["redemptions"]["$post"]>;
export type EventJson = Json<V1["events"]["$post"]>;
export type CouponPatch = Json<V1["coupons"][":id"]["$patch"]>;
export type EndpointJson = Json<V1["webhook-endpoints"]["$post"]>;

/** `Omit` over each member of a union (keeps a discriminated union discriminated). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event without the id and time a suite fills in. */
export type EventFact = DistributiveOmit<EventJson, "id" | "occurred_at">;

/** `If-Match` as the routes take it: absent, or the version as text. */
const ifMatch = (version?: number | string) => (version === undefined ? {} : { "if-match": String(version) });

/** The routes of the in-process app `t`, called with `key`. */
export const calls = (t: TestApp, key?: string, headers?: Record<string, string>) => routesOf(t.api(key, headers).v1);

/** The same routes of a really started server (Node or `wrangler dev`) at `base`, over HTTP. */
export function serverCalls(base: string, key?: string, headers: Record<string, string> = {}) {
  // hc's client and testClient's differ only in the base URL they type; the routes are the same.
  const client = hc<AppType>(base, { headers: key ? { ...headers, authorization: `Bearer ${key}` } : headers }) as unknown as Api;
  return routesOf(client.v1);
}

function routesOf(v1: V1) {
  const coupon = (_id: string) => v1.coupons[":id"];
  return {
    createCoupon: (json: CouponJson) => v1.coupons.$post({ json }),
    listCoupons: (query: Query<V1["coupons"]["$get"]> = {}) => v1.coupons.$get({ query }),
    readCoupon: (id: string) => coupon(id).$get({ param: { id } }),
    patchCoupon: (id: string, json: CouponPatch, version?: number | string) =>
      coupon(id).$patch({ param: { id }, json, header: ifMatch(version) }),
    deactivate: (id: string, version?: number | string) => coupon(id).deactivate.$post({ param: { id }, header: ifMatch(version) }),
    duplicate: (id: string, json: Json<V1["coupons"][":id"]["duplicate"]["$post"]> = {}) =>
      coupon(id).duplicate.$post({ param: { id }, json }),
    history: (id: string, query: Query<V1["coupons"][":id"]["history"]["$get"]> = {}) => coupon(id).history.$get({ param: { id }, query }),
    performance: (id: string, query: Query<V1["coupons"][":id"]["performance"]["$get"]> = {}) =>
      coupon(id).performance.$get({ param: { id }, query }),
    recipients: (id: string, query: Query<V1["coupons"][":id"]["recipients"]["$get"]> = {}) =>
      coupon(id).recipients.$get({ param: { id }, query }),
    preview: (json: CouponJson) => v1.coupons.preview.$post({ json }),
    codes: (id: string, query: Query<V1["coupons"][":id"]["codes"]["$get"]> = {}) => coupon(id).codes.$get({ param: { id }, query }),
    addCodes: (id: string, json: Json<V1["coupons"][":id"]["codes"]["$post"]>) => coupon(id).codes.$post({ param: { id }, json }),
    send: (id: string, json: { buyer_id: string }) => coupon(id).send.$post({ param: { id }, json }),
    lookup: (code: string) => v1["promo-codes"][":code"].$get({ param: { code } }),
    availability: (code: string) => v1["promo-codes"].availability.$get({ query: { code } }),
    quote: (json: QuoteJson) => v1.checkout.quote.$post({ json }),
    redeem: (json: RedemptionJson, idempotencyKey?: string) =>
      v1.checkout.redemptions.$post({ json, header: idempotencyKey === undefined ? {} : { "idempotency-key": idempotencyKey } }),
    redemption: (id: string) => v1.redemptions[":id"].$get({ param: { id } }),
    listRedemptions: (query: Query<V1["redemptions"]["$get"]> = {}) => v1.redemptions.$get({ query }),
    listClaims: (query: Query<V1["claims"]["$get"]> = {}) => v1.claims.$get({ query }),
    listReviews: (query: Query<V1["reviews"]["$get"]> = {}) => v1.reviews.$get({ query }),
    audit: (query: Query<V1["audit"]["$get"]> = {}) => v1.audit.$get({ query }),
    commit: (id: string) => v1.redemptions[":id"].commit.$post({ param: { id } }),
    release: (id: string) => v1.redemptions[":id"].release.$post({ param: { id } }),
    claim: (id: string, json: { buyer_id?: string } = {}) => v1.storefront.coupons[":id"].claim.$post({ param: { id }, json }),
    storefront: (query: Query<V1["storefront"]["coupons"]["$get"]> = {}) => v1.storefront.coupons.$get({ query }),
    wallet: (query: Query<V1["storefront"]["wallet"]["$get"]> = {}) => v1.storefront.wallet.$get({ query }),
    event: (json: EventJson) => v1.events.$post({ json }),
    setClock: (json: { now: string | null }) => v1["test-clock"].$post({ json }),
    createKey: (json: { kind: "secret" | "publishable" }) => v1.keys.$post({ json }),
    listKeys: (query: Query<V1["keys"]["$get"]> = {}) => v1.keys.$get({ query }),
    revokeKey: (id: string) => v1.keys[":id"].revoke.$post({ param: { id } }),
    createShop: (json: Json<V1["shops"]["$post"]>) => v1.shops.$post({ json }),
    readShop: (id: string) => v1.shops[":id"].$get({ param: { id } }),
    patchShop: (id: string, json: Json<V1["shops"][":id"]["$patch"]>) => v1.shops[":id"].$patch({ param: { id }, json }),
    createEndpoint: (json: EndpointJson) => v1["webhook-endpoints"].$post({ json }),
    listEndpoints: (query: Query<V1["webhook-endpoints"]["$get"]> = {}) => v1["webhook-endpoints"].$get({ query }),
    deleteEndpoint: (id: string) => v1["webhook-endpoints"][":id"].$delete({ param: { id } }),
    deliveries: (id: string, query: Query<V1["webhook-endpoints"][":id"]["deliveries"]["$get"]> = {}) =>
      v1["webhook-endpoints"][":id"].deliveries.$get({ param: { id }, query }),
    retryDelivery: (id: string) => v1["webhook-deliveries"][":id"].retry.$post({ param: { id } }),
  };
}
