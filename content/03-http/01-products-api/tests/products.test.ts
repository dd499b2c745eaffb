import { describe, expect, it } from "vitest";
import type { Header } from "go/net/http";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { newHandler } from "./products";
import { Store, newStore } from "./store";

/** What the client received: read from w.result(), never from the live header map. */
interface Reply {
  status: number;
  header: Header;
  body: string;
}

/** send serves one request with the handler over `store` and returns what the client got. */
async function send(method: string, target: string, body?: string, store = newStore()): Promise<Reply> {
  const h = newHandler(store);
  const r = newRequest(method, target, body);
  if (body !== undefined) r.header.set("Content-Type", "application/json");
  const w = newRecorder();
  await h.serveHTTP(w, r);
  const res = w.result();
  return { status: res.statusCode, header: res.header, body: await res.text() };
}

/** json parses the body, or returns a string saying it is not JSON (so the diff shows the body). */
function json(reply: Reply): unknown {
  try {
    return JSON.parse(reply.body);
  } catch {
    return `not JSON: ${JSON.stringify(reply.body)}`;
  }
}

/** expectJSON checks the Content-Type the client received, then the decoded body. */
function expectJSON(reply: Reply, what: string, want: unknown) {
  const ct = reply.header.get("Content-Type");
  expect(ct, `${what}: the client got Content-Type "${ct}"; JSON replies need "application/json"`).toBe(
    "application/json",
  );
  expect(json(reply), `${what}: the JSON body the client received`).toEqual(want);
}

const seeded = [
  { id: 1, name: "Gopher mug", price: 1250 },
  { id: 2, name: "Channel sticker pack", price: 399 },
  { id: 3, name: "Context hoodie", price: 4500 },
];

describe("Task 1: lists and shows products", () => {
  it("GET /products returns every product as JSON", async () => {
    const res = await send("GET", "/products");
    expect(res.status, `GET /products answered ${res.status}; a list is 200 OK`).toBe(200);
    expectJSON(res, "GET /products", seeded);
  });

  it("GET /products lists the store it was given", async () => {
    const store = new Store([{ name: "Select socks", price: 700 }]);
    const res = await send("GET", "/products", undefined, store);
    expectJSON(res, "GET /products with a one-product store", [{ id: 1, name: "Select socks", price: 700 }]);
  });

  it("GET /products/{id} returns one product", async () => {
    const res = await send("GET", "/products/2");
    expect(res.status, `GET /products/2 answered ${res.status}; an existing product is 200 OK`).toBe(200);
    expectJSON(res, "GET /products/2", seeded[1]);
  });

  // Go's strconv.Atoi rejects all of these; Number() and parseInt() accept some.
  for (const path of [
    "/products/99",
    "/products/abc",
    "/products/1.5",
    "/products/-1",
    "/products/2abc",
    "/products/1e0",
    "/products/0x2",
  ]) {
    it(`GET ${path} is a JSON 404`, async () => {
      const res = await send("GET", path);
      expect(res.status, `GET ${path} answered ${res.status}; an id that is not a stored product's digits is 404`).toBe(
        404,
      );
      expectJSON(res, `GET ${path}`, { error: "product not found" });
    });
  }
});

describe("Task 2: creates products with precise validation", () => {
  it("POST /products answers 201 with Location and the product", async () => {
    const store = newStore();
    const res = await send("POST", "/products", '{"name":"Goroutine socks","price":899}', store);
    expect(res.status, `POST /products answered ${res.status}; a created resource is 201 Created`).toBe(201);
    const loc = res.header.get("Location");
    expect(
      loc,
      `the client got Location "${loc}"; set it before writing the body, headers set after it are never sent`,
    ).toBe("/products/4");
    expectJSON(res, "POST /products", { id: 4, name: "Goroutine socks", price: 899 });
    expect(store.get(4), "the new product must be in the store").toEqual({
      id: 4,
      name: "Goroutine socks",
      price: 899,
    });
  });

  it("each new product gets its own Location", async () => {
    const store = newStore();
    await send("POST", "/products", '{"name":"a","price":1}', store);
    const res = await send("POST", "/products", '{"name":"b","price":2}', store);
    expect(res.header.get("Location"), "the second product created is /products/5").toBe("/products/5");
    expect(store.list(), "two POSTs store two products").toHaveLength(5);
  });

  const invalid: [body: string, message: string][] = [
    ["", "request body must not be empty"],
    [
      '{"name": "socks", "price": 899',
      "request body contains badly-formed JSON (at position 30): unexpected end of JSON input",
    ],
    ['{"name": "socks", "price": 899}{"name": "more"}', "request body must only contain a single JSON value"],
    ['["socks", 899]', "json: request body must be a JSON object"],
    ['{"name": "socks", "price": 8.99}', 'json: field "price" must be an integer'],
    ['{"name": "socks", "price": "899"}', 'json: field "price" must be an integer'],
    ['{"name": 42, "price": 899}', 'json: field "name" must be a string'],
    ['{"name": "socks"}', 'json: missing required field "price"'],
    ['{"name": "socks", "price": 899, "discount": 10}', 'json: unknown field "discount"'],
    ['{"name": "", "price": 899}', "name must not be empty"],
    ['{"name": "  ", "price": 899}', "name must not be empty"],
    ['{"name": "socks", "price": 0}', "price must be a positive number of cents"],
    ['{"name": "socks", "price": -5}', "price must be a positive number of cents"],
  ];
  for (const [body, message] of invalid) {
    it(`400 for ${body === "" ? "an empty body" : body}`, async () => {
      const store = newStore();
      const res = await send("POST", "/products", body, store);
      expect(
        res.status,
        body === ""
          ? `POST with an empty body answered ${res.status}; a request the client got wrong is 400`
          : `POST ${body} answered ${res.status}; a request the client got wrong is 400`,
      ).toBe(400);
      expectJSON(res, body === "" ? "POST with an empty body" : `POST ${body}`, { error: message });
      expect(store.list(), "a refused product must not be stored").toHaveLength(3);
    });
  }

  it("413 for a body over 4096 bytes", async () => {
    const store = newStore();
    const res = await send("POST", "/products", JSON.stringify({ name: "x".repeat(5000), price: 1 }), store);
    expect(res.status, `a 5 KB body answered ${res.status}; over the 4096-byte limit is 413`).toBe(413);
    expectJSON(res, "POST of 5 KB", { error: "request body must not be larger than 4096 bytes" });
    expect(store.list(), "an oversized product must not be stored").toHaveLength(3);
  });
});

describe("Task 3: the mux handles the rest", () => {
  for (const [method, path, allow] of [
    ["DELETE", "/products", "GET, HEAD, POST"],
    ["PUT", "/products/1", "GET, HEAD"],
  ] as const) {
    it(`405 with Allow for ${method} ${path}`, async () => {
      const res = await send(method, path);
      expect(res.status, `${method} ${path} answered ${res.status}; a known path with the wrong method is 405`).toBe(
        405,
      );
      expect(res.header.get("Allow"), `405 must list the methods ${path} accepts in Allow`).toBe(allow);
    });
  }

  it("HEAD is served by the GET route", async () => {
    const res = await send("HEAD", "/products/1");
    expect(res.status, `HEAD /products/1 answered ${res.status}; the GET route serves HEAD`).toBe(200);
    expect(res.header.get("Content-Type"), "HEAD sends the same headers as GET").toBe("application/json");
  });

  it("unknown paths are 404", async () => {
    const res = await send("GET", "/orders");
    expect(res.status, `GET /orders answered ${res.status}; a path no pattern matches is 404`).toBe(404);
  });
});
