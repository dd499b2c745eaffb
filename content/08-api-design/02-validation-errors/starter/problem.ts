import * as json from "go/encoding/json";
import * as http from "go/net/http";
import type { ResponseWriter } from "go/net/http";

/** A FieldError says what is wrong with one field: pointer is a JSON Pointer fragment ("#/tags/2"). */
export interface FieldError {
  readonly pointer: string;
  readonly detail: string;
}

/**
 * A Problem is an RFC 9457 problem details object. type is a URI naming the
 * kind of problem ("about:blank" when the status says it all, and then title
 * is the status text); detail explains this occurrence to the client; errors
 * is this API's extension member for field errors.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
}

/** The body limit of POST /products, in bytes. */
export const MaxBodyBytes = 4096;

/** problem returns an "about:blank" Problem for status: its title is the status text. */
export function problem(status: number, detail?: string): Problem {
  return { type: "about:blank", title: http.statusText(status), status, ...(detail === undefined ? {} : { detail }) };
}

/**
 * writeProblem replies with p as JSON, with status p.status and
 * Content-Type application/problem+json.
 */
export function writeProblem(w: ResponseWriter, p: Problem): void {
  // TODO: the media type of a problem is application/problem+json, not application/json.
  http.writeJSON(w, p.status, p);
}

/**
 * decodeJSONBody decodes r's body as one JSON value of type t, reading at
 * most maxBytes. It returns the value, or a Problem that says precisely what
 * is wrong with the body: 400 for malformed JSON, a wrong type, an unknown
 * field, an empty body or more than one value; 413 for a body over the limit.
 */
export function decodeJSONBody<T>(r: http.Request, t: json.Type<T>, maxBytes: number): [T, Problem | null] {
  // TODO: limit the body, refuse unknown fields and trailing data, and map each error to a precise detail.
  void maxBytes;
  const dec = json.newDecoder(r.body);
  const [v, err] = dec.decode(t);
  if (err) return [v, problem(http.StatusBadRequest, err.message)];
  return [v, null];
}
