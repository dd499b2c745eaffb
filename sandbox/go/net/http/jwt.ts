// Package jwt ("go/net/http/jwt"): HS256 JSON Web Tokens (RFC 7519) checked
// against the virtual clock. Modelled on github.com/golang-jwt/jwt/v5.

import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { clock, Epoch } from "./clock";
import { decode as b64decode, encode as b64encode } from "./base64url";

export { clock, Epoch };

/**
 * Claims are the token's payload. Registered claims: sub (subject), iss
 * (issuer), aud (audience), exp (expires at), nbf (not before), iat (issued
 * at), all times in Unix seconds (NumericDate); add your own, e.g. role.
 */
export interface Claims {
  sub?: string;
  iss?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  jti?: string;
  [claim: string]: unknown;
}

/** ErrTokenMalformed: the token is not three base64url parts of JSON. */
export const ErrTokenMalformed = new Error("token is malformed");
/** ErrTokenUnverifiable: the header's alg is not HS256 (including "none"). */
export const ErrTokenUnverifiable = new Error("token is unverifiable");
/** ErrTokenSignatureInvalid: the signature does not match (wrong secret or tampered token). */
export const ErrTokenSignatureInvalid = new Error("token signature is invalid");
/** ErrTokenExpired: now is at or after exp. */
export const ErrTokenExpired = new Error("token is expired");
/** ErrTokenNotValidYet: now is before nbf. */
export const ErrTokenNotValidYet = new Error("token is not valid yet");
/** ErrTokenInvalidClaims: a registered claim has the wrong type, or iss/aud did not match. */
export const ErrTokenInvalidClaims = new Error("token has invalid claims");

/**
 * TokenError is what verify throws. `kind` is one of the Err* sentinels
 * (like Go's errors.Is(err, jwt.ErrTokenExpired): `err.is(ErrTokenExpired)`);
 * the message adds detail, e.g. `token is unverifiable: alg "none" is not allowed`.
 */
export class TokenError extends Error {
  readonly kind: Error;
  constructor(kind: Error, detail?: string) {
    super(detail ? `${kind.message}: ${detail}` : kind.message, { cause: kind });
    this.name = "TokenError";
    this.kind = kind;
  }
  /** is reports whether this error is of the given kind (Go's errors.Is). */
  is(target: Error): boolean {
    return this.kind === target;
  }
}

/** Options for sign. Durations are time.Durations (integer nanoseconds, e.g. time.Hour). */
export interface SignOptions {
  /** Sets exp to now + expiresIn (rounded down to seconds). */
  expiresIn?: number;
  /** Sets nbf to now + notBefore. */
  notBefore?: number;
  /** Set iat to now unless false or already in claims (default true). */
  issuedAt?: boolean;
}

/** Options for verify. */
export interface VerifyOptions {
  /** The time to check exp/nbf against, Unix ms (default: clock()). */
  now?: number;
  /** Clock skew allowed on exp and nbf, a time.Duration (default 0). */
  leeway?: number;
  /** If set, the iss claim must equal it. */
  issuer?: string;
  /** If set, the aud claim must be (or contain) it. */
  audience?: string;
}

/** Durations are ns; the JWT clock counts ms. */
const NS_PER_MS = 1e6;

const enc = new TextEncoder();
const dec = new TextDecoder("utf-8", { fatal: true });

function keyBytes(secret: string | Uint8Array): Uint8Array {
  const k = typeof secret === "string" ? enc.encode(secret) : secret;
  if (k.length === 0) throw new Error("jwt: secret must not be empty");
  return k;
}

function signature(signingInput: string, key: Uint8Array): Uint8Array {
  return hmac(sha256, key, enc.encode(signingInput));
}

/** constantTimeEqual compares two byte strings in time independent of where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * sign returns a compact HS256 JWT ("header.payload.signature") for claims,
 * signed with secret. With opts.expiresIn it sets exp; iat is set to now
 * (see clock) unless the claims have one or opts.issuedAt is false.
 *
 *     const token = sign({ sub: "ana", role: "admin" }, secret, { expiresIn: time.Hour });
 */
export function sign(claims: Claims, secret: string | Uint8Array, opts: SignOptions = {}): string {
  const key = keyBytes(secret);
  const t = clock();
  const payload: Claims = { ...claims };
  if (opts.issuedAt !== false && payload.iat === undefined) payload.iat = Math.floor(t / 1000);
  if (opts.expiresIn !== undefined) payload.exp = Math.floor((t + opts.expiresIn / NS_PER_MS) / 1000);
  if (opts.notBefore !== undefined) payload.nbf = Math.floor((t + opts.notBefore / NS_PER_MS) / 1000);
  const input =
    b64encode(enc.encode(JSON.stringify({ alg: "HS256", typ: "JWT" }))) +
    "." +
    b64encode(enc.encode(JSON.stringify(payload)));
  return input + "." + b64encode(signature(input, key));
}

