// The ResponseWriter a server passes to handlers, with the header rules of
// Go's server (response.WriteHeader and chunkWriter.writeHeader in server.go).

import { toBytes } from "./body";
import { Header } from "./header";
import type { ResponseWriter } from "./response";
import { Response, checkWriteHeaderCode } from "./response";
import { detectContentType } from "./sniff";
import { statusText } from "./status";

/** Go buffers this much of a body before it sends the header; a bigger body goes out chunked. */
export const bufferBeforeChunkingSize = 2048;

/** bodyAllowedForStatus reports whether a response with this status may have a body (not 1xx, 204, 304). */
export function bodyAllowedForStatus(code: number): boolean {
  return !((code >= 100 && code <= 199) || code === 204 || code === 304);
}

// Headers Go's server removes from bodiless responses.
function suppressedHeaders(code: number): string[] {
  if (code === 304) return ["Content-Type", "Content-Length", "Transfer-Encoding"];
  if (!bodyAllowedForStatus(code)) return ["Content-Length", "Transfer-Encoding"];
  return [];
}

/**
 * @internal The ResponseWriter a server passes to handlers. It buffers the
 * body and, like Go's server, decides the header when it is sent: when the
 * body outgrows Go's 2048-byte buffer, or when the handler returns. Then it
 * sniffs a Content-Type from the first 512 bytes (unless Content-Type,
 * Content-Encoding or Transfer-Encoding is set), adds Content-Length if the
 * whole body is known (not for HEAD with nothing written), drops the body
 * headers of 1xx/204/304 replies, and adds Date. Informational 1xx codes
 * (except 101) do not end the header, as in Go.
 */
export class ServerResponseWriter implements ResponseWriter {
  private readonly h = new Header();
  private snap: Header | null = null;
  private chunks: Uint8Array[] = [];
  private written = 0;
  private sent: { header: Header; chunked: boolean } | null = null;
  code = 0;
  /** Set by the server when the handler has returned; later calls are ignored. */
  finished = false;

  constructor(
    private readonly method: string,
    private readonly date: () => Date = () => new Date(),
  ) {}

  /** header returns the header map that writeHeader sends. */
  header(): Header {
    return this.h;
  }

  /** True once the status line has been decided. */
  get wroteHeader(): boolean {
    return this.snap !== null;
  }

  /** writeHeader sets the status and snapshots the header; later calls are ignored with a warning. */
  writeHeader(code: number): void {
    if (this.finished) return;
    if (this.snap) {
      console.warn("http: superfluous response.writeHeader call");
      return;
    }
    checkWriteHeaderCode(code);
    // Go sends 1xx (but 101) at once and keeps waiting for the real status.
    if (code >= 100 && code <= 199 && code !== 101) return;
    this.code = code;
    this.snap = this.h.clone();
  }

  /** write buffers body bytes; it returns 0 for 1xx/204/304 replies, whose bodies are not allowed. */
  write(body: string | Uint8Array): number {
    if (this.finished) return 0;
    const b = toBytes(body);
    if (!this.snap) this.writeHeader(200);
    if (b.length === 0) return 0;
    if (!bodyAllowedForStatus(this.code)) return 0;
    this.chunks.push(b.slice());
    this.written += b.length;
    if (!this.sent && this.written > bufferBeforeChunkingSize) this.send(false);
    return b.length;
  }

  private bytes(): Uint8Array {
    const out = new Uint8Array(this.written);
    let off = 0;
    for (const c of this.chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
  }

  // send decides the header as Go's chunkWriter.writeHeader does, given
  // whether the handler is done (so the whole body is known).
  private send(handlerDone: boolean): void {
    const h = this.snap!;
    const p = this.bytes();
    const isHEAD = this.method === "HEAD";
    const te = h.get("Transfer-Encoding");
    const hasTE = te !== "";
    const allowed = bodyAllowedForStatus(this.code);
    if (handlerDone && !hasTE && allowed && !h.has("Content-Length") && (!isHEAD || p.length > 0)) {
      h.set("Content-Length", String(p.length));
    }
    let hasCL = /^\d+$/.test(h.get("Content-Length"));
    if (allowed) {
      if (h.get("Content-Encoding") === "" && !h.has("Content-Type") && !hasTE && p.length > 0) {
        h.set("Content-Type", detectContentType(p));
      }
    } else {
      for (const k of suppressedHeaders(this.code)) h.del(k);
    }
    if (!h.has("Date")) h.set("Date", this.date().toUTCString());
    if (hasCL && hasTE && te !== "identity") {
      console.warn(`http: WriteHeader called with both Transfer-Encoding of "${te}" and a Content-Length`);
      h.del("Content-Length");
      hasCL = false;
    }
    let chunked = false;
    if (isHEAD || !allowed || this.code === 204 || hasCL || te === "identity") {
      h.del("Transfer-Encoding");
    } else {
      chunked = true;
      h.set("Transfer-Encoding", "chunked");
    }
    this.sent = { header: h, chunked };
  }

  /** finish completes the response (200 if nothing was written) and returns it as a client reads it. */
  finish(): Response {
    if (!this.snap) this.writeHeader(200);
    this.finished = true;
    if (!this.sent) this.send(true);
    const { header, chunked } = this.sent!;
    // The client moves Transfer-Encoding out of the header (Go's transfer.go).
    const h = header.clone();
    h.del("Transfer-Encoding");
    const isHEAD = this.method === "HEAD";
    let contentLength: number;
    if (isHEAD) {
      const cl = h.get("Content-Length");
      contentLength = /^\d+$/.test(cl) ? Number(cl) : -1;
    } else if (!bodyAllowedForStatus(this.code)) contentLength = 0;
    else if (chunked) contentLength = -1;
    else contentLength = /^\d+$/.test(h.get("Content-Length")) ? Number(h.get("Content-Length")) : -1;
    const text = statusText(this.code) || `status code ${this.code}`;
    return new Response(this.code, h, isHEAD ? new Uint8Array(0) : this.bytes(), {
      contentLength,
      transferEncoding: chunked ? ["chunked"] : [],
      status: `${this.code} ${text}`,
    });
  }
}
