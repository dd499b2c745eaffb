import { describe, expect, it } from "vitest";
import { route } from "./router";
import type { Handler, Request, Route } from "./types";

/** A handler that answers with its name and the params it received, and counts its calls. */
function spy(name: string) {
  const calls: Array<{ request: Request; params: Record<string, string> }> = [];
  const handler: Handler = (request, params) => {
    calls.push({ request, params });
    return { status: 200, headers: {}, body: `${name} ${JSON.stringify(params)}` };
  };
  return { handler, calls };
}

/** The routes of a small users API, most specific first: /users/me before /users/{id}. */
function usersAPI() {
  const handlers = {
    list: spy("list"),
    create: spy("create"),
    me: spy("me"),
    show: spy("show"),
    remove: spy("delete"),
    post: spy("post"),
  };
  const routes: Route[] = [
    { method: "GET", pattern: "/users", handler: handlers.list.handler },
    { method: "POST", pattern: "/users", handler: handlers.create.handler },
    { method: "GET", pattern: "/users/me", handler: handlers.me.handler },
    { method: "GET", pattern: "/users/{id}", handler: handlers.show.handler },
    { method: "DELETE", pattern: "/users/{id}", handler: handlers.remove.handler },
    { method: "GET", pattern: "/users/{id}/posts/{post}", handler: handlers.post.handler },
  ];
  const calls = () => Object.values(handlers).reduce((n, h) => n + h.calls.length, 0);
  return { routes, handlers, calls };
}

describe("Task 1: matches paths and extracts parameters", () => {
  const cases = [
    { method: "GET", path: "/users", body: "list {}" },
    { method: "POST", path: "/users", body: "create {}" },
    { method: "GET", path: "/users/me", body: "me {}" },
    { method: "GET", path: "/users/42", body: 'show {"id":"42"}' },
    { method: "DELETE", path: "/users/7", body: 'delete {"id":"7"}' },
    { method: "GET", path: "/users/42/posts/hello", body: 'post {"id":"42","post":"hello"}' },
    { method: "GET", path: "/users/John%20Doe", body: 'show {"id":"John Doe"}' },
  ];
  for (const { method, path, body } of cases) {
    it(`${method} ${path}`, () => {
      const response = route(usersAPI().routes, { method, path });
      expect(response.status, `${method} ${path} answered ${response.status} (${response.body})`).toBe(200);
      expect(response.body, `${method} ${path} must reach the handler, with these params`).toBe(body);
    });
  }

  it("a HEAD request runs the GET handler, as in Go", () => {
    const api = usersAPI();
    const response = route(api.routes, { method: "HEAD", path: "/users/42" });
    expect(response.status, `HEAD /users/42 answered ${response.status}; a GET route also serves HEAD`).toBe(200);
    expect(api.handlers.show.calls.length, "HEAD /users/42 runs the GET /users/{id} handler once").toBe(1);
    expect(api.handlers.show.calls[0]?.request.method, "the handler sees the request as it came").toBe("HEAD");
  });

  it("a {name} segment needs a non-empty value", () => {
    for (const path of ["/users/", "/users//posts/hello"]) {
      const response = route(usersAPI().routes, { method: "GET", path });
      expect(response.status, `GET ${path} answered ${response.status}; {name} never matches an empty segment`).toBe(
        404,
      );
    }
  });

  it("a pattern matches only paths with as many segments", () => {
    for (const path of ["/users/42/extra", "/users/42/posts", "/users/42/posts/hello/more", "/"]) {
      const response = route(usersAPI().routes, { method: "GET", path });
      expect(
        response.status,
        `GET ${path} answered ${response.status} (${response.body}); a {name} segment matches exactly one segment`,
      ).toBe(404);
    }
  });
});

describe("Task 2: 404 and 405", () => {
  it("answers 404 when no pattern matches the path, whatever the method", () => {
    for (const method of ["GET", "PATCH"]) {
      const response = route(usersAPI().routes, { method, path: "/nope" });
      expect(response, `${method} /nope: no pattern matches the path, so 404`).toEqual({
        status: 404,
        headers: {},
        body: "404 page not found",
      });
    }
  });

  it("answers 405 with a sorted Allow header when only the method is wrong", () => {
    const response = route(usersAPI().routes, { method: "PUT", path: "/users/42" });
    expect(response, "PUT /users/42: GET and DELETE match the path; GET also allows HEAD").toEqual({
      status: 405,
      headers: { Allow: "DELETE, GET, HEAD" },
      body: "Method Not Allowed",
    });
    const posts = route(usersAPI().routes, { method: "POST", path: "/users/42/posts/hello" });
    expect(posts.status, `POST /users/42/posts/hello answered ${posts.status}`).toBe(405);
    expect(posts.headers, "only GET /users/{id}/posts/{post} matches that path").toEqual({ Allow: "GET, HEAD" });
  });

  it("lists each allowed method once", () => {
    // /users/me matches both GET /users/me and GET, DELETE /users/{id}.
    const response = route(usersAPI().routes, { method: "PUT", path: "/users/me" });
    expect(response.headers, "Allow names each method once, sorted").toEqual({ Allow: "DELETE, GET, HEAD" });
  });

  it("runs no handler for a 404 or a 405", () => {
    const api = usersAPI();
    route(api.routes, { method: "GET", path: "/nope" });
    route(api.routes, { method: "PUT", path: "/users/42" });
    route(api.routes, { method: "POST", path: "/users/me" });
    expect(api.calls(), `handlers ran ${api.calls()} time(s) for requests that get 404 or 405`).toBe(0);
  });
});
