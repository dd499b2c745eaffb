// http.Server: a handler served at an address of the program's in-memory
// network, with Go's timeouts and graceful shutdown, on the bubble's
// virtual clock. See "What a server is here" in sandbox/go/README.md.

import type { Context } from "../../context";
import type { Chan } from "../../internal/chan";
import { makeChan, select } from "../../internal/chan";
import type { Bubble } from "../../internal/scheduler";
import { activeBubble, requireBubble, spawnGoroutine } from "../../internal/scheduler";
import { isVirtual, now, since } from "../../time";
import type { Duration } from "../../time";
import type { Handler } from "./handler";
import type { Request } from "./request";
import type { Response, ResponseWriter } from "./response";
import { HandlerPanic, serveRequest } from "./server";

/**
 * ErrServerClosed is returned by listenAndServe after a call to shutdown
 * or close (Go's http.ErrServerClosed).
 */
export const ErrServerClosed = new Error("http: Server closed");

/** The fields of a Server (Go's http.Server struct literal). */
export interface ServerConfig {
  addr?: string;
  handler?: Handler | null;
  readTimeout?: Duration;
  readHeaderTimeout?: Duration;
  writeTimeout?: Duration;
  idleTimeout?: Duration;
  maxHeaderBytes?: number;
}

// The in-memory network: listening servers by port, one table per bubble
// (so tests do not see each other's servers) and one outside bubbles.
const outside = new Map<string, Server>();
const tables = new WeakMap<Bubble, Map<string, Server>>();

function table(b: Bubble | null = activeBubble()): Map<string, Server> {
  if (!b) return outside;
  let t = tables.get(b);
  if (!t) tables.set(b, (t = new Map()));
  return t;
}

// portOf returns the port of "host:port" or ":port"; "" means 80, as ":http".
function portOf(hostport: string): string {
  const i = hostport.lastIndexOf(":");
  if (i < 0 || hostport.endsWith("]")) return "80";
  return hostport.slice(i + 1) || "80";
}

/** @internal dial finds the server listening at host:port, or throws Go's dial error. */
export function dial(hostport: string): Server {
  const port = portOf(hostport);
  const s = table().get(port) ?? outside.get(port);
  if (!s) {
    const addr = hostport.includes(":") ? hostport : hostport + ":80";
    throw new Error(`dial tcp ${addr.replace(/^localhost:/, "127.0.0.1:")}: connect: connection refused`);
  }
  return s;
}

/**
 * A Server serves HTTP requests with a handler (Go's http.Server). There is
 * no network: listenAndServe makes the server reachable at its address
 * inside this program (clients dial "http://localhost:PORT/..."), and
 * requests are delivered whole.
 *
 *     const srv = new http.Server({ addr: ":8080", handler: mux, writeTimeout: 10 * time.Second });
 *     go(async () => {
 *       const err = await srv.listenAndServe();
 *       if (err !== http.ErrServerClosed) panic(err);
 *     });
 *     ...
 *     const [ctx, cancel] = context.withTimeout(context.background(), 5 * time.Second);
 *     const err = await srv.shutdown(ctx); // in-flight requests finish first
 *
 * Timeouts, on the virtual clock:
 * - writeTimeout: a handler that takes longer than this from the start of
 *   the request gets no response through: the client fails with "EOF" when
 *   the handler returns, as in Go (the handler's context is not cancelled).
 * - readTimeout, readHeaderTimeout: requests arrive at once here, so reading
 *   never times out; they are kept for code that sets them.
 * - idleTimeout: there are no kept-alive connections to close here.
 */
export class Server {
  /** The address to listen on, ":8080" or "localhost:8080"; "" means ":80" (Go's ":http"). */
  addr = "";
  /** The handler to invoke; null serves 404s (Go would use http.DefaultServeMux). */
  handler: Handler | null = null;
  /** Maximum time to read a request, body included (0: none). Requests arrive whole here. */
  readTimeout: Duration = 0;
  /** Maximum time to read request headers (0: readTimeout). Requests arrive whole here. */
  readHeaderTimeout: Duration = 0;
  /** Maximum time from the start of a request to the end of its response (0: none). */
  writeTimeout: Duration = 0;
  /** Maximum time a kept-alive connection waits for the next request (0: readTimeout). No connections here. */
  idleTimeout: Duration = 0;
  /** Maximum size of request headers (0: Go's 1 MB default). Not enforced here. */
  maxHeaderBytes = 0;

  private inShutdown = false;
  private listening: string | null = null;
  private readonly waiters: { ch: Chan<Error> | null; resolve: ((e: Error) => void) | null }[] = [];
  private readonly onShutdown: (() => unknown)[] = [];
  private inFlight = 0;
  private idle: Chan<void> | null = null;
  private closed: Chan<void> | null = null;
  private closedDone = false;

