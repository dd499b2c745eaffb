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
  const [body, err] = json.marshal(p);
  if (err) throw err;
  // Headers first: anything set after writeHeader never reaches the client.
  w.header().set("Content-Type", "application/problem+json");
  w.writeHeader(p.status);
  w.write(body + "\n");
}

/**
 * decodeJSONBody decodes r's body as one JSON value of type t, reading at
 * most maxBytes. It returns the value, or a Problem that says precisely what
 * is wrong with the body: 400 for malformed JSON, a wrong type, an unknown
 * field, an empty body or more than one value; 413 for a body over the limit.
 */
export function decodeJSONBody<T>(r: http.Request, t: json.Type<T>, maxBytes: number): [T, Problem | null] {
  const dec = json.newDecoder(http.maxBytesReader(null, r.body, maxBytes));
  dec.disallowUnknownFields();
  const [v, err] = dec.decode(t);
  if (err) return [v, decodeProblem(err)];
  // A second value, or garbage after the first, is an error too: Go's Decode stops after one value.
  const [, rest] = dec.decode(json.struct({}));
  if (rest !== json.EOF) {
    return [v, problem(http.StatusBadRequest, "request body must only contain a single JSON value")];
  }
  return [v, null];
}

// decodeProblem maps a decoding error to what the client may know about it.
function decodeProblem(err: Error): Problem {
  const bad = (detail: string) => problem(http.StatusBadRequest, detail);
  if (err instanceof json.SyntaxError)
    return bad(`request body contains badly-formed JSON (at position ${err.offset})`);
  if (err === json.ErrUnexpectedEOF) return bad("request body contains badly-formed JSON");
  if (err instanceof json.UnmarshalTypeError) {
    if (err.field === "") return bad("request body must be a JSON object");
    return bad(`request body contains an invalid value for the "${err.field}" field (at position ${err.offset})`);
  }
  if (err.message.startsWith("json: unknown field ")) {
    return bad(`request body contains unknown field ${err.message.slice("json: unknown field ".length)}`);
  }
  if (err === json.EOF) return bad("request body must not be empty");
  if (err instanceof http.MaxBytesError) {
    return problem(http.StatusRequestEntityTooLarge, `request body must not be larger than ${err.limit} bytes`);
  }
  throw err; // not the client's fault: a 500, and the handler logs it
}
