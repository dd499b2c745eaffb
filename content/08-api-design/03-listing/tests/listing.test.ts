import { describe, expect, it } from "vitest";
import type { Header } from "go/net/http";
import { newRecorder, newRequest } from "go/net/http/httptest";
import { newHandler } from "./listing";
import { Store, seed } from "./store";

/** What the client received: read from w.result(), never from the live header map. */
interface Reply {
  status: number;
  header: Header;
  body: string;
}

/** get asks store's handler for GET /products?<query> and returns what the client received. */
async function get(store: Store, query: string): Promise<Reply> {
  const w = newRecorder();
  await newHandler(store).serveHTTP(w, newRequest("GET", `/products${query === "" ? "" : "?" + query}`));
  const res = w.result();
  return { status: res.statusCode, header: res.header, body: await res.text() };
}

interface PageView {
  ids: number[];
  next: string | null;
}

/** page reads a 200 page as its item ids and next_cursor. */
function page(res: Reply, what: string): PageView {
  expect(res.status, `${what} answered ${res.status}: ${res.body}`).toBe(200);
  const p = JSON.parse(res.body) as { items: { id: number }[]; next_cursor: string | null };
  return { ids: p.items.map((i) => i.id), next: p.next_cursor };
}

/** walk follows next_cursor from the first page to the last and returns every id seen, page by page. */
async function walk(store: Store, query: string, between: (n: number) => void = () => {}): Promise<number[][]> {
  const pages: number[][] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor === null ? query : `${query}&cursor=${encodeURIComponent(cursor)}`;
    const p = page(await get(store, q), `GET /products?${q}`);
    pages.push(p.ids);
    cursor = p.next;
    if (cursor !== null) between(pages.length);
    expect(pages.length, "next_cursor never ran out: the last page must have next_cursor null").toBeLessThan(20);
  } while (cursor !== null);
  return pages;
}

async function expect400(store: Store, query: string, detail: string) {
  const res = await get(store, query);
  expect(res.status, `?${query} answered ${res.status}; a bad parameter is a 400, never a guess`).toBe(400);
  expect(res.header.get("Content-Type"), "the 400 is a problem: application/problem+json").toBe(
    "application/problem+json",
  );
  expect(JSON.parse(res.body), `?${query}: the problem names the parameter`).toEqual({
    type: "about:blank",
    title: "Bad Request",
    status: 400,
    detail,
  });
}

/** big returns a store of n mugs, ids 1..n. */
function big(n: number): Store {
  const s = new Store();
  for (let i = 1; i <= n; i++) s.insert(`mug ${i}`, "mugs", 1000 + i);
  return s;
}

const byPrice = [3, 6, 9, 12, 5, 1, 4, 8, 11, 2, 10, 7];

describe("Task 1: limits and parameters", () => {
  it("no limit: 20 items", async () => {
    const p = page(await get(big(45), ""), "GET /products");
    expect(p.ids.length, `a page without limit had ${p.ids.length} items; the default is 20`).toBe(20);
  });

  it("a limit over 100 is clamped to 100", async () => {
    const p = page(await get(big(150), "limit=500"), "?limit=500");
    expect(p.ids.length, `?limit=500 returned ${p.ids.length} items; the most a page holds is 100`).toBe(100);
    expect(p.next, "more items follow, so the page has a next_cursor").not.toBeNull();
  });

  it("limit=1 and limit=100 are valid", async () => {
    expect(page(await get(big(150), "limit=1"), "?limit=1").ids, "?limit=1: one item").toEqual([1]);
    expect(page(await get(big(150), "limit=100"), "?limit=100").ids.length, "?limit=100: a full page").toBe(100);
  });

  for (const bad of ["0", "-1", "abc", "10abc", "1.5", "1e1", "0x10", " 5", "", "99999999999999999999"]) {
    it(`limit=${JSON.stringify(bad)} is a 400`, async () => {
      await expect400(seed(), `limit=${encodeURIComponent(bad)}`, "limit must be a positive integer");
    });
  }

  it("offset, max_price and sort are checked too", async () => {
    await expect400(seed(), "offset=-1", "offset must be a non-negative integer");
    await expect400(seed(), "offset=two", "offset must be a non-negative integer");
    await expect400(seed(), "max_price=cheap", "max_price must be a non-negative integer");
    await expect400(seed(), "sort=PRICE", "sort must be one of id, name, -name, price, -price");
    await expect400(seed(), "sort=", "sort must be one of id, name, -name, price, -price");
  });
});

