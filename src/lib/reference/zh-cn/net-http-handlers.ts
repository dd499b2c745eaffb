// Simplified Chinese doc comments of go/net/http: handlers, mux, headers, bodies, cookies, URLs, JSON helpers.

import type { Translations } from "./translation";

export const HTTP_HANDLER_DOCS: Record<string, Translations> = {
  "go/net/http": {
    Header: [
      "12641ceb",
      'Header 表示 HTTP 头部中的键值对。每个方法都会先用 canonicalHeaderKey 规范化键，所以 `h.get("content-type")` 和 `h.get("Content-Type")` 是一样的。',
    ],
    canonicalHeaderKey: [
      "21c4f5aa",
      'canonicalHeaderKey 返回头部键 s 的规范格式：首字母以及连字符后面的字母大写，其余小写（"accept-encoding" -> "Accept-Encoding"）。如果 s 包含空格或不合法的头部字段字节，则原样返回（与 Go 相同）。',
    ],
    EscapeError: [
      "c9fc61df",
      'EscapeError 报告一个格式错误的 % 转义（即 Go 的 url.EscapeError）：`invalid URL escape "%zz"`。',
    ],
    URL: [
      "ffb3815e",
      'URL 表示一个解析后的 URL（即 Go 的 url.URL）。对于服务端收到的请求，通常只设置 `path` 和 `rawQuery`：`path` 是解码后的（"/a b"），escapedPath() 返回线路上传输的形式（"/a%20b"）。',
    ],
    Values: ["28ed063c", "Values 把字符串键映射到一组值，与 Go 的 url.Values 相同。通常用于查询参数。键区分大小写。"],
    parseQuery: [
      "a9cfa47a",
      'parseQuery 像 Go 的 url.ParseQuery 一样解析 URL 编码的查询字符串（"a=1&b=2&a=3"）：返回解析出的值和遇到的第一个错误。含有 ";" 的键值对会被丢弃，错误为 "invalid semicolon separator in query"；% 转义有误的键值对会被丢弃，错误为 EscapeError；其余的键值对保留。\n\nconst [v, err] = parseQuery("a=1&b=%zz");   // v 中有 a，err 是 EscapeError',
    ],
    parseURL: [
      "30368410",
      'parseURL 解析一个绝对 URL（"http://example.com/a?b"）或一个请求目标（"/a?b"）。路径不会被清理（由 ServeMux 负责）。路径中有无效的 % 转义时抛出异常。',
    ],
    pathEscape: [
      "a7c4f82b",
      'pathEscape 对 s 进行转义，使它可以放在 URL 路径的一段中（即 Go 的 url.PathEscape）："/" 变成 "%2F"。',
    ],
    pathUnescape: [
      "49f0ad04",
      'pathUnescape 是 pathEscape 的逆操作（即 Go 的 url.PathUnescape；"+" 仍是 "+"）；遇到错误的 % 转义时抛出 EscapeError。',
    ],
    queryEscape: [
      "673fd6b6",
      'queryEscape 对 s 进行转义，使它可以放在 URL 查询串中（即 Go 的 url.QueryEscape）：空格变成 "+"。',
    ],
    queryUnescape: [
      "65ae0fb2",
      "queryUnescape 是 queryEscape 的逆操作（即 Go 的 url.QueryUnescape）；遇到错误的 % 转义时抛出 EscapeError。",
    ],
    Body: [
      "76ae113a",
      "Body 是请求体或响应体（即 Go 的 io.ReadCloser，带缓冲）。用 bytes()、text() 或 json() 读取；读取是异步的，对应 Go 中的阻塞读取。与 Go 不同，body 可以被读取多次（直到被关闭）。close() 释放它：之后的读取会抛出 ErrBodyReadAfterClose，与 Go 相同。",
    ],
    ErrBodyReadAfterClose: [
      "2fc1c957",
      "在 body 关闭之后再读取它时，抛出 ErrBodyReadAfterClose（即 Go 的 http.ErrBodyReadAfterClose）。",
    ],
    MaxBytesError: [
      "2b1071aa",
      '用 maxBytesReader 包装的 body 在读取超过 `limit` 字节时返回（抛出）MaxBytesError。它的消息与 Go 的相同："http: request body too large"。',
    ],
    NoBody: ["edbade6c", "NoBody 是一个始终可读的空 Body：close 什么也不做（即 Go 的 http.NoBody）。"],
    CookieInit: ["924fa33d", "Cookie 的字段；除 name 外都是可选的。"],
    Cookie: [
      "6f4bef8c",
      'Cookie 是一个 HTTP cookie，即 Set-Cookie 响应头或 Cookie 请求头中发送的内容（即 Go 的 http.Cookie）：\n\nhttp.setCookie(w, new http.Cookie({ name: "session", value: id, path: "/", httpOnly: true, maxAge: 3600 }));',
    ],
    ErrNoCookie: [
      "69d77a2f",
      "当指定名字的 cookie 不存在时，Request.cookie 返回 ErrNoCookie（即 Go 的 http.ErrNoCookie）。",
    ],
    SameSiteDefaultMode: ["764d6f13", "SameSiteDefaultMode：不写 SameSite 属性。"],
    SameSiteLaxMode: ["a9c8c7f1", 'SameSiteLaxMode 写入 "SameSite=Lax"。'],
    SameSiteNoneMode: ["6bf41366", 'SameSiteNoneMode 写入 "SameSite=None"（此时浏览器要求同时设置 Secure）。'],
    SameSiteStrictMode: ["295f3d91", 'SameSiteStrictMode 写入 "SameSite=Strict"。'],
    parseSetCookie: [
      "731b6963",
      "parseSetCookie 解析一个 Set-Cookie 头部的值（即 Go 的 http.ParseSetCookie）：返回 [cookie, null]，语法错误时返回 [null, err]。",
    ],
    setCookie: [
      "8fa4d2a1",
      "setCookie 向 w 的头部添加一个 Set-Cookie 头（即 Go 的 http.SetCookie）。名字不合法的 cookie 会被静默丢弃。",
    ],
    SameSite: ["9528769d", "SameSite 控制浏览器是否在跨站请求中发送某个 cookie（即 Go 的 http.SameSite）。"],
    Request: [
      "47372908",
      "Request 表示服务器收到的一个 HTTP 请求（即 Go 的 *http.Request）。handler 读取其中的 method、url、header 和 body，并用 pathValue 获取所匹配的 ServeMux 模式中通配符的值。",
    ],
    ResponseWriter: [
      "bb08f540",
      'handler 用 ResponseWriter 构造响应（即 Go 的 http.ResponseWriter）。\n\nheader() 返回 writeHeader 将要发送的头部 map。在 writeHeader（或第一次 write）之后再修改它不会生效，与 Go 相同。\n\nwriteHeader(code) 发送状态行和头部。只有第一次调用有效；之后的调用会被忽略（Go 会记录 "superfluous WriteHeader call"）。\n\nwrite(body) 写入 body 的一部分；在第一次 writeHeader 之前调用时，它会先调用 writeHeader(200)。它返回写入的字节数。如果没有设置 Content-Type（也没有设置 Content-Encoding），服务器会在发送头部时根据 body 的前 512 字节嗅探出一个。',
    ],
    detectContentType: [
      "8f5da2a1",
      'detectContentType 像 Go 的 http.DetectContentType 一样实现 WHATWG 的 MIME 嗅探算法：它最多只看 data 的前 512 个字节，并且总是返回一个合法的 MIME 类型；如果没有更具体的匹配，则返回 "application/octet-stream"。JSON 会被嗅探为 text/plain，与 Go 相同：请自己设置 Content-Type（writeJSON 会设置）。',
    ],
    Response: [
      "251708a8",
      "Response 是客户端收到的响应（即 Go 的 *http.Response）：来自 httptest 的服务器和客户端，以及 ResponseRecorder.result()。",
    ],
    error: [
      "9cc60511",
      'error 用给定的消息和 HTTP 状态码回复请求（即 Go 的 http.Error）：它删除 Content-Length，设置 "Content-Type: text/plain; charset=utf-8" 和 "X-Content-Type-Options: nosniff"，写入状态码，然后写入 msg 和一个 "\\n"。之后 handler 应当返回。',
    ],
    notFound: ["6ac3a9cd", 'notFound 以 404 "404 page not found" 错误回复（即 Go 的 http.NotFound）。'],
    notFoundHandler: ["41a04ee1", 'notFoundHandler 返回一个 Handler，它对每个请求都回复 404 "404 page not found"。'],
    redirect: [
      "b1eba8fc",
      'redirect 以重定向到 url 的响应回复请求（即 Go 的 http.Redirect），url 可以是相对于请求路径的路径。code 通常是 301、302、303、307 或 308。没有 scheme 和 host 的 url 会被转为绝对路径并清理（"///evil.example/x" 变成 "/evil.example/x"，因此无法把客户端引到别的主机）；非 ASCII 字节会被 % 转义。它设置 Location；对于没有 Content-Type 的 GET 和 HEAD 请求，还会写一个链接到目标的简短 HTML body。',
    ],
    redirectHandler: ["c3b6b474", "redirectHandler 返回一个 Handler，它以给定的状态码把每个请求重定向到 url。"],
    Handler: [
      "1f367709",
      "Handler 响应一个 HTTP 请求（即 Go 的 http.Handler）。serveHTTP 应当把回复的头部和 body 写入 w，然后返回（或 resolve）。serveHTTP 结束之后不要再使用 w。",
    ],
    HandlerFunc: [
      "e8b788a1",
      'HandlerFunc 是 Handler 的函数形式（即 Go 的 http.HandlerFunc）。它可以是 async 的；它返回的任何值都会被忽略（所以 `(w) => w.write("ok")` 没有问题）。',
    ],
    Middleware: [
      "2af0f045",
      "中间件（Middleware）给 Handler 包上一层在它之前和/或之后运行的行为，例如日志或鉴权：`(next) => handlerFunc((w, r) => { ...; return next.serveHTTP(w, r) })`。",
    ],
    chain: [
      "2590c442",
      "chain 组合中间件：chain(a, b, c)(h) 就是 a(b(c(h)))，所以列在最前面的在最外层：它最先看到请求，最后看到响应。",
    ],
    handlerFunc: [
      "29741a52",
      "handlerFunc 把一个普通函数适配为 Handler（即 Go 的 http.HandlerFunc(f)）：handlerFunc(f).serveHTTP(w, r) 会调用 f(w, r)。",
    ],
    ServeMux: [
      "1848f928",
      'ServeMux 是 HTTP 请求多路复用器（即 Go 1.22 的 http.ServeMux）。它把每个请求与已注册的模式逐一匹配，并调用匹配得最精确的那个模式的 handler。\n\n模式的形式是 `[METHOD ][HOST]/[PATH]`：\n\n"/index.html" 对任意 host 和方法匹配该路径；\n\n"GET /static/" 匹配路径以 /static/ 开头的 GET 和 HEAD 请求；\n\n"example.com/" 匹配发往主机 example.com 的任何请求；\n\n"GET /b/{bucket}/o/{objectname...}"：{name} 匹配一个路径段，{name...} 匹配路径的剩余部分（只能用在最后一段）；用 r.pathValue(name) 读取它们；\n\n"/{$}" 只匹配 "/"（否则，结尾的斜杠表示“这棵子树”）。\n\n优先级：如果两个模式都匹配某个请求，更具体的那个胜出（即匹配的请求集合是另一个的真子集的那个）；带 host 的模式优先于不带 host 的。注册两个相互重叠、又没有哪个更具体的模式（或重复注册同一个模式）会 panic，并给出这两个模式。\n\n请求按清理后的路径匹配；不规范的路径（"//a"、"/a/../b"）会得到一个指向规范路径的 301 重定向；当只注册了子树 "/dir/" 时，"/dir" 会得到一个指向 "/dir/" 的 301。GET 模式也处理 HEAD。只为其他方法提供服务的路径返回 405 并带上 Allow 头；没有匹配时返回 404 "404 page not found"。',
    ],
    newServeMux: ["105a8f31", "newServeMux 分配并返回一个新的空 ServeMux。"],
    ErrHandlerTimeout: [
      "c517bb0b",
      "对已超时的 handler 的 ResponseWriter 进行写入时，记录的错误就是 ErrHandlerTimeout（即 Go 的 http.ErrHandlerTimeout）；这些写入会被丢弃。",
    ],
    maxBytesHandler: [
      "f4fa84b9",
      "maxBytesHandler 返回一个 Handler，它在把 r.body 限制为 n 字节的情况下运行 h（即 Go 的 http.MaxBytesHandler）。",
    ],
    maxBytesReader: [
      "022273c0",
      'maxBytesReader 限制请求体的大小（即 Go 的 http.MaxBytesReader）：`r.body = maxBytesReader(w, r.body, 1 << 20)`。读取大于 n 的 body 会以 MaxBytesError（"http: request body too large"）失败。接受 w 参数是为了与 Go 兼容。',
    ],
    stripPrefix: [
      "a5e01f4e",
      'stripPrefix 返回一个 Handler，它从请求 URL 的路径中去掉 prefix，然后调用 h（即 Go 的 http.StripPrefix）；不带该前缀的路径得到 404。示例：`mux.handle("/api/", stripPrefix("/api", apiMux))`。',
    ],
    timeoutHandler: [
      "a1d6f065",
      'timeoutHandler 返回一个 Handler，它在时间限制内运行 h（即 Go 的 http.TimeoutHandler）。h 在自己的 goroutine 中运行，r 的 context 被替换为一个在 dt（一个 time.Duration）之后取消的 context。如果 h 及时完成，它缓冲的响应会被发送；否则客户端收到 503 Service Unavailable，body 为 msg（msg 为 "" 时是一个默认的 HTML 页面），h 之后的写入都被丢弃。h 应当关注 r.context() 并尽早停止。h 中的 panic 会由包装器重新抛出。只能在 synctest.run 内部使用。',
    ],
    DecodeOptions: ["3308415c", "decodeJSON 的选项。"],
    Decoded: ["10acd18c", "Decoded<S> 是与 FieldSpec S 匹配的值的 TypeScript 类型。"],
    FieldSpec: [
      "41a136a4",
      'FieldSpec 描述 handler 接受的 JSON 对象，代替你在 Go 中会解码进去的那个结构体（TypeScript 的类型在运行时不存在）：\n\n{ name: "string", price: "integer", tags: "string[]?", dims: { w: "number", h: "number" } }\n\n除非字段的类型以 "?" 结尾，否则字段是必需的；对于可选字段，null 视为不存在。decodeJSON 根据 spec 推断 TypeScript 类型。',
    ],
    FieldType: [
      "8b676d33",
      '单个字段期望的类型：一个类型名（"string"、"integer?"、"string[]?"），一个表示对象的嵌套 FieldSpec，或一个单元素元组 `[spec]`，表示由这种对象组成的数组。嵌套对象和对象数组都是必需的。',
    ],
    JSONScalar: ["1404391a", 'FieldSpec 中的标量 JSON 类型名。"integer" 是没有小数部分的数（一个安全整数）。'],
    JSONTypeName: ["6a30de44", '类型名：一个标量，或一个标量数组（"string[]"）；结尾的 "?" 使字段成为可选的。'],
    DecodeError: [
      "b0cbafa7",
      "decodeJSON 抛出 DecodeError。它的消息可以安全地展示给客户端；`status` 是应当回复的 HTTP 状态码（400；body 超过上限时为 413）。",
    ],
    DefaultMaxJSONBytes: ["161e76af", "decodeJSON 默认的请求体上限：1 MiB。"],
    checkJSON: [
      "dd9315f2",
      "checkJSON 按 FieldSpec 校验一个已解析的值，错误与 decodeJSON 的相同，并返回去掉未知字段后的值。",
    ],
    decodeJSON: [
      "20a6ca7d",
      'decodeJSON 读取 r 的 body 并解码一个 JSON 值；失败时以 DecodeError reject，其消息足够精确，可以直接随 400 返回：\n\n"request body must not be empty"\n\n"request body contains badly-formed JSON (at position 12): invalid character \'}\' looking for beginning of value"\n\n"request body must only contain a single JSON value"\n\n"request body must not be larger than 1048576 bytes"（状态码 413；触发 maxBytesReader 的上限时也是如此）\n\n使用 `fields` 时："json: request body must be a JSON object"、"json: unknown field \\"x\\""（开启 disallowUnknownFields 时）、"json: field \\"price\\" must be an integer"、"json: missing required field \\"name\\""\n\n使用 `fields` 时，结果的类型由 spec 决定；不使用时，结果类型是 `T`（不做检查）。\n\nconst p = await decodeJSON(r, { fields: { name: "string", price: "integer" }, disallowUnknownFields: true });',
    ],
    writeJSON: [
      "016f689b",
      'writeJSON 以 status 回复，body 是编码为 JSON 的 value 加一个 "\\n"，与 Go 的 json.NewEncoder(w).Encode(v) 写出的一样（使用 go/encoding/json 的 marshal：字符串中的 "<"、">" 和 "&" 变成 \\u003c、\\u003e、\\u0026），并设置 "Content-Type: application/json"。undefined 写作 null。marshal 无法编码的值（NaN、循环引用、函数）会以其错误 panic。',
    ],
    ErrAbortHandler: [
      "7d2619a0",
      "ErrAbortHandler 是用来中止 handler 的哨兵 panic 值（即 Go 的 http.ErrAbortHandler）：服务器关闭连接，并且与其他 panic 不同，不记录任何日志。",
    ],
  },
};
