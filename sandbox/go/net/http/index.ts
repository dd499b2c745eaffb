// Package "go/net/http": HTTP handlers, routing and helpers modelled on Go's
// net/http. There is no network: handlers are served by httptest (tests) and
// by the API explorer.
//
//   Go                                        TypeScript
//   mux := http.NewServeMux()                 const mux = http.newServeMux()
//   mux.HandleFunc("GET /p/{id}", h)           mux.handleFunc("GET /p/{id}", h)
//   func h(w http.ResponseWriter, r *http.Request)  function h(w: ResponseWriter, r: Request)
//   r.PathValue("id")                         r.pathValue("id")
//   w.Header().Set("K", "v")                  w.header().set("K", "v")
//   w.WriteHeader(http.StatusCreated)         w.writeHeader(http.StatusCreated)
//   fmt.Fprintln(w, "hi")                     w.write("hi\n")
//   http.Error(w, "bad", 400)                 http.error(w, "bad", 400)
//   r.Context()                               r.context()
//   json.NewDecoder(r.Body).Decode(&v)        const v = await http.decodeJSON(r, { fields: {...} })
//                                             (or go/encoding/json: json.newDecoder(r.body).decode(T))
//   r.FormValue("q")                          r.formValue("q")
//   c, err := r.Cookie("session")             const [c, err] = r.cookie("session")
//   http.SetCookie(w, &http.Cookie{...})      http.setCookie(w, new http.Cookie({ name, value }))
//   srv := &http.Server{Addr: ":8080", ...}   const srv = new http.Server({ addr: ":8080", handler: mux })
//   srv.Shutdown(ctx)                         await srv.shutdown(ctx)

export * from "./status";
export { Header, canonicalHeaderKey } from "./header";
export {
  EscapeError,
  URL,
  Values,
  parseQuery,
  parseURL,
  pathEscape,
  pathUnescape,
  queryEscape,
  queryUnescape,
} from "./url";
export { Body, ErrBodyReadAfterClose, MaxBytesError, NoBody } from "./body";
export type { CookieInit } from "./cookie";
export {
  Cookie,
  ErrNoCookie,
  SameSiteDefaultMode,
  SameSiteLaxMode,
  SameSiteNoneMode,
  SameSiteStrictMode,
  parseSetCookie,
  setCookie,
} from "./cookie";
export type { SameSite } from "./cookie";
export { Request } from "./request";
export type { ResponseWriter } from "./response";
export { detectContentType } from "./sniff";
export { Response, error, notFound, notFoundHandler, redirect, redirectHandler } from "./response";
export type { Handler, HandlerFunc, Middleware } from "./handler";
export { chain, handlerFunc } from "./handler";
export { ServeMux, newServeMux } from "./mux";
export { ErrHandlerTimeout, maxBytesHandler, maxBytesReader, stripPrefix, timeoutHandler } from "./handlers";
export type { DecodeOptions, Decoded, FieldSpec, FieldType, JSONScalar, JSONTypeName } from "./json";
export { DecodeError, DefaultMaxJSONBytes, checkJSON, decodeJSON, writeJSON } from "./json";
export { ErrAbortHandler } from "./server";
export type { ClientConfig } from "./client";
export {
  Client,
  ErrUseLastResponse,
  URLError,
  defaultClient,
  get,
  head,
  newRequest,
  newRequestWithContext,
  post,
} from "./client";
export type { ServerConfig } from "./httpserver";
export { ErrServerClosed, Server } from "./httpserver";
export { cleanPath } from "./path";
