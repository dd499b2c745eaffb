import { describe, expect, it } from "vitest";
import type { Header } from "go/net/http";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { run } from "go/testing/synctest";
import { writeProblem } from "./problem";
import { newHandler, validateProduct } from "./products";
import { MemoryStore } from "./store";
import type { Product, ProductInput, Store } from "./store";

/** What the client received: read from w.result(), never from the live header map. */
interface Reply {
  status: number;
  header: Header;
  body: string;
}

/** A store that counts its calls, to prove a refused body was never saved. */
class CountingStore extends MemoryStore {
  calls = 0;
  override create(p: ProductInput): Promise<Product> {
    this.calls++;
    return super.create(p);
  }
}

/** post sends body to POST /products on a fresh handler and returns what the client received. */
async function post(body: string, store: Store = new CountingStore(), logf = (_: string) => {}): Promise<Reply> {
  const r = newRequest("POST", "/products", body);
  r.header.set("Content-Type", "application/json");
  const w = newRecorder();
  await newHandler(store, logf).serveHTTP(w, r);
  const res = w.result();
  return { status: res.statusCode, header: res.header, body: await res.text() };
}

function json(r: Reply): unknown {
  try {
    return JSON.parse(r.body);
  } catch {
    return `not JSON: ${JSON.stringify(r.body)}`;
  }
}

const valid = { name: "gopher mug", price: 1200, currency: "EUR" };
const body = (o: object) => JSON.stringify({ ...valid, ...o });

describe("Task 1: problem details", () => {
  it("writeProblem sends application/problem+json with the problem's status", () => {
    const w = newRecorder();
    const p = {
      type: "https://shop.example/problems/out-of-stock",
      title: "Out of stock",
      status: 409,
      detail: "only 2 left",
    };
    writeProblem(w, p);
    const res = w.result();
    expect(res.statusCode, "the response status is the problem's status member").toBe(409);
    expect(
      res.header.get("Content-Type"),
      "RFC 9457: a problem is application/problem+json, set before writeHeader (http.writeJSON would set application/json)",
    ).toBe("application/problem+json");
  });

  it("the body is the problem object, extension members included", async () => {
    const w = newRecorder();
    const p = {
      type: "https://shop.example/problems/validation",
      title: "Your request is not valid.",
      status: 422,
      detail: "see errors for the fields to fix",
      errors: [{ pointer: "#/price", detail: "must be greater than 0" }],
    };
    writeProblem(w, p);
    const text = await w.result().text();
    let got: unknown;
    try {
      got = JSON.parse(text);
    } catch {
      got = `not JSON: ${JSON.stringify(text)}`;
    }
    expect(got, "the body is the problem as JSON: type, title, status, detail and errors").toEqual(p);
  });
});

describe("Task 2: malformed bodies are 400 with a precise detail", () => {
  const cases: [string, string, string][] = [
    ["malformed JSON", '{"name": "mug", "price": 1200,}', "request body contains badly-formed JSON (at position 31)"],
    ["a missing comma", '{"name": "mug" "price": 1200}', "request body contains badly-formed JSON (at position 16)"],
    ["a body cut short", '{"name": "mug", "price": 1200', "request body contains badly-formed JSON"],
    [
      "a string price",
      '{"name": "mug", "price": "1200", "currency": "EUR"}',
      'request body contains an invalid value for the "price" field (at position 31)',
    ],
    [
      "a fractional price",
      '{"name": "mug", "price": 12.5, "currency": "EUR"}',
      'request body contains an invalid value for the "price" field (at position 29)',
    ],
    [
      "a number among the tags",
      '{"name": "mug", "tags": ["a", 7]}',
      'request body contains an invalid value for the "tags" field (at position 31)',
    ],
    ["an array", '["mug"]', "request body must be a JSON object"],
    ["an unknown field", '{"name": "mug", "colour": "red"}', 'request body contains unknown field "colour"'],
    ["an empty body", "", "request body must not be empty"],
    ["a blank body", "  \n ", "request body must not be empty"],
    ["two values", `${body({})} {"name": "cup"}`, "request body must only contain a single JSON value"],
    ["trailing garbage", `${body({})}]`, "request body must only contain a single JSON value"],
  ];
  for (const [what, input, detail] of cases) {
    it(what, async () => {
      await run(async () => {
        const store = new CountingStore();
        const res = await post(input, store);
        expect(res.status, `${what} answered ${res.status}; a body that cannot be decoded is 400, not 422`).toBe(400);
        expect(res.header.get("Content-Type"), "every error is a problem: application/problem+json").toBe(
          "application/problem+json",
        );
        expect(json(res), `${what}: a problem with the status text as title and a precise detail`).toEqual({
          type: "about:blank",
          title: "Bad Request",
          status: 400,
          detail,
        });
        expect(store.calls, "a body that cannot be decoded must never reach the store").toBe(0);
      });
    });
  }

  it("a body over 4096 bytes is 413", async () => {
    await run(async () => {
      const store = new CountingStore();
      const res = await post(body({ name: "m".repeat(5000) }), store);
      expect(res.status, `a 5 KB body answered ${res.status}; limit the body with maxBytesReader, over it is 413`).toBe(
        413,
      );
      expect(json(res), "the 413 problem says the limit").toEqual({
        type: "about:blank",
        title: "Request Entity Too Large",
        status: 413,
        detail: "request body must not be larger than 4096 bytes",
      });
      expect(store.calls, "a body over the limit must never reach the store").toBe(0);
    });
  });
});

