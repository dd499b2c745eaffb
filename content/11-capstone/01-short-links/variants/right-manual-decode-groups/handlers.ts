import * as http from "go/net/http";
import * as time from "go/time";
import { userFrom } from "./auth";
import type { LinkCache } from "./cache";
import { writeError } from "./middleware";
import { ErrCodeTaken } from "./store";
import type { MemoryStore } from "./store";

/** What the handlers need. */
export interface Deps {
  store: MemoryStore;
  cache: LinkCache;
  newCode: () => string;
}

/** randomCode returns 7 random letters and digits. */
export function randomCode(): string {
  const chars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return Array.from({ length: 7 }, () => chars.charAt(Math.floor(Math.random() * 62))).join("");
}

/** parseBody checks the create request by hand and returns [url, code] or an error message. */
function parseBody(text: string): [string, string | undefined] | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return "request body must be JSON";
  }
  if (typeof v !== "object" || v === null) return "request body must be a JSON object";
  const { url, code } = v as { url?: unknown; code?: unknown };
  if (typeof url !== "string" || url.length > 2048 || !/^https?:\/\/[^/?#\s]+/i.test(url)) {
    return "url must be an absolute http or https URL";
  }
  if (code !== undefined && (typeof code !== "string" || !/^[\w-]{3,32}$/.test(code))) {
    return "code must be 3-32 letters, digits, '-' or '_'";
  }
  return [url, code];
}

/** createLink serves POST /links. */
export function createLink(d: Deps): http.HandlerFunc {
  return async (w, r) => {
    const parsed = parseBody(await r.body.text());
    if (typeof parsed === "string") return writeError(w, http.StatusBadRequest, parsed);
    const [url, custom] = parsed;
    let code = "";
    for (let tries = 0; tries < 3; tries++) {
      code = custom ?? d.newCode();
      const err = await d.store.create(r.context(), { code, url, owner: userFrom(r.context()), createdAt: time.now() });
      switch (err) {
        case null:
          d.cache.forget(code);
          w.header().set("Location", "/links/" + code);
          return http.writeJSON(w, http.StatusCreated, { code, url, short: "/r/" + code });
        case ErrCodeTaken:
          if (custom !== undefined) return writeError(w, http.StatusConflict, "code already taken");
          continue;
        default:
          throw err;
      }
    }
    throw new Error(`no free code after 3 draws (last ${code})`);
  };
}

/** resolveLink serves GET /r/{code}. */
export function resolveLink(d: Deps): http.HandlerFunc {
  return async (w, r) => {
    const code = r.pathValue("code");
    const link = await d.cache.get(r.context(), code);
    if (!link) return writeError(w, http.StatusNotFound, "no such link");
    await d.store.click(r.context(), code);
    w.header().set("Location", link.url);
    w.writeHeader(http.StatusFound);
  };
}

/** linkStats serves GET /links/{code}/stats for the owner. */
export function linkStats(d: Deps): http.HandlerFunc {
  return async (w, r) => {
    const link = await d.store.get(r.context(), r.pathValue("code"));
    if (link === null) return writeError(w, http.StatusNotFound, "no such link");
    if (link.owner !== userFrom(r.context())) return writeError(w, http.StatusForbidden, "not your link");
    http.writeJSON(w, http.StatusOK, { code: link.code, url: link.url, clicks: link.clicks });
  };
}
