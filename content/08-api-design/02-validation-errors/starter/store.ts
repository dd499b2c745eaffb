// The product type and its storage. You do not need to change this file.
import * as json from "go/encoding/json";

/**
 * ProductInput is what POST /products accepts, as the Go struct would say it:
 *
 *     type ProductInput struct {
 *         Name     string   `json:"name"`
 *         Price    int      `json:"price"` // in cents
 *         Currency string   `json:"currency"`
 *         Tags     []string `json:"tags"`
 *     }
 */
export const ProductInput = json.struct("ProductInput", {
  name: json.string(),
  price: json.int(),
  currency: json.string(),
  tags: json.slice(json.string()),
});

/** A ProductInput value; a missing field has Go's zero value ("", 0, null). */
export type ProductInput = json.Infer<typeof ProductInput>;

/** A Product is a stored product. */
export interface Product extends ProductInput {
  readonly id: number;
}

/** A Store saves products. create may fail, as a database may. */
export interface Store {
  create(p: ProductInput): Promise<Product>;
}

/** MemoryStore is a Store in memory. */
export class MemoryStore implements Store {
  private readonly items: Product[] = [];

  async create(p: ProductInput): Promise<Product> {
    await Promise.resolve(); // a real store is a network call away
    const product = { ...p, id: this.items.length + 1 };
    this.items.push(product);
    return product;
  }

  /** all returns every stored product, in creation order. */
  all(): readonly Product[] {
    return this.items;
  }
}
