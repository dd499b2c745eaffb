import * as http from "go/net/http";
import type { Handler } from "go/net/http";
import type { FieldError } from "./problem";
import { MaxBodyBytes, decodeJSONBody, problem, writeProblem } from "./problem";
import { MemoryStore, ProductInput } from "./store";
import type { Store } from "./store";

/** A log sink: one line per call (console.log in the explorer, an array in tests). */
export type Logf = (line: string) => void;

/** The currencies the shop sells in. */
export const currencies = ["EUR", "GBP", "USD"];

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
  const errs: FieldError[] = [];
  if (p.name.trim() === "") errs.push({ pointer: "#/name", detail: "must not be blank" });
  else if ([...p.name].length > 60) errs.push({ pointer: "#/name", detail: "must be at most 60 characters" });
  if (p.price <= 0) errs.push({ pointer: "#/price", detail: "must be greater than 0" });
  if (!currencies.includes(p.currency)) {
    errs.push({ pointer: "#/currency", detail: `must be one of ${currencies.join(", ")}` });
  }
  const tags = p.tags ?? [];
  if (tags.length > 5) errs.push({ pointer: "#/tags", detail: "must have at most 5 items" });
  tags.forEach((tag, i) => {
    if (tag.trim() === "") errs.push({ pointer: `#/tags/${i}`, detail: "must not be blank" });
  });
  return errs;
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
    const errors = validateProduct(input);
    if (errors.length > 0) {
      return writeProblem(w, {
        type: "https://shop.example/problems/validation",
        title: "Your request is not valid.",
        status: http.StatusUnprocessableEntity,
        detail: "see errors for the fields to fix",
        errors,
      });
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