  constructor(config: ServerConfig = {}) {
    Object.assign(this, config);
  }

  /**
   * listenAndServe starts serving at addr and waits (like Go's, it blocks)
   * until shutdown or close, then returns ErrServerClosed. If the port is
   * taken it returns Go's "bind: address already in use" error at once.
   * Run it in its own goroutine: `go(() => srv.listenAndServe())`.
   */
  listenAndServe(): Promise<Error> {
    if (this.inShutdown) return Promise.resolve(ErrServerClosed);
    const port = portOf(this.addr || ":80");
    const t = table();
    const other = t.get(port);
    if (other && other !== this) {
      return Promise.resolve(new Error(`listen tcp ${this.addr || ":80"}: bind: address already in use`));
    }
    t.set(port, this);
    this.listening = port;
    if (activeBubble()) {
      // A channel, so that the waiting goroutine is durably blocked and virtual time can advance.
      const ch = makeChan<Error>();
      this.waiters.push({ ch, resolve: null });
      return (async () => {
        await ch.recv(); // closed by shutdown or close
        return ErrServerClosed;
      })();
    }
    return new Promise<Error>((resolve) => this.waiters.push({ ch: null, resolve }));
  }

  /** @internal listenInternal registers the server like listenAndServe without waiting (httptest). */
  listenInternal(port: string): void {
    table().set(port, this);
    this.listening = port;
  }

  private stopListening(): void {
    if (this.listening !== null) {
      const t = table();
      if (t.get(this.listening) === this) t.delete(this.listening);
      if (outside.get(this.listening) === this) outside.delete(this.listening);
      this.listening = null;
    }
    for (const w of this.waiters.splice(0)) {
      if (w.ch) w.ch.close();
      else w.resolve!(ErrServerClosed);
    }
  }

  /**
   * registerOnShutdown registers f to be called, in its own goroutine, when
   * shutdown starts (Go's RegisterOnShutdown): tell long-lived handlers to stop.
   */
  registerOnShutdown(f: () => unknown): void {
    this.onShutdown.push(f);
  }

  /**
   * shutdown gracefully shuts the server down (Go's Server.Shutdown): it
   * stops listening at once (new requests are refused and listenAndServe
   * returns ErrServerClosed), runs the registerOnShutdown functions, then
   * waits until every in-flight request has finished and returns null, or
   * returns ctx.err() if ctx is done first. Go checks for idle connections
   * every few ms (up to 500 ms); here it returns as soon as the last request
   * finishes. Waiting needs a synctest bubble.
   */
  async shutdown(ctx: Context): Promise<Error | null> {
    this.inShutdown = true;
    this.stopListening();
    for (const f of this.onShutdown) {
      if (activeBubble()) spawnGoroutine(f, "http.onShutdown");
      else void Promise.resolve().then(f);
    }
    if (this.inFlight === 0) return null;
    requireBubble("Server.shutdown with requests in flight");
    this.idle ??= makeChan<void>();
    const idle = this.idle;
    return select(
      idle.recvCase(() => null),
      ctx.done().recvCase(() => ctx.err()),
    );
  }

  /**
   * close closes the server at once (Go's Server.Close): it stops listening,
   * and clients of in-flight requests fail with "EOF" (their handlers keep
   * running, as in Go). It returns null.
   */
  close(): Error | null {
    this.inShutdown = true;
    this.stopListening();
    if (this.closed && !this.closedDone) this.closed.close();
    this.closedDone = true;
    return null;
  }

  /** @internal roundTrip serves one client request, with the server's rules. */
  async roundTrip(req: Request, dialAddr: string): Promise<Response> {
    if (this.inShutdown) throw new Error(`dial tcp ${dialAddr}: connect: connection refused`);
    if (activeBubble()) this.closed ??= makeChan<void>();
    this.inFlight++;
    const start = isVirtual() ? now() : null;
    try {
      const h = this.handler ?? { serveHTTP: notFound };
      const resp = await serveRequest(h, req, { abort: activeBubble() ? this.closed : null });
      if (this.writeTimeout > 0 && start !== null && since(start) > this.writeTimeout) {
        // The write deadline passed while the handler ran: the reply is lost.
        throw new HandlerPanic(new Error("i/o timeout"));
      }
      return resp;
    } finally {
      this.inFlight--;
      if (this.inFlight === 0 && this.idle) {
        this.idle.close();
        this.idle = null;
      }
    }
  }
}

function notFound(w: ResponseWriter): void {
  w.header().set("Content-Type", "text/plain; charset=utf-8");
  w.header().set("X-Content-Type-Options", "nosniff");
  w.writeHeader(404);
  w.write("404 page not found\n");
}
