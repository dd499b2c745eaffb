// The errors of Go's encoding/json, as plain Error subclasses with Go's
// fields and messages: check them with instanceof (or an errors.as helper).

/**
 * A SyntaxError describes malformed JSON (Go's *json.SyntaxError). offset
 * is the number of bytes read before the error, the bad byte included, as
 * in Go: `invalid character '}' looking for beginning of value`.
 */
export class SyntaxError extends Error {
  /** Bytes read when the error occurred (UTF-8 bytes, as Go counts). */
  readonly offset: number;
  constructor(msg: string, offset: number) {
    super(msg);
    this.name = "SyntaxError";
    this.offset = offset;
  }
}

/**
 * An UnmarshalTypeError describes a JSON value that was not appropriate for
 * the type it was decoded into (Go's *json.UnmarshalTypeError), e.g.
 * `json: cannot unmarshal string into Go struct field User.age of type int`.
 */
export class UnmarshalTypeError extends Error {
  /**
   * @param value the JSON value: "string", "number", "number 1.5", "bool", "array" or "object"
   * @param type the Go type, e.g. "int", "[]string", "User"
   * @param offset bytes read before the value ended (after "[" or "{" for arrays and objects)
   * @param struct the name of the struct holding the field ("" outside a struct)
   * @param field the full path of the field from the root, e.g. "address.zip"
   */
  constructor(
    readonly value: string,
    readonly type: string,
    readonly offset: number,
    readonly struct = "",
    readonly field = "",
  ) {
    super(
      struct !== "" || field !== ""
        ? `json: cannot unmarshal ${value} into Go struct field ${struct}.${field} of type ${type}`
        : `json: cannot unmarshal ${value} into Go value of type ${type}`,
    );
    this.name = "UnmarshalTypeError";
  }
}

/** An UnsupportedTypeError is returned by marshal for a value it cannot encode, e.g. a function (Go's). */
export class UnsupportedTypeError extends Error {
  constructor(readonly type: string) {
    super(`json: unsupported type: ${type}`);
    this.name = "UnsupportedTypeError";
  }
}

/** An UnsupportedValueError is returned by marshal for NaN, ±Inf and cycles (Go's). */
export class UnsupportedValueError extends Error {
  constructor(readonly str: string) {
    super(`json: unsupported value: ${str}`);
    this.name = "UnsupportedValueError";
  }
}

/** A MarshalerError wraps an error from a marshalJSON method (Go's *json.MarshalerError). */
export class MarshalerError extends Error {
  constructor(
    readonly type: string,
    readonly err: Error,
    sourceFunc = "MarshalJSON",
  ) {
    super(`json: error calling ${sourceFunc} for type ${type}: ${err.message}`, { cause: err });
    this.name = "MarshalerError";
  }
}

/** EOF is returned by Decoder.decode and token when the input has no more values (Go's io.EOF). */
export const EOF = new Error("EOF");

/** ErrUnexpectedEOF is returned by a Decoder when the input ends inside a value (Go's io.ErrUnexpectedEOF). */
export const ErrUnexpectedEOF = new Error("unexpected EOF");
