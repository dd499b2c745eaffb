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
  // TODO: check every field and collect every error.
  void p;
  return [];
}

/**
 * newHandler serves POST /products: 201 with the product and its Location;
 * a problem+json 400 or 413 for a body that cannot be decoded, 422 with every
 * field error for one that decodes but is invalid, and 500 when the store
 * fails, logged with logf and never shown to the client.
 */
export function newHandler(store: Store, logf: Logf): Handler {
  void logf;
  const mux = http.newServeMux();
  mux.handleFunc("POST /products", async (w, r) => {
    const [input, prob] = decodeJSONBody(r, ProductInput, MaxBodyBytes);
    if (prob) return writeProblem(w, prob);
    // TODO: a body that decodes but breaks the rules is a 422 listing every field error.
    let product;
    try {
      product = await store.create(input);
    } catch (err) {
      // TODO: is this message for the client, or for the logs (logf)?
      return writeProblem(w, problem(http.StatusInternalServerError, String(err)));
    }
    w.header().set("Location", `/products/${product.id}`);
    http.writeJSON(w, http.StatusCreated, product);
  });
  return mux;
}

/** The handler the API explorer talks to: POST /products with a JSON body. */
export const handler = newHandler(new MemoryStore(), (line) => console.log(line));
