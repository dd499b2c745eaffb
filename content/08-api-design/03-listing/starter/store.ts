// The product catalogue. You do not need to change this file.

/** A Product in the catalogue; price is in cents. */
export interface Product {
  readonly id: number;
  readonly name: string;
  readonly category: string;
  readonly price: number;
}

/** A Store holds products; ids grow with every insert, as a database sequence does. */
export class Store {
  private items: Product[] = [];
  private lastID = 0;

  /** insert adds a product and returns it with its new id. */
  insert(name: string, category: string, price: number): Product {
    const p = { id: ++this.lastID, name, category, price };
    this.items.push(p);
    return p;
  }

  /** delete removes the product with the given id, if any. */
  delete(id: number): void {
    this.items = this.items.filter((p) => p.id !== id);
  }

  /** all returns a copy of every product, in id order (a table scan: sorting and paging are your job). */
  all(): Product[] {
    return [...this.items];
  }
}

/** seed returns a store with the shop's twelve products. Several share a price, on purpose. */
export function seed(): Store {
  const s = new Store();
  s.insert("gopher mug", "mugs", 1200); // 1
  s.insert("gopher plush", "toys", 2500); // 2
  s.insert("gopher sticker", "stickers", 300); // 3
  s.insert("steel mug", "mugs", 1200); // 4
  s.insert("enamel mug", "mugs", 900); // 5
  s.insert("laptop sticker", "stickers", 300); // 6
  s.insert("gopher hoodie", "apparel", 4500); // 7
  s.insert("tea mug", "mugs", 1200); // 8
  s.insert("sticker pack", "stickers", 300); // 9
  s.insert("gopher cap", "apparel", 2500); // 10
  s.insert("travel mug", "mugs", 1500); // 11
  s.insert("plush keyring", "toys", 800); // 12
  return s;
}
