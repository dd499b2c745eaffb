// The status recorder of the middleware lesson. You do not need to change this file.
import * as http from "go/net/http";
import type { Header, ResponseWriter } from "go/net/http";

/** StatusRecorder wraps a ResponseWriter and remembers the status sent: the first writeHeader, or 200 on the first write. */
export class StatusRecorder implements ResponseWriter {
  private code = 0;
  constructor(private readonly w: ResponseWriter) {}

  /** status is the status the client received; a handler that wrote nothing sent 200. */
  get status(): number {
    return this.code || http.StatusOK;
  }

  header(): Header {
    return this.w.header();
  }

  writeHeader(code: number): void {
    if (this.code === 0) this.code = code;
    this.w.writeHeader(code);
  }

  write(b: string | Uint8Array): number {
    if (this.code === 0) this.code = http.StatusOK;
    return this.w.write(b);
  }
}
