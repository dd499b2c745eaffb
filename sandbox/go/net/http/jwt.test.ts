import { describe, expect, it } from "vitest";
import * as time from "../../time";
import { run } from "../../testing/synctest";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { decode as b64decode, encode } from "./base64url";
import {
  Epoch,
  ErrTokenExpired,
  ErrTokenMalformed,
  ErrTokenNotValidYet,
  ErrTokenSignatureInvalid,
  ErrTokenUnverifiable,
  TokenError,
  decode,
  sign,
  verify,
} from "./jwt";

const secret = "s3cret-key-for-tests";
const b64 = (o: unknown) => encode(new TextEncoder().encode(JSON.stringify(o)));

function kindOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TokenError);
    return (e as TokenError).kind;
  }
  throw new Error("expected verify to throw");
}

describe("jwt", () => {
  it("round-trips claims", () => {
    const tok = sign({ sub: "ana", role: "admin" }, secret, { issuedAt: false });
    expect(tok.split(".")).toHaveLength(3);
    expect(verify(tok, secret)).toEqual({ sub: "ana", role: "admin" });
    expect(decode(tok).header).toEqual({ alg: "HS256", typ: "JWT" });
  });

  it("matches a known HS256 vector (jwt.io)", () => {
    const tok =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    expect(verify(tok, "your-256-bit-secret")).toEqual({ sub: "1234567890", name: "John Doe", iat: 1516239022 });
  });

  it("expires on the virtual clock", async () => {
    await run(async () => {
      expect(time.now().unixMilli()).toBe(Epoch);
      const tok = sign({ sub: "ana" }, secret, { expiresIn: time.Hour });
      expect(decode(tok).claims.exp).toBe(Epoch / 1000 + 3600);
      expect(verify(tok, secret).sub).toBe("ana");
      await time.sleep(time.Hour - time.Second);
      expect(verify(tok, secret).sub).toBe("ana");
      await time.sleep(time.Second);
      expect(kindOf(() => verify(tok, secret))).toBe(ErrTokenExpired);
      expect(verify(tok, secret, { leeway: time.Minute }).sub).toBe("ana");
    });
  });

  it("not valid before nbf", async () => {
    await run(async () => {
      const tok = sign({ sub: "ana" }, secret, { notBefore: time.Minute });
      expect(kindOf(() => verify(tok, secret))).toBe(ErrTokenNotValidYet);
      await time.sleep(time.Minute);
      expect(verify(tok, secret).sub).toBe("ana");
    });
  });

  it("accepts an explicit now", () => {
    const tok = sign({ exp: 1000 }, secret);
    expect(kindOf(() => verify(tok, secret, { now: 1000_000 }))).toBe(ErrTokenExpired);
    expect(verify(tok, secret, { now: 999_999 }).exp).toBe(1000);
  });

  it("rejects forged, tampered and other-alg tokens with distinct errors", () => {
    const tok = sign({ sub: "ana", role: "user" }, secret);
    const [h, p, s] = tok.split(".") as [string, string, string];
    // Wrong secret.
    expect(kindOf(() => verify(tok, "other-secret"))).toBe(ErrTokenSignatureInvalid);
    // Tampered payload.
    const forged = `${h}.${b64({ sub: "ana", role: "admin" })}.${s}`;
    expect(kindOf(() => verify(forged, secret))).toBe(ErrTokenSignatureInvalid);
    // alg none.
    const none = `${b64({ alg: "none", typ: "JWT" })}.${p}.`;
    expect(kindOf(() => verify(none, secret))).toBe(ErrTokenUnverifiable);
    expect(() => verify(none, secret)).toThrow('token is unverifiable: alg "none" is not allowed');
    // Another algorithm.
    const rs = `${b64({ alg: "RS256", typ: "JWT" })}.${p}.${s}`;
    expect(() => verify(rs, secret)).toThrow('token is unverifiable: unexpected signing method "RS256" (want HS256)');
    // Signature errors never mention expiry.
    expect(() => verify(forged, secret)).toThrow("token signature is invalid");
  });

  const malformed: [string, string][] = [
    ["", "token is malformed: token is empty"],
    ["abc", "token is malformed: token contains an invalid number of segments"],
    ["a.b.c.d", "token is malformed: token contains an invalid number of segments"],
    ["!!.e30.", "token is malformed: could not base64url-decode header"],
    [`${"e30"}.e30.`, "token is malformed: header has no alg"],
    [`${b64({ alg: "HS256" })}.bm90IGpzb24.x`, "token is malformed: claims is not valid JSON"],
    [`${b64({ alg: "HS256" })}.${b64([1])}.x`, "token is malformed: claims is not a JSON object"],
    [`${b64({ alg: "HS256" })}.e30.a=`, "token is malformed: could not base64url-decode signature"],
  ];
  for (const [tok, msg] of malformed) {
    it(`malformed ${JSON.stringify(tok.slice(0, 20))}`, () => {
      expect(kindOf(() => verify(tok, secret))).toBe(ErrTokenMalformed);
      expect(() => verify(tok, secret)).toThrow(msg);
    });
  }

  it("TokenError.is works like errors.Is", () => {
    try {
      verify("x", secret);
    } catch (e) {
      expect((e as TokenError).is(ErrTokenMalformed)).toBe(true);
      expect((e as TokenError).is(ErrTokenExpired)).toBe(false);
    }
  });

  it("rejects an empty secret", () => {
    expect(() => sign({}, "")).toThrow("jwt: secret must not be empty");
  });
});

