// Benchmark: routed requests per second through a go/net/http ServeMux with
// 100 patterns. Prints the median of several runs for
//   1. route only:   mux.handler(r) on prebuilt requests
//   2. full request: httptest.newRequest + newRecorder + mux.serveHTTP
//   3. via server:   httptest.newServer(mux).client().do(req) (async; what the
//                    API explorer does per request, minus the synctest bubble)
//
// Run:
//   npx esbuild scripts/bench-http.ts --bundle --platform=node --format=esm \
//     --alias:go=./sandbox/go --log-level=warning | node --input-type=module

import { handlerFunc, newServeMux } from "go/net/http";
import type { Request } from "go/net/http";
import { newRecorder, newRequest, newServer } from "go/net/http/httptest";

const resources = [
  "users",
  "orders",
  "products",
  "carts",
  "invoices",
  "shipments",
  "reviews",
  "coupons",
  "stores",
  "teams",
];

const mux = newServeMux();
const ok = handlerFunc((w) => w.write("ok"));
const patterns: string[] = [];
for (const res of resources) {
  patterns.push(
    `GET /api/${res}`,
    `POST /api/${res}`,
    `GET /api/${res}/{id}`,
    `PUT /api/${res}/{id}`,
    `DELETE /api/${res}/{id}`,
    `GET /api/${res}/{id}/history`,
    `GET /api/${res}/{id}/items/{item}`,
    `GET /api/${res}/export/{$}`,
    `/static/${res}/`,
    `GET /files/${res}/{path...}`,
  );
}
for (const p of patterns) mux.handle(p, ok);
if (patterns.length !== 100) throw new Error(`expected 100 patterns, got ${patterns.length}`);

const targets: [string, string][] = [];
for (const res of resources) {
  targets.push(
    ["GET", `/api/${res}`],
    ["POST", `/api/${res}`],
    ["GET", `/api/${res}/42`],
    ["DELETE", `/api/${res}/42`],
    ["GET", `/api/${res}/42/items/7`],
    ["GET", `/files/${res}/a/b/c.txt`],
    ["GET", `/static/${res}/app.js`],
    ["GET", `/nope/${res}`],
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function measure(name: string, n: number, runs: number, fn: (i: number) => unknown): Promise<void> {
  for (let i = 0; i < n / 4; i++) await fn(i); // warm-up
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn(i);
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
  console.log(
    `${name.padEnd(34)} median ${fmt(median(rates)).padStart(11)} req/s  (runs: ${rates.map(fmt).join(", ")})`,
  );
}

const prebuilt: Request[] = targets.map(([m, p]) => newRequest(m, p));
const N = 200_000;
const RUNS = 7;
console.log(
  `ServeMux with ${patterns.length} patterns, ${targets.length} distinct requests (incl. 404/405), ${RUNS} runs of ${N.toLocaleString("en-US")}`,
);
function syncMeasure(name: string, n: number, runs: number, fn: (i: number) => void): void {
  for (let i = 0; i < n / 4; i++) fn(i); // warm-up
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(i);
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
  console.log(
    `${name.padEnd(34)} median ${fmt(median(rates)).padStart(11)} req/s  (runs: ${rates.map(fmt).join(", ")})`,
  );
}

syncMeasure("route only (mux.handler)", N, RUNS, (i) => {
  mux.handler(prebuilt[i % prebuilt.length]!);
});
syncMeasure("full (newRequest+recorder+serve)", N, RUNS, (i) => {
  const [m, p] = targets[i % targets.length]!;
  void mux.serveHTTP(newRecorder(), newRequest(m, p));
});
const srv = newServer(mux);
const client = srv.client();
client.checkRedirect = () => null;
await measure("via httptest server (async)", N / 4, RUNS, (i) => {
  const [m, p] = targets[i % targets.length]!;
  return client.do(newRequest(m, p));
});
