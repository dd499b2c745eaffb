import { describe, expect, it } from "vitest";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { newHandler } from "./products";
import { newStore } from "./store";

/** send serves one request with a fresh store and returns the recorder. */
async function send(method: string, target: string, body?: string, store = newStore()) {
  const h = newHandler(store);
  const r = newRequest(method, target, body);
  if (body !== undefined) r.header.set("Content-Type", "application/json");
  const w = newRecorder();
  await h.serveHTTP(w, r);
  return w;
}

describe("Task 1: lists and shows products", () => {
  it("GET /products returns every product as JSON", async () => {
    const w = await send("GET", "/products");
    expect(w.code).toBe(200);
    expect(w.header().get("Content-Type")).toBe("application/json");
    expect(JSON.parse(w.body)).toEqual([
      { id: 1, name: "Gopher mug", price: 1250 },
      { id: 2, name: "Channel sticker pack", price: 399 },
      { id: 3, name: "Context hoodie", price: 4500 },
    ]);
  });

  it("GET /products/{id} returns one product", async () => {
    const w = await send("GET", "/products/2");
    expect(w.code).toBe(200);
    expect(JSON.parse(w.body)).toEqual({ id: 2, name: "Channel sticker pack", price: 399 });
  });

  for (const path of ["/products/99", "/products/abc", "/products/1.5", "/products/-1"]) {
    it(`GET ${path} is a JSON 404`, async () => {
      const w = await send("GET", path);
      expect(w.code).toBe(404);
      expect(w.header().get("Content-Type")).toBe("application/json");
      expect(JSON.parse(w.body)).toEqual({ error: "product not found" });
    });
  }
});

describe("Task 2: creates products with precise validation", () => {
  it("POST /products answers 201 with Location and the product", async () => {
    const store = newStore();
    const w = await send("POST", "/products", '{"name":"Goroutine socks","price":899}', store);
    expect(w.code).toBe(201);
    expect(w.header().get("Location")).toBe("/products/4");
    expect(JSON.parse(w.body)).toEqual({ id: 4, name: "Goroutine socks", price: 899 });
    expect(store.get(4)).toEqual({ id: 4, name: "Goroutine socks", price: 899 });
  });

  const invalid: [body: string, message: string][] = [
    ["", "request body must not be empty"],
    [
      '{"name": "socks", "price": 899',
      "request body contains badly-formed JSON (at position 30): unexpected end of JSON input",
    ],
    ['{"name": "socks", "price": 8.99}', 'json: field "price" must be an integer'],
    ['{"name": "socks", "price": "899"}', 'json: field "price" must be an integer'],
    ['{"name": 42, "price": 899}', 'json: field "name" must be a string'],
    ['{"name": "socks"}', 'json: missing required field "price"'],
    ['{"name": "socks", "price": 899, "discount": 10}', 'json: unknown field "discount"'],
    ['{"name": "  ", "price": 899}', "name must not be empty"],
    ['{"name": "socks", "price": 0}', "price must be a positive number of cents"],
    ['{"name": "socks", "price": -5}', "price must be a positive number of cents"],
  ];
  for (const [body, message] of invalid) {
    it(`400 for ${body === "" ? "an empty body" : body}`, async () => {
      const store = newStore();
      const w = await send("POST", "/products", body, store);
      expect(w.code).toBe(400);
      expect(w.header().get("Content-Type")).toBe("application/json");
      expect(JSON.parse(w.body)).toEqual({ error: message });
      expect(store.list()).toHaveLength(3);
    });
  }

  it("413 for a body over 4096 bytes", async () => {
    const w = await send("POST", "/products", JSON.stringify({ name: "x".repeat(5000), price: 1 }));
    expect(w.code).toBe(413);
    expect(JSON.parse(w.body)).toEqual({ error: "request body must not be larger than 4096 bytes" });
  });
});

describe("Task 3: the mux handles the rest", () => {
  it("405 with Allow for a method no route accepts", async () => {
    const w = await send("DELETE", "/products");
    expect(w.code).toBe(405);
    expect(w.header().get("Allow")).toBe("GET, HEAD, POST");
  });

  it("HEAD is served by the GET route", async () => {
    const w = await send("HEAD", "/products/1");
    expect(w.code).toBe(200);
  });

  it("unknown paths are 404", async () => {
    expect((await send("GET", "/orders")).code).toBe(404);
  });
});