describe("RFC 7515", () => {
  it("A.1: the HS256 example verifies with the example key", () => {
    const tok =
      "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9" +
      ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ" +
      ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const key = b64decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")!;
    expect(verify(tok, key, { now: 1300819379_000 })).toEqual({
      iss: "joe",
      exp: 1300819380,
      "http://example.com/is_root": true,
    });
    // The example's exp (2011-03-22T18:43:00Z) has passed.
    expect(kindOf(() => verify(tok, key, { now: 1300819380_000 }))).toBe(ErrTokenExpired);
    // One flipped signature bit fails.
    expect(kindOf(() => verify(tok.slice(0, -4) + "F" + tok.slice(-3), key, { now: 1300819379_000 }))).toBe(
      ErrTokenSignatureInvalid,
    );
  });

  // 4.1.11: a recipient must reject a token whose "crit" lists extensions it
  // does not understand (this package understands none), or that is malformed.
  const signWith = (header: object) => {
    const input = b64({ alg: "HS256", typ: "JWT", ...header }) + "." + b64({ sub: "x" });
    return input + "." + encode(hmac(sha256, new TextEncoder().encode(secret), new TextEncoder().encode(input)));
  };
  const critCases: [string, object, Error][] = [
    ["unknown extension", { crit: ["exp"], exp: 1 }, ErrTokenUnverifiable],
    ["b64 extension", { crit: ["b64"], b64: false }, ErrTokenUnverifiable],
    ["empty list", { crit: [] }, ErrTokenMalformed],
    ["not a list", { crit: "exp", exp: 1 }, ErrTokenMalformed],
    ["lists a standard header", { crit: ["alg"] }, ErrTokenMalformed],
    ["lists a missing header", { crit: ["x-missing"] }, ErrTokenMalformed],
    ["non-string entry", { crit: [1] }, ErrTokenMalformed],
  ];
  for (const [name, header, want] of critCases) {
    it(`crit: ${name} -> ${want.message}`, () => {
      expect(kindOf(() => verify(signWith(header), secret))).toBe(want);
    });
  }
  it("crit: a token without crit still verifies", () => {
    expect(verify(signWith({ kid: "k1" }), secret)).toEqual({ sub: "x" });
  });
});
