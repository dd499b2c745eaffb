// The shape of the hand-written Go side of the reference: for each learner
// export, the Go it stands for. Split by package family in go-table-*.ts.

/** Go syntax or signature; or, for a name with no Go counterpart, `go: null` and why it exists. */
export type GoSide = string | { go: string | null; note: string };

/** module ("go/sync") -> exported name -> Go side. */
export type GoTable = Record<string, Record<string, GoSide>>;

/** A family of constants named exactly as Go names them (http.StatusOK, http.MethodGet). */
export interface GoFamily {
  module: string;
  pattern: RegExp;
  /** The Go side for one member, from its exported name. */
  go: (name: string) => string;
}
