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

// atoi is Go's strconv.Atoi: an optional sign and decimal digits, nothing else
// (Number(" 1e1") is 10 and parseInt("10abc") is 10; Atoi refuses both).
function atoi(s: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

const enc = new TextEncoder();
const dec = new TextDecoder("utf-8", { fatal: true });

/** encodeCursor makes an opaque cursor (base64url of JSON; Go: base64.RawURLEncoding). */
export function encodeCursor(c: Cursor): string {
  const [s] = json.marshal([c.sort, c.key, c.id]);
  const bin = Array.from(enc.encode(s), (b) => String.fromCharCode(b)).join("");
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** decodeCursor reads a cursor made by encodeCursor, or returns null if s is not one. */
export function decodeCursor(s: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(s)) return null;
  let v: unknown;
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    v = JSON.parse(dec.decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
  if (!Array.isArray(v) || v.length !== 3) return null;
  const [sort, key, id] = v as unknown[];
  if (!sorts.includes(sort as Sort) || !Number.isSafeInteger(id)) return null;
  const field = (sort as string).replace(/^-/, "");
  if (field === "name" ? typeof key !== "string" : !Number.isSafeInteger(key)) return null;
  return { sort: sort as Sort, key: key as string | number, id: id as number };
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
  let maxPrice: number | null = null;
  if (q.has("max_price")) {
    maxPrice = atoi(q.get("max_price"));
    if (maxPrice === null || maxPrice < 0) return [null, "max_price must be a non-negative integer"];
  }
  const sort = q.has("sort") ? q.get("sort") : "id";
  if (!sorts.includes(sort as Sort)) return [null, `sort must be one of ${sorts.join(", ")}`];
  let limit = DefaultLimit;
  if (q.has("limit")) {
    const n = atoi(q.get("limit"));
    if (n === null || n < 1) return [null, "limit must be a positive integer"];
    limit = Math.min(n, MaxLimit);
  }
  let offset = 0;
  if (q.has("offset")) {
    const n = atoi(q.get("offset"));
    if (n === null || n < 0) return [null, "offset must be a non-negative integer"];
    offset = n;
  }
  let after: Cursor | null = null;
  if (q.has("cursor")) {
    if (q.has("offset")) return [null, "use cursor or offset, not both"];
    after = decodeCursor(q.get("cursor"));
    // A cursor from another sort points into another order: it means nothing here.
    if (after === null) return [null, "cursor is invalid"];
  }
  return [{ category: q.get("category"), maxPrice, sort: sort as Sort, limit, offset, after }, null];
}

function keyOf(p: Product, sort: Sort): string | number {
  const field = sort.replace(/^-/, "");
  return field === "name" ? p.name : field === "price" ? p.price : p.id;
}

// compare orders (key, id) pairs: by key in the sort's direction, then by id ascending.
function compare(sort: Sort, ak: string | number, aid: number, bk: string | number, bid: number): number {
  const dir = sort.startsWith("-") ? -1 : 1;
  if (ak < bk) return -dir;
  if (ak > bk) return dir;
  return aid - bid;
}

/**
 * list returns the page of store's products that q asks for: filtered,
 * sorted with id as the tiebreak, starting after q.after (keyset) or at
 * q.offset, at most q.limit items, and a next_cursor when more follow.
 */
export function list(store: Store, q: ListQuery): Page {
  let rows = store
    .all()
    .filter((p) => (q.category === "" || p.category === q.category) && (q.maxPrice === null || p.price <= q.maxPrice))
    .sort((a, b) => compare(q.sort, keyOf(a, q.sort), a.id, keyOf(b, q.sort), b.id));
  const after = q.after;
  if (after !== null) {
    // Keyset: everything strictly after the last item seen, found by its values, not its position.
    rows = rows.filter((p) => compare(q.sort, keyOf(p, q.sort), p.id, after.key, after.id) > 0);
  } else {
    rows = rows.slice(q.offset);
  }
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const more = rows.length > q.limit;
  return {
    items,
    next_cursor: more && last ? encodeCursor({ sort: q.sort, key: keyOf(last, q.sort), id: last.id }) : null,
  };
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
