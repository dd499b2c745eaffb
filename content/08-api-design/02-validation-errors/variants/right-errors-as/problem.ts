import * as json from "go/encoding/json";
import * as errors from "go/errors";
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
  const h = w.header();
  h.set("Content-Type", "application/problem+json");
  h.set("Content-Language", "en");
  w.writeHeader(p.status);
  json.newEncoder(w).encode(p);
}

/**
 * decodeJSONBody decodes r's body as one JSON value of type t, reading at
 * most maxBytes. It returns the value, or a Problem that says precisely what
 * is wrong with the body: 400 for malformed JSON, a wrong type, an unknown
 * field, an empty body or more than one value; 413 for a body over the limit.
 */
export function decodeJSONBody<T>(r: http.Request, t: json.Type<T>, maxBytes: number): [T, Problem | null] {
  r.body = http.maxBytesReader(null, r.body, maxBytes);
  const dec = json.newDecoder(r.body);
  dec.disallowUnknownFields();
  const [v, err] = dec.decode(t);
  if (err !== null) {
    const syntaxErr = errors.as(err, json.SyntaxError);
    const typeErr = errors.as(err, json.UnmarshalTypeError);
    const maxErr = errors.as(err, http.MaxBytesError);
    switch (true) {
      case syntaxErr !== null:
        return [v, badRequest(`request body contains badly-formed JSON (at position ${syntaxErr.offset})`)];
      case errors.is(err, json.ErrUnexpectedEOF):
        return [v, badRequest("request body contains badly-formed JSON")];
      case typeErr !== null && typeErr.field !== "":
        return [
          v,
          badRequest(
            `request body contains an invalid value for the "${typeErr.field}" field (at position ${typeErr.offset})`,
          ),
        ];
      case typeErr !== null:
        return [v, badRequest("request body must be a JSON object")];
      case err.message.startsWith("json: unknown field "):
        return [
          v,
          badRequest("request body contains unknown field " + err.message.replace("json: unknown field ", "")),
        ];
      case errors.is(err, json.EOF):
        return [v, badRequest("request body must not be empty")];
      case maxErr !== null:
        return [v, problem(413, `request body must not be larger than ${maxErr.limit} bytes`)];
      default:
        throw err;
    }
  }
  const [, next] = dec.decode(json.any());
  if (!errors.is(next, json.EOF)) return [v, badRequest("request body must only contain a single JSON value")];
  return [v, null];
}

function badRequest(detail: string): Problem {
  return problem(http.StatusBadRequest, detail);
}