describe("Task 2: filtering and sorting with a stable tiebreak", () => {
  it("default order is by id", async () => {
    expect(page(await get(seed(), ""), "GET /products").ids, "no sort: id order").toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
  });

  it("sort=price breaks ties by id", async () => {
    expect(
      page(await get(seed(), "sort=price"), "?sort=price").ids,
      "by price; products with the same price (3, 6, 9 at 300) in id order",
    ).toEqual(byPrice);
  });

  it("sort=-price is descending, ties still by id ascending", async () => {
    expect(
      page(await get(seed(), "sort=-price"), "?sort=-price").ids,
      "by price descending; ties (2 and 10 at 2500) in id order, not reversed",
    ).toEqual([7, 2, 10, 11, 1, 4, 8, 5, 12, 3, 6, 9]);
  });

  it("sort=name and sort=-name", async () => {
    expect(page(await get(seed(), "sort=name"), "?sort=name").ids, "by name").toEqual([
      5, 10, 7, 1, 2, 3, 6, 12, 4, 9, 8, 11,
    ]);
    expect(page(await get(seed(), "sort=-name"), "?sort=-name").ids, "by name, descending").toEqual([
      11, 8, 9, 4, 12, 6, 3, 2, 1, 7, 10, 5,
    ]);
  });

  it("filters by category and max_price, combined with sort", async () => {
    expect(page(await get(seed(), "category=mugs"), "?category=mugs").ids, "only mugs").toEqual([1, 4, 5, 8, 11]);
    expect(
      page(await get(seed(), "category=mugs&max_price=1200&sort=-price"), "?category=mugs&max_price=1200").ids,
      "mugs at 1200 or less (inclusive), most expensive first",
    ).toEqual([1, 4, 8, 5]);
    expect(page(await get(seed(), "category=hats"), "?category=hats").ids, "no match is an empty page").toEqual([]);
  });
});

describe("Task 3: offset pages and next_cursor", () => {
  it("offset skips items in the sorted order", async () => {
    expect(
      page(await get(seed(), "sort=price&offset=2&limit=3"), "?sort=price&offset=2&limit=3").ids,
      "offset counts from the start of the sorted, filtered list",
    ).toEqual([9, 12, 5]);
  });

  it("an offset past the end is an empty last page", async () => {
    const p = page(await get(seed(), "offset=50"), "?offset=50");
    expect([p.ids, p.next], "past the end: no items and no next_cursor").toEqual([[], null]);
  });

  it("next_cursor is null on the last page, also when it is exactly full", async () => {
    const p = page(await get(seed(), "limit=12"), "?limit=12");
    expect(p.ids.length, "12 items fit in a page of 12").toBe(12);
    expect(p.next, "nothing follows the twelfth product: a cursor here leads to an empty page").toBeNull();
    const q = page(await get(seed(), "limit=11"), "?limit=11");
    expect(q.next, "one product follows: the page needs a next_cursor").not.toBeNull();
  });

  it("following next_cursor visits every item once, in order", async () => {
    const pages = await walk(seed(), "sort=price&limit=5");
    expect(pages, "pages of 5 by price, then the remainder").toEqual([
      byPrice.slice(0, 5),
      byPrice.slice(5, 10),
      byPrice.slice(10),
    ]);
  });

  it("cursor and offset together are a 400", async () => {
    const first = page(await get(seed(), "limit=2"), "?limit=2");
    await expect400(seed(), `limit=2&offset=1&cursor=${first.next}`, "use cursor or offset, not both");
  });
});

describe("Task 4: cursors that survive inserts and deletes", () => {
  it("a page boundary inside a run of equal prices", async () => {
    // 3, 6 and 9 cost 300: the first page ends between them.
    const pages = await walk(seed(), "sort=price&limit=2");
    expect(pages.flat(), "every product once: the cursor must carry the id as well as the price").toEqual(byPrice);
  });

  it("cheaper products inserted between pages neither repeat nor skip items", async () => {
    const store = seed();
    const pages = await walk(store, "sort=price&limit=4", (n) => {
      if (n === 1) {
        store.insert("mini sticker", "stickers", 100); // 13: sorts before everything already seen
        store.insert("tiny sticker", "stickers", 300); // 14: ties with 3, 6, 9, after them by id
      }
    });
    expect(
      pages.flat(),
      "with offsets the inserts would shift later pages and repeat an item; a keyset cursor continues after the last item seen",
    ).toEqual(byPrice);
  });

  it("products inserted later in the order appear on a later page", async () => {
    const store = seed();
    const pages = await walk(store, "sort=price&limit=4", (n) => {
      if (n === 1) store.insert("gold mug", "mugs", 2000); // 13: between 11 (1500) and 2 (2500)
    });
    expect(pages.flat(), "an item inserted ahead of the cursor is seen once, in its place").toEqual([
      3, 6, 9, 12, 5, 1, 4, 8, 11, 13, 2, 10, 7,
    ]);
  });

  it("deleting the last item of a page does not break its cursor", async () => {
    const store = seed();
    const pages = await walk(store, "sort=price&limit=4", (n) => {
      if (n === 1) store.delete(12); // the last item of page 1: the cursor holds its values, not a reference to it
    });
    expect(pages.flat(), "the next page starts after where product 12 was").toEqual([
      3, 6, 9, 12, 5, 1, 4, 8, 11, 2, 10, 7,
    ]);
  });

  it("a cursor is only valid for its own sort", async () => {
    const first = page(await get(seed(), "sort=price&limit=2"), "?sort=price&limit=2");
    expect(first.next, "a page with more to come has a next_cursor").not.toBeNull();
    await expect400(seed(), `sort=name&limit=2&cursor=${first.next}`, "cursor is invalid");
  });

  for (const bad of ["abc", "!!!", "WzFd", "eyJ4IjoxfQ", ""]) {
    it(`the cursor ${JSON.stringify(bad)} is a 400`, async () => {
      await expect400(seed(), `cursor=${encodeURIComponent(bad)}`, "cursor is invalid");
    });
  }
});
