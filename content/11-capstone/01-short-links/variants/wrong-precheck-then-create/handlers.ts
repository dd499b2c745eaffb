import * as http from "go/net/http";
import * as time from "go/time";
import { userFrom } from "./auth";
import type { LinkCache } from "./cache";
import { writeError } from "./middleware";
import { ErrCodeTaken } from "./store";
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
  if (s.length > 2048) return false;
  try {
    const u = http.parseURL(s);
    return (u.scheme === "http" || u.scheme === "https") && u.host !== "";
  } catch {
    return false;
  }
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
    if (body.code !== undefined && (await d.store.get(r.context(), body.code)) !== null) {
      return writeError(w, http.StatusConflict, "code already taken");
    }
    for (let attempt = 1; ; attempt++) {
      const code = body.code ?? d.newCode();
      const err = await d.store.create(r.context(), { code, url: body.url, owner, createdAt: time.now() });
      if (err === ErrCodeTaken && body.code === undefined && attempt < 3) continue;
      d.cache.forget(code); // it may remember this code as missing
      w.header().set("Location", `/links/${code}`);
      http.writeJSON(w, http.StatusCreated, { code, url: body.url, short: `/r/${code}` });
      return;
    }
  };
}

/**
 * resolveLink serves GET /r/{code}: 302 Found to the link's URL, counting
 * the click; 404 for an unknown code. Links are read through the cache.
 */
export function resolveLink(d: Deps): http.HandlerFunc {
  return async (w, r) => {
    const code = r.pathValue("code");
    const link = await d.cache.get(r.context(), code);
    if (link === null) return writeError(w, http.StatusNotFound, "no such link");
    await d.store.click(r.context(), code); // every visit counts, cached or not
    http.redirect(w, r, link.url, http.StatusFound); // not 301: browsers would cache it and skip us
  };
}

/**
 * linkStats serves GET /links/{code}/stats (behind requireAuth): 200
 * {"code", "url", "clicks"} for the link's owner, 403 for anyone else, 404
 * for an unknown code. Read from the store: the cache's click counts are stale.
 */
export function linkStats(d: Deps): http.HandlerFunc {
  return async (w, r) => {
    const link = await d.store.get(r.context(), r.pathValue("code"));
    if (link === null) return writeError(w, http.StatusNotFound, "no such link");
    if (link.owner !== userFrom(r.context())) return writeError(w, http.StatusForbidden, "not your link");
    http.writeJSON(w, http.StatusOK, { code: link.code, url: link.url, clicks: link.clicks });
  };
}
