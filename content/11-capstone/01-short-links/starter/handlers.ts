import * as http from "go/net/http";
import * as time from "go/time";
import { userFrom } from "./auth";
import type { LinkCache } from "./cache";
import { writeError } from "./middleware";
import type { MemoryStore } from "./store";

/** What the handlers need. newCode makes a random code (injectable for tests). */
export interface Deps {
  store: MemoryStore;
  cache: LinkCache;
  newCode: () => string;
}

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** randomCode returns 7 random letters and digits (62^7, about 3.5e12 codes). */
export function randomCode(): string {
  let s = "";
  for (let i = 0; i < 7; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

/** validURL reports whether s is an absolute http(s) URL of at most 2048 bytes. */
function validURL(s: string): boolean {
  // TODO: only absolute http and https URLs with a host, at most 2048 bytes (http.parseURL helps).
  return s !== "";
}

const customCode = /^[A-Za-z0-9_-]{3,32}$/;

/**
 * createLink serves POST /links (behind requireAuth): body {"url", "code"?}.
 * 201 {"code", "url", "short": "/r/<code>"} with Location /links/<code>;
 * 400 for a bad body, URL or code; 409 when a custom code is taken.
 * Generated codes that collide are retried with a new code.
 */
export function createLink(d: Deps): http.HandlerFunc {
  return async (w, r) => {
    let body;
    try {
      body = await http.decodeJSON(r, { fields: { url: "string", code: "string?" }, disallowUnknownFields: true });
    } catch (err) {
      if (err instanceof http.DecodeError) return writeError(w, http.StatusBadRequest, err.message);
      throw err;
    }
    if (!validURL(body.url)) {
      return writeError(w, http.StatusBadRequest, "url must be an absolute http or https URL");
    }
    if (body.code !== undefined && !customCode.test(body.code)) {
      return writeError(w, http.StatusBadRequest, "code must be 3-32 letters, digits, '-' or '_'");
    }
    const owner = userFrom(r.context());
    // TODO: a taken custom code is a 409; a generated code that collides is drawn again.
    // TODO: the cache may remember this code as missing.
    const code = body.code ?? d.newCode();
    const err = await d.store.create(r.context(), { code, url: body.url, owner, createdAt: time.now() });
    if (err !== null) throw err;
    w.header().set("Location", `/links/${code}`);
    http.writeJSON(w, http.StatusCreated, { code, url: body.url, short: `/r/${code}` });
  };
}

/**
 * resolveLink serves GET /r/{code}: 302 Found to the link's URL, counting
 * the click; 404 for an unknown code. Links are read through the cache.
 */
export function resolveLink(d: Deps): http.HandlerFunc {
  return (w) => {
    void d;
    writeError(w, http.StatusNotImplemented, "TODO"); // TODO
  };
}

/**
 * linkStats serves GET /links/{code}/stats (behind requireAuth): 200
 * {"code", "url", "clicks"} for the link's owner, 403 for anyone else, 404
 * for an unknown code. Read from the store: the cache's click counts are stale.
 */
export function linkStats(d: Deps): http.HandlerFunc {
  return (w) => {
    void d;
    writeError(w, http.StatusNotImplemented, "TODO"); // TODO
  };
}
