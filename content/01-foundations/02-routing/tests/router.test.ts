import { describe, expect, it } from "vitest";
import { route } from "./router";
import type { Handler, Route } from "./types";

const echo =
  (name: string): Handler =>
  (_request, params) => ({ status: 200, headers: {}, body: `${name} ${JSON.stringify(params)}` });

const routes: Route[] = [
  { method: "GET", pattern: "/users", handler: echo("list") },
  { method: "POST", pattern: "/users", handler: echo("create") },
  { method: "GET", pattern: "/users/{id}", handler: echo("show") },
  { method: "DELETE", pattern: "/users/{id}", handler: echo("delete") },
  { method: "GET", pattern: "/users/{id}/posts/{post}", handler: echo("post") },
];

describe("Task 1: matches paths and extracts parameters", () => {
  const cases = [
    { method: "GET", path: "/users", body: "list {}" },
    { method: "POST", path: "/users", body: "create {}" },
    { method: "GET", path: "/users/42", body: 'show {"id":"42"}' },
    { method: "DELETE", path: "/users/7", body: 'delete {"id":"7"}' },
    { method: "GET", path: "/users/42/posts/hello", body: 'post {"id":"42","post":"hello"}' },
  ];
  for (const { method, path, body } of cases) {
    it(`${method} ${path}`, () => {
      const response = route(routes, { method, path });
      expect(response.status).toBe(200);
      expect(response.body).toBe(body);
    });
  }

  it("a {name} segment needs a non-empty value", () => {
    expect(route(routes, { method: "GET", path: "/users/" }).status).toBe(404);
  });
});

describe("Task 2: 404 and 405", () => {
  it("answers 404 when no pattern matches the path", () => {
    const response = route(routes, { method: "GET", path: "/nope" });
    expect(response).toEqual({ status: 404, headers: {}, body: "404 page not found" });
  });

  it("answers 405 with a sorted Allow header when only the method is wrong", () => {
    const response = route(routes, { method: "PUT", path: "/users/42" });
    expect(response.status).toBe(405);
    expect(response.headers).toEqual({ Allow: "DELETE, GET" });
  });
});
