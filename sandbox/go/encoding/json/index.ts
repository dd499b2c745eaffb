// Package "go/encoding/json": Go's encoding/json for the course.
//
//   Go                                            TypeScript
//   type User struct{ Name string `json:"name"` }  const User = json.struct("User", { name: json.string() })
//   err := json.Unmarshal(data, &u)               const [u, err] = json.unmarshal(data, User)
//   b, err := json.Marshal(u)                     const [s, err] = json.marshal(u, User)
//   dec := json.NewDecoder(r.Body)                const dec = json.newDecoder(r.body)
//   dec.DisallowUnknownFields()                   dec.disallowUnknownFields()
//   err := dec.Decode(&u)                         const [u, err] = dec.decode(User)
//   json.NewEncoder(w).Encode(v)                  json.newEncoder(w).encode(v)
//   var se *json.SyntaxError; errors.As(err, &se)  if (err instanceof json.SyntaxError) ...

export {
  EOF,
  ErrUnexpectedEOF,
  MarshalerError,
  SyntaxError,
  UnmarshalTypeError,
  UnsupportedTypeError,
  UnsupportedValueError,
} from "./errors";
export { JSONNumber as Number } from "./number";
export type { Fields, Infer, Kind } from "./types";
export { Type, any, bool, float64, int, map, number, ptr, slice, string, struct } from "./types";
export { unmarshal } from "./decode";
export type { Writer } from "./encode";
export { Encoder, marshal, marshalIndent, newEncoder } from "./encode";
export type { Reader, Token } from "./stream";
export { Decoder, Delim, newDecoder } from "./stream";
export { valid } from "./scanner";
