// Simplified Chinese doc comments of go/encoding/json.

import type { Translations } from "./translation";

export const JSON_DOCS: Record<string, Translations> = {
  "go/encoding/json": {
    EOF: ["d1835331", "当输入中没有更多的值时，Decoder.decode 和 token 返回 EOF（即 Go 的 io.EOF）。"],
    ErrUnexpectedEOF: [
      "95afb7c2",
      "当输入在某个值的中间结束时，Decoder 返回 ErrUnexpectedEOF（即 Go 的 io.ErrUnexpectedEOF）。",
    ],
    MarshalerError: ["6e6f2f0b", "MarshalerError 包装来自 marshalJSON 方法的错误（即 Go 的 *json.MarshalerError）。"],
    SyntaxError: [
      "01f97b52",
      "SyntaxError 描述格式错误的 JSON（即 Go 的 *json.SyntaxError）。与 Go 一样，offset 是出错前已读取的字节数，包括那个错误的字节：`invalid character '}' looking for beginning of value`。",
    ],
    UnmarshalTypeError: [
      "154118e9",
      "UnmarshalTypeError 描述一个不适合解码到目标类型的 JSON 值（即 Go 的 *json.UnmarshalTypeError），例如 `json: cannot unmarshal string into Go struct field User.age of type int`。",
    ],
    UnsupportedTypeError: [
      "ea251b42",
      "marshal 遇到无法编码的值（例如函数）时返回 UnsupportedTypeError（与 Go 相同）。",
    ],
    UnsupportedValueError: [
      "4e7da191",
      "marshal 遇到 NaN、±Inf 和循环引用时返回 UnsupportedValueError（与 Go 相同）。",
    ],
    Number: [
      "075d1215",
      "JSONNumber 是以文本形式保存的 JSON 数字字面量（即 Go 的 json.Number，以 json.Number 导出）：在 Decoder.useNumber 下解码到 any() 时得到的就是它，number() 解码出的也是它。编码时输出该字面量本身。",
    ],
    Fields: ["fb86582a", "struct 的字段表：JSON 键 -> Type。"],
    Infer: ["6b293e9b", "Infer<typeof T> 是某个 Type 所描述的值的 TypeScript 类型。"],
    Kind: ["1b178cc4", "Kind 是某个 Type 所描述的 Go 类型的种类。"],
    Type: [
      "d82d7e2b",
      "Type 为解码和编码描述一个 Go 类型（见 struct）。用 string()、int()、float64()、bool()、any()、number()、slice()、map()、struct() 或 ptr() 构造。",
    ],
    any: ["f2f028d9", "any 即 Go 的 any（interface{}）：对象、数组、字符串、数字（float64）、布尔值和 null。"],
    bool: ["222f64b3", "bool 即 Go 的 bool。"],
    float64: ["6cf51a18", "float64 即 Go 的 float64：任意 JSON 数字。"],
    int: [
      "34ff6b28",
      'int 即 Go 的 int：没有小数部分和指数的 JSON 数字。超出 ±2^53-1 的值会被拒绝（"number 9007199254740993"），因为 JavaScript 的数字无法精确表示它们；请把这类值解码为 number()。',
    ],
    map: ["41edb0d9", "map 即 Go 的 map[string]T；它的零值是 null。编码时键按排序输出，与 Go 相同。"],
    number: ["dc10531d", "number 即 Go 的 json.Number：以字面文本保存的数字。"],
    ptr: ["896cf29a", "ptr 即 Go 的 *T：null 或一个 T。"],
    slice: ["865d3485", "slice 即 Go 的 []T；它的零值是 null（Go 的 nil 切片，编码为 null）。"],
    string: ["4788620d", "string 即 Go 的 string。"],
    struct: [
      "bc76be3e",
      'struct 是具有给定字段的 Go 结构体，字段以其 JSON 名为键；name 出现在错误消息中（"Go struct field User.age"）。解码时先精确匹配键，再不区分大小写地匹配（与 Go 相同）；缺少的字段保持零值。编码时按这里的顺序写出字段。',
    ],
    unmarshal: [
      "7f1927f3",
      'unmarshal 解析 JSON 文本，并把它解码为类型 t 的值；不提供 t 时解码为任意 JSON 值（即 Go 的 json.Unmarshal）。它返回 [value, null] 或 [value, err]：*SyntaxError 时 value 为零值；UnmarshalTypeError 或未知字段（开启 disallowUnknownFields 时）则伴随着其余已解码的内容，与 Go 相同。\n\nconst [u, err] = json.unmarshal(`{"name":"ana","age":"x"}`, User); // err: json: cannot unmarshal string into Go struct field User.age of type int',
    ],
    Writer: ["a8af8885", "Writer 接收编码后的输出：一个 ResponseWriter，或任何有 write 方法的对象。"],
    Encoder: [
      "4d06b420",
      "Encoder 把 JSON 值写入一个 Writer，每个值后面跟一个换行符（即 Go 的 json.Encoder）：在 handler 中写作 `json.newEncoder(w).encode(v)`。",
    ],
    marshal: [
      "d73e99ac",
      'marshal 返回 v 的 JSON 编码（即 Go 的 json.Marshal，结果为字符串）：返回 [json, null]；遇到 NaN/±Inf、循环引用和函数时返回 ["", err]。\n\n字符串按 Go 的方式转义："<"、">"、"&" 变成 \\u003c、\\u003e、\\u0026；\n\nMap 视为 Go 的 map：键排序输出；普通对象视为结构体：按顺序输出字段，省略值为 undefined 的字段；Uint8Array 视为 []byte：编码为 base64；\n\n提供 Type 时，结构体字段按 Type 输出（顺序、omitempty、零值）；\n\n带有 marshalJSON()（Go 的 Marshaler）或 toJSON() 的对象，编码的是它们的返回值。',
    ],
    marshalIndent: [
      "4c611bfd",
      "marshalIndent 与 marshal 类似，但把每个元素放在新的一行上，行首是 prefix，后面按嵌套层级各跟一个 indent（即 Go 的 json.MarshalIndent）。",
    ],
    newEncoder: ["e81d65cd", "newEncoder 返回一个写入 w 的 Encoder（即 Go 的 json.NewEncoder）。"],
    Reader: ["7bef07bc", "Reader 是 Decoder 读取的对象：字符串、字节，或一个 Body（任何有 readSync 的对象）。"],
    Token: [
      "ecb047fa",
      "Token 是 Decoder.token 返回的值：一个 Delim、布尔值、数字（使用 useNumber 时为 Number）、字符串或 null。",
    ],
    Decoder: [
      "2c59b56f",
      "Decoder 从输入中读取并解码 JSON 值（即 Go 的 json.Decoder）：\n\nconst dec = json.newDecoder(r.body); dec.disallowUnknownFields(); const [p, err] = dec.decode(Product);\n\n输入在第一次使用时被整个读入（这里的 body 都在内存中）。在输入末尾，decode 和 token 返回 EOF；在某个值的中间结束时，它们返回 ErrUnexpectedEOF，与 Go 的 Decoder 相同。",
    ],
    Delim: ["67d0bb86", "Delim 是 Decoder.token 返回的 JSON 分隔符 [ ] { } 之一（即 Go 的 json.Delim）。"],
    newDecoder: [
      "ab64303a",
      "newDecoder 返回一个从 r 读取的 Decoder：r 可以是字符串、字节，或请求/响应的 body（即 Go 的 json.NewDecoder）。",
    ],
    valid: ["6099da11", "valid 报告 s 是否恰好是一个合法的 JSON 值，允许前后有空白（即 Go 的 json.Valid）。"],
  },
};