describe("Task 3: invalid fields are 422 with every field error", () => {
  const cases: [string, object, { pointer: string; detail: string }[]][] = [
    ["a blank name", { name: "   " }, [{ pointer: "#/name", detail: "must not be blank" }]],
    ["a missing name", { name: undefined }, [{ pointer: "#/name", detail: "must not be blank" }]],
    ["61 characters", { name: "🐹".repeat(61) }, [{ pointer: "#/name", detail: "must be at most 60 characters" }]],
    ["a zero price", { price: 0 }, [{ pointer: "#/price", detail: "must be greater than 0" }]],
    ["a negative price", { price: -5 }, [{ pointer: "#/price", detail: "must be greater than 0" }]],
    ["an unknown currency", { currency: "eur" }, [{ pointer: "#/currency", detail: "must be one of EUR, GBP, USD" }]],
    [
      "too many tags",
      { tags: ["a", "b", "c", "d", "e", "f"] },
      [{ pointer: "#/tags", detail: "must have at most 5 items" }],
    ],
    ["a blank tag", { tags: ["mugs", " ", "gophers"] }, [{ pointer: "#/tags/1", detail: "must not be blank" }]],
    [
      "everything at once",
      { name: "", price: 0, currency: "", tags: ["", "ok", ""] },
      [
        { pointer: "#/name", detail: "must not be blank" },
        { pointer: "#/price", detail: "must be greater than 0" },
        { pointer: "#/currency", detail: "must be one of EUR, GBP, USD" },
        { pointer: "#/tags/0", detail: "must not be blank" },
        { pointer: "#/tags/2", detail: "must not be blank" },
      ],
    ],
  ];
  for (const [what, fields, errors] of cases) {
    it(what, async () => {
      await run(async () => {
        const store = new CountingStore();
        const res = await post(body(fields), store);
        expect(
          res.status,
          `${what} answered ${res.status}; well-formed JSON that breaks the rules is 422, malformed JSON is 400`,
        ).toBe(422);
        expect(res.header.get("Content-Type"), "a 422 is a problem too: application/problem+json").toBe(
          "application/problem+json",
        );
        expect(json(res), `${what}: the validation problem lists every field error, in field order`).toEqual({
          type: "https://shop.example/problems/validation",
          title: "Your request is not valid.",
          status: 422,
          detail: "see errors for the fields to fix",
          errors,
        });
        expect(store.calls, "an invalid product must never reach the store").toBe(0);
      });
    });
  }

  it("the limits themselves are valid", () => {
    const edge = { name: "🐹".repeat(60), price: 1, currency: "USD", tags: ["a", "b", "c", "d", "e"] };
    expect(
      validateProduct(edge),
      "60 characters (count code points, as Go's utf8.RuneCountInString: a hamster is one, not two) and 5 tags are allowed",
    ).toEqual([]);
    expect(validateProduct({ ...edge, tags: null }), "tags are optional: null (absent) is valid").toEqual([]);
  });
});

describe("Task 4: created, or a 500 that leaks nothing", () => {
  it("a valid product is 201 with its Location", async () => {
    await run(async () => {
      const store = new CountingStore();
      const res = await post(body({ tags: ["mugs"] }), store);
      expect(res.status, `a valid product answered ${res.status}; created is 201`).toBe(201);
      expect(res.header.get("Location"), "a 201 says where the new product lives").toBe("/products/1");
      expect(res.header.get("Content-Type"), "a success is plain JSON").toBe("application/json");
      expect(json(res), "the body is the stored product").toEqual({ ...valid, tags: ["mugs"], id: 1 });
      expect(store.calls, "the product is stored once").toBe(1);
    });
  });

  it("a failing store is a 500 that tells the client nothing internal", async () => {
    await run(async () => {
      const secret = 'pq: password authentication failed for user "shop" at 10.0.0.7:5432';
      const broken: Store = {
        create: async () => {
          await Promise.resolve();
          throw new Error(secret);
        },
      };
      const lines: string[] = [];
      const res = await post(body({}), broken, (l) => lines.push(l));
      expect(res.status, `a store failure answered ${res.status}; it is the server's fault: 500`).toBe(500);
      expect(res.header.get("Content-Type"), "a 500 is a problem too").toBe("application/problem+json");
      const p = json(res) as Record<string, unknown>;
      expect([p.type, p.title, p.status], "a 500 problem: about:blank, its status text, 500").toEqual([
        "about:blank",
        "Internal Server Error",
        500,
      ]);
      for (const leak of ["pq:", "10.0.0.7", "password"]) {
        expect(
          res.body.includes(leak),
          `the client must never see the internal error (found ${JSON.stringify(leak)})`,
        ).toBe(false);
      }
      expect(
        lines.some((l) => l.includes(secret)),
        "the real error goes to the log (logf), where the operators can read it",
      ).toBe(true);
    });
  });
});
