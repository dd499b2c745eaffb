// The shop's product store. You do not need to change this file.

/** A product. Prices are integer cents: 1250 means 12.50. */
export interface Product {
  id: number;
  name: string;
  price: number;
}

/** Store keeps products in memory, with ids assigned in order. */
export class Store {
  private readonly products = new Map<number, Product>();
  private nextID = 1;

  constructor(seed: Omit<Product, "id">[] = []) {
    for (const p of seed) this.add(p.name, p.price);
  }

  /** list returns every product, ordered by id. */
  list(): Product[] {
    return [...this.products.values()];
  }

  /** get returns the product with the given id, or undefined. */
  get(id: number): Product | undefined {
    return this.products.get(id);
  }

  /** add stores a new product and returns it with its id. */
  add(name: string, price: number): Product {
    const p = { id: this.nextID++, name, price };
    this.products.set(p.id, p);
    return p;
  }
}

/** newStore returns a store with the shop's three starting products. */
export function newStore(): Store {
  return new Store([
    { name: "Gopher mug", price: 1250 },
    { name: "Channel sticker pack", price: 399 },
    { name: "Context hoodie", price: 4500 },
  ]);
}
