import { describe, expect, it } from "vitest";
import { newRecorder, newRequest } from "./httptest";
import { DecodeError, decodeJSON, maxBytesReader, writeJSON } from "./index";

const product = { name: "string", price: "integer", tags: "string[]?", dims: { w: "number", h: "number" } } as const;

async function decodeErr(
  body: string,
  opts: Parameters<typeof decodeJSON>[1] = { fields: product, disallowUnknownFields: true },
): Promise<DecodeError> {
  try {
    await decodeJSON(newRequest("POST", "/", body), opts);
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError);
    return e as DecodeError;
  }
  throw new Error("expected an error");
}

describe("decodeJSON", () => {
  it("decodes and types a valid body", async () => {
    const p = await decodeJSON(newRequest("POST", "/", '{"name":"mug","price":1250,"dims":{"w":8,"h":10}}'), {
      fields: product,
    });
    expect(p).toEqual({ name: "mug", price: 1250, dims: { w: 8, h: 10 } });
    const price: number = p.price;
    const tags: string[] | undefined = p.tags;
    expect([price, tags]).toEqual([1250, undefined]);
  });

  it("without fields returns the raw value", async () => {
    expect(await decodeJSON<number[]>(newRequest("POST", "/", "[1,2]"))).toEqual([1, 2]);
  });

  const cases: [name: string, body: string, message: string, status?: number][] = [
    ["empty body", "", "request body must not be empty"],
    ["whitespace body", "  \n", "request body must not be empty"],
    [
      "malformed",
      '{"name": "mug",}',
      "request body contains badly-formed JSON (at position 16): invalid character '}' looking for beginning of object key string",
    ],
    [
      "truncated",
      '{"name": "mug"',
      "request body contains badly-formed JSON (at position 14): unexpected end of JSON input",
    ],
    [
      "bad literal",
      '{"name": nul}',
      "request body contains badly-formed JSON (at position 13): invalid character '}' in literal null (expecting 'l')",
    ],
    [
      "two values",
      '{"name":"a","price":1,"dims":{"w":1,"h":1}} {}',
      "request body must only contain a single JSON value",
    ],
    ["not an object", "[1]", "json: request body must be a JSON object"],
    ["unknown field", '{"name":"a","colour":"red"}', 'json: unknown field "colour"'],
    ["nested unknown field", '{"name":"a","price":1,"dims":{"w":1,"h":1,"d":3}}', 'json: unknown field "dims.d"'],
    ["wrong type string", '{"name":5}', 'json: field "name" must be a string'],
    ["wrong type integer", '{"name":"a","price":12.5}', 'json: field "price" must be an integer'],
    ["integer as string", '{"name":"a","price":"12"}', 'json: field "price" must be an integer'],
    ["array of strings", '{"name":"a","price":1,"tags":["x",2]}', 'json: field "tags" must be an array of strings'],
    ["nested type", '{"name":"a","price":1,"dims":{"w":"1","h":1}}', 'json: field "dims.w" must be a number'],
    ["null required", '{"name":null}', 'json: field "name" must be a string'],
    ["missing required", '{"name":"a"}', 'json: missing required field "price"'],
  ];
  for (const [name, body, message, status] of cases) {
    it(name, async () => {
      const e = await decodeErr(body);
      expect(e.message).toBe(message);
      expect(e.status).toBe(status ?? 400);
    });
  }

  it("optional null counts as absent", async () => {
    const p = await decodeJSON(newRequest("POST", "/", '{"name":"a","price":1,"tags":null,"dims":{"w":1,"h":1}}'), {
      fields: product,
    });
    expect(p).toEqual({ name: "a", price: 1, dims: { w: 1, h: 1 } });
  });

  it("drops unknown fields unless disallowUnknownFields", async () => {
    const p = await decodeJSON(newRequest("POST", "/", '{"name":"a","price":1,"x":1,"dims":{"w":1,"h":1}}'), {
      fields: product,
    });
    expect(p).toEqual({ name: "a", price: 1, dims: { w: 1, h: 1 } });
  });

  it("arrays of objects", async () => {
    const spec = { items: [{ sku: "string", qty: "integer" }] } as const;
    const ok = await decodeJSON(newRequest("POST", "/", '{"items":[{"sku":"a","qty":2}]}'), { fields: spec });
    expect(ok.items[0]!.qty).toBe(2);
    const e = await decodeErr('{"items":[{"sku":"a","qty":"2"}]}', { fields: spec });
    expect(e.message).toBe('json: field "items[0].qty" must be an integer');
  });

  it("too large: maxBytes option and maxBytesReader", async () => {
    const body = JSON.stringify({ name: "x".repeat(100) });
    const e = await decodeErr(body, { maxBytes: 64 });
    expect(e.message).toBe("request body must not be larger than 64 bytes");
    expect(e.status).toBe(413);

    const r = newRequest("POST", "/", body);
    r.body = maxBytesReader(newRecorder(), r.body, 32);
    await expect(decodeJSON(r)).rejects.toThrow("request body must not be larger than 32 bytes");
    await expect(r.text()).rejects.toThrow("http: request body too large");
  });

  it("__proto__ is an ordinary key", async () => {
    const v = await decodeJSON<Record<string, unknown>>(newRequest("POST", "/", '{"__proto__":{"polluted":true}}'));
    expect(Object.keys(v)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("writeJSON", () => {
  it("sets Content-Type, status and a trailing newline", () => {
    const w = newRecorder();
    writeJSON(w, 201, { id: 1, name: "mug" });
    expect(w.code).toBe(201);
    expect(w.header().get("Content-Type")).toBe("application/json");
    expect(w.body).toBe('{"id":1,"name":"mug"}\n');
  });
});
