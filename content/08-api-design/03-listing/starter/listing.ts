import * as json from "go/encoding/json";
import * as http from "go/net/http";
import type { Handler, ResponseWriter, Values } from "go/net/http";
import { seed } from "./store";
import type { Product, Store } from "./store";

/** The page size when the client sends no limit, and the largest it may ask for (larger limits are clamped). */
export const DefaultLimit = 20;
export const MaxLimit = 100;

/** The orders a client may ask for: a field, "-" for descending. Ties are always broken by id, ascending. */
export const sorts = ["id", "name", "-name", "price", "-price"] as const;

/** A Sort is one of sorts. */
export type Sort = (typeof sorts)[number];

/** A Cursor marks the last item of a page: its sort, its sort key and its id. */
export interface Cursor {
  readonly sort: Sort;
  readonly key: string | number;
  readonly id: number;
}

/** A ListQuery is a parsed, valid GET /products query. */
export interface ListQuery {
  readonly category: string; // "" means every category
  readonly maxPrice: number | null;
  readonly sort: Sort;
  readonly limit: number;
  readonly offset: number;
  readonly after: Cursor | null;
}

/** A Page is one response of GET /products. next_cursor is null on the last page. */
export interface Page {
  readonly items: Product[];
  readonly next_cursor: string | null;
}

const enc = new TextEncoder();

/** encodeCursor makes an opaque cursor (base64url of JSON; Go: base64.RawURLEncoding). */
export function encodeCursor(c: Cursor): string {
  const [s] = json.marshal([c.sort, c.key, c.id]);
  const bin = Array.from(enc.encode(s), (b) => String.fromCharCode(b)).join("");
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** decodeCursor reads a cursor made by encodeCursor, or returns null if s is not one. */
export function decodeCursor(s: string): Cursor | null {
  // TODO: undo encodeCursor, and check every part: a cursor comes from the client.
  void s;
  return null;
}

/**
 * parseListQuery validates the query of GET /products. It returns the
 * query, or the detail of a 400:
 *
 * - category: an exact category; absent means all
 * - max_price: a non-negative integer ("max_price must be a non-negative integer")
 * - sort: one of sorts, default "id" ("sort must be one of id, name, -name, price, -price")
 * - limit: a positive integer, default 20, at most 100 ("limit must be a positive integer")
 * - offset: a non-negative integer, default 0 ("offset must be a non-negative integer")
 * - cursor: a next_cursor of the same sort ("cursor is invalid"); not with offset ("use cursor or offset, not both")
 */
export function parseListQuery(q: Values): [ListQuery, null] | [null, string] {
  // TODO: validate every parameter as the doc comment says (Go: strconv.Atoi, not parseInt).
  const limit = Number(q.get("limit")) || DefaultLimit;
  return [{ category: q.get("category"), maxPrice: null, sort: "id", limit, offset: 0, after: null }, null];
}

/**
 * list returns the page of store's products that q asks for: filtered,
 * sorted with id as the tiebreak, starting after q.after (keyset) or at
 * q.offset, at most q.limit items, and a next_cursor when more follow.
 */
export function list(store: Store, q: ListQuery): Page {
  // TODO: filter, sort (ties by id), start after the cursor or at the offset, and set next_cursor.
  return { items: store.all().slice(0, q.limit), next_cursor: null };
}

function badRequest(w: ResponseWriter, detail: string): void {
  const [body] = json.marshal({ type: "about:blank", title: "Bad Request", status: 400, detail });
  w.header().set("Content-Type", "application/problem+json");
  w.writeHeader(http.StatusBadRequest);
  w.write(body + "\n");
}

/** newHandler serves GET /products from store: a Page as JSON, or a problem+json 400 for a bad query. */
export function newHandler(store: Store): Handler {
  const mux = http.newServeMux();
  mux.handleFunc("GET /products", (w, r) => {
    const [q, detail] = parseListQuery(r.url.query());
    if (q === null) return badRequest(w, detail);
    http.writeJSON(w, http.StatusOK, list(store, q));
  });
  return mux;
}

/** The handler the API explorer talks to: try GET /products?sort=price&limit=5, then follow next_cursor. */
export const handler = newHandler(seed());
