// The shop's routes, with no access control of their own. You do not need to change this file.
import * as http from "go/net/http";

/**
 * newMux returns the shop's routes:
 *   GET    /products          list
 *   GET    /products/{id}     one product
 *   POST   /products          create: 201
 *   DELETE /products/{id}     delete: 204
 *   GET    /admin/audit       the audit log
 *   POST   /admin/reindex     added last week; nobody wrote a policy for it yet
 */
export function newMux(): http.ServeMux {
  const mux = http.newServeMux();
  mux.handleFunc("GET /products", (w) => {
    http.writeJSON(w, http.StatusOK, [{ id: 1, name: "gopher plush" }]);
  });
  mux.handleFunc("GET /products/{id}", (w, r) => {
    http.writeJSON(w, http.StatusOK, { id: Number(r.pathValue("id")), name: "gopher plush" });
  });
  mux.handleFunc("POST /products", (w) => {
    http.writeJSON(w, http.StatusCreated, { id: 2, name: "gopher mug" });
  });
  mux.handleFunc("DELETE /products/{id}", (w) => {
    w.writeHeader(http.StatusNoContent);
  });
  mux.handleFunc("GET /admin/audit", (w) => {
    http.writeJSON(w, http.StatusOK, [{ who: "ana", did: "DELETE /products/3" }]);
  });
  mux.handleFunc("POST /admin/reindex", (w) => {
    http.writeJSON(w, http.StatusAccepted, { reindexing: true });
  });
  return mux;
}
