/**
 * A Writer sends bytes somewhere slow, a file or a socket (Go: io.Writer).
 * As in Go, write may read p until it returns, so p must not change before
 * then; after it returns, p is the caller's again.
 */
export interface Writer {
  write(p: Uint8Array): Promise<void>;
}
