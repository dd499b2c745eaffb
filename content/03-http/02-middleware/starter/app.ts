// The application the middleware wraps. You do not need to change this file.
import { panic } from "go";
import * as http from "go/net/http";
import * as time from "go/time";

/** newApp returns the shop's routes: a greeting, a slow report, an order endpoint and a bug. */
export function newApp(): http.Handler {
  const mux = http.newServeMux();
  mux.handleFunc("GET /hello", (w) => {
    http.writeJSON(w, http.StatusOK, { message: "hello, gopher" });
  });
  mux.handleFunc("GET /report", async (w) => {
    await time.sleep(30 * time.Millisecond); // a slow database query
    w.write("report ready\n");
  });
  mux.handleFunc("POST /orders", (w) => {
    http.writeJSON(w, http.StatusCreated, { id: 1, status: "placed" });
  });
  mux.handleFunc("GET /crash", () => {
    panic("database on fire");
  });
  return mux;
}