function decodePart(part: string, what: string): Record<string, unknown> {
  const bytes = b64decode(part);
  if (!bytes) throw new TokenError(ErrTokenMalformed, `could not base64url-decode ${what}`);
  let v: unknown;
  try {
    v = JSON.parse(dec.decode(bytes));
  } catch {
    throw new TokenError(ErrTokenMalformed, `${what} is not valid JSON`);
  }
  if (typeof v !== "object" || v === null || Array.isArray(v))
    throw new TokenError(ErrTokenMalformed, `${what} is not a JSON object`);
  return v as Record<string, unknown>;
}

/**
 * decode splits and decodes a token WITHOUT checking its signature or
 * times: only for inspecting tokens, never for trusting them. It throws a
 * TokenError (ErrTokenMalformed) for malformed tokens.
 */
export function decode(token: string): { header: Record<string, unknown>; claims: Claims; signature: string } {
  const parts = token.split(".");
  if (parts.length !== 3) throw new TokenError(ErrTokenMalformed, "token contains an invalid number of segments");
  return {
    header: decodePart(parts[0]!, "header"),
    claims: decodePart(parts[1]!, "claims") as Claims,
    signature: parts[2]!,
  };
}

// The header parameters RFC 7515 defines; "crit" must not list them (4.1.11).
const jwsHeaderNames = ["alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit"];

// checkCrit enforces RFC 7515 section 4.1.11: "crit" lists extensions the
// recipient must understand. This package understands none, so a token
// with any (well-formed) "crit" is rejected, and a malformed one too.
function checkCrit(header: Record<string, unknown>): void {
  if (!("crit" in header)) return;
  const crit = header["crit"];
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((c) => typeof c === "string" && c !== "")) {
    throw new TokenError(ErrTokenMalformed, `crit must be a non-empty array of header names`);
  }
  for (const name of crit as string[]) {
    if (jwsHeaderNames.includes(name))
      throw new TokenError(ErrTokenMalformed, `crit lists the standard header ${JSON.stringify(name)}`);
    if (!(name in header))
      throw new TokenError(ErrTokenMalformed, `crit lists ${JSON.stringify(name)}, which the header does not have`);
  }
  throw new TokenError(ErrTokenUnverifiable, `unsupported critical header ${JSON.stringify(crit[0])}`);
}

/**
 * verify checks token and returns its claims. It throws a TokenError, in
 * this order of checks:
 *
 * - ErrTokenMalformed: not 3 segments, bad base64url, not JSON objects;
 * - ErrTokenUnverifiable: alg is "none" or anything but HS256 (the alg in
 *   the token is never trusted to pick the algorithm), or the header has a
 *   "crit" list of extensions (RFC 7515 4.1.11: this package supports none;
 *   a malformed "crit" is ErrTokenMalformed);
 * - ErrTokenSignatureInvalid: the HMAC-SHA256 signature does not match
 *   (compared in constant time);
 * - ErrTokenInvalidClaims: exp/nbf/iat not numbers, or iss/aud mismatch;
 * - ErrTokenExpired: now >= exp (+ leeway);
 * - ErrTokenNotValidYet: now < nbf (- leeway).
 *
 * "now" is clock() (virtual time in a bubble, see Epoch) unless opts.now is given.
 */
export function verify<T extends Claims = Claims>(
  token: string,
  secret: string | Uint8Array,
  opts: VerifyOptions = {},
): T {
  const key = keyBytes(secret);
  if (typeof token !== "string" || token === "") throw new TokenError(ErrTokenMalformed, "token is empty");
  const { header, claims, signature: sig } = decode(token);
  const alg = header["alg"];
  if (typeof alg !== "string") throw new TokenError(ErrTokenMalformed, "header has no alg");
  if (alg.toLowerCase() === "none") throw new TokenError(ErrTokenUnverifiable, `alg "none" is not allowed`);
  if (alg !== "HS256")
    throw new TokenError(ErrTokenUnverifiable, `unexpected signing method ${JSON.stringify(alg)} (want HS256)`);
  checkCrit(header);
  const got = b64decode(sig);
  if (!got) throw new TokenError(ErrTokenMalformed, "could not base64url-decode signature");
  const dot = token.lastIndexOf(".");
  if (!constantTimeEqual(got, signature(token.slice(0, dot), key))) throw new TokenError(ErrTokenSignatureInvalid);

  for (const c of ["exp", "nbf", "iat"] as const) {
    if (claims[c] !== undefined && (typeof claims[c] !== "number" || !Number.isFinite(claims[c]))) {
      throw new TokenError(ErrTokenInvalidClaims, `${c} must be a number`);
    }
  }
  if (opts.issuer !== undefined && claims.iss !== opts.issuer) {
    throw new TokenError(ErrTokenInvalidClaims, `token has invalid issuer`);
  }
  if (opts.audience !== undefined) {
    const aud = claims.aud;
    const ok = Array.isArray(aud) ? aud.includes(opts.audience) : aud === opts.audience;
    if (!ok) throw new TokenError(ErrTokenInvalidClaims, `token has invalid audience`);
  }
  const t = opts.now ?? clock();
  const leeway = (opts.leeway ?? 0) / NS_PER_MS;
  if (claims.exp !== undefined && t >= claims.exp * 1000 + leeway) throw new TokenError(ErrTokenExpired);
  if (claims.nbf !== undefined && t < claims.nbf * 1000 - leeway) throw new TokenError(ErrTokenNotValidYet);
  return claims as T;
}
