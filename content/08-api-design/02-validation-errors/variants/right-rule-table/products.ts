import * as http from "go/net/http";
import type { Handler } from "go/net/http";
import type { FieldError, Problem } from "./problem";
import { MaxBodyBytes, decodeJSONBody, problem, writeProblem } from "./problem";
import { MemoryStore, ProductInput } from "./store";
import type { Store } from "./store";

/** A log sink: one line per call (console.log in the explorer, an array in tests). */
export type Logf = (line: string) => void;

/** The currencies the shop sells in. */
export const currencies = ["EUR", "GBP", "USD"];

/** A Rule checks one field: it returns the detail of what is wrong, or "" if nothing is. */
type Rule<T> = (v: T) => string;

const notBlank: Rule<string> = (s) => (s.trim().length === 0 ? "must not be blank" : "");
const maxRunes =
  (n: number): Rule<string> =>
  (s) =>
    Array.from(s).length > n ? `must be at most ${n} characters` : "";
const positive: Rule<number> = (n) => (n > 0 ? "" : "must be greater than 0");
const oneOf =
  (allowed: readonly string[]): Rule<string> =>
  (s) =>
    allowed.includes(s) ? "" : `must be one of ${allowed.join(", ")}`;

/** firstFailure runs rules in order and returns the first failure, like a validate:"required,max=60" tag. */
function firstFailure<T>(v: T, ...rules: Rule<T>[]): string {
  for (const rule of rules) {
    const detail = rule(v);
    if (detail !== "") return detail;
  }
  return "";
}

/**
 * validateProduct returns every field error of p, in field order: name,
 * price, currency, tags, then each tag by index. No errors: an empty array.
 *
 * - name: not blank; at most 60 characters (Unicode code points, as Go's utf8.RuneCountInString)
 * - price: greater than 0 (cents)
 * - currency: one of EUR, GBP, USD
 * - tags: optional; at most 5; none blank
 */
export function validateProduct(p: ProductInput): FieldError[] {
  const tags = p.tags ?? [];
  const checks: [string, string][] = [
    ["#/name", firstFailure(p.name, notBlank, maxRunes(60))],
    ["#/price", positive(p.price)],
    ["#/currency", oneOf(currencies)(p.currency)],
    ["#/tags", tags.length <= 5 ? "" : "must have at most 5 items"],
    ...tags.map((t, i): [string, string] => [`#/tags/${i}`, notBlank(t)]),
  ];
  return checks.filter(([, detail]) => detail !== "").map(([pointer, detail]) => ({ pointer, detail }));
}

/** validationProblem is the 422 problem listing every field error. */
function validationProblem(errors: FieldError[]): Problem {
  return {
    type: "https://shop.example/problems/validation",
    title: "Your request is not valid.",
    status: 422,
    detail: "see errors for the fields to fix",
    errors,
  };
}

/**
 * newHandler serves POST /products: 201 with the product and its Location;
 * a problem+json 400 or 413 for a body that cannot be decoded, 422 with every
 * field error for one that decodes but is invalid, and 500 when the store
 * fails, logged with logf and never shown to the client.
 */
export function newHandler(store: Store, logf: Logf): Handler {
  const mux = http.newServeMux();
  mux.handleFunc("POST /products", async (w, r) => {
    const [input, prob] = decodeJSONBody(r, ProductInput, MaxBodyBytes);
    if (prob) return writeProblem(w, prob);
    const invalid = validateProduct(input);
    if (invalid.length !== 0) {
      writeProblem(w, validationProblem(invalid));
      return;
    }
    let product;
    try {
      product = await store.create(input);
    } catch (err) {
      // The client learns that it failed, not why: the why is for the logs.
      logf(`POST /products: store: ${err instanceof Error ? err.message : String(err)}`);
      return writeProblem(w, problem(http.StatusInternalServerError, "the product could not be saved"));
    }
    w.header().set("Location", `/products/${product.id}`);
    http.writeJSON(w, http.StatusCreated, product);
  });
  return mux;
}

/** The handler the API explorer talks to: POST /products with a JSON body. */
export const handler = newHandler(new MemoryStore(), (line) => console.log(line));
