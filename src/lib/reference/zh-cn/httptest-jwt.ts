// Simplified Chinese doc comments of go/net/http/httptest and go/net/http/jwt.

import type { Translations } from "./translation";

export const HTTPTEST_JWT_DOCS: Record<string, Translations> = {
  "go/net/http/httptest": {
    newRequest: [
      "a617c5b7",
      'newRequest 返回一个新的服务端入站 Request，可以直接传给 handler（即 Go 的 httptest.NewRequest）。target 是一个路径（"/products/42?x=1"）或一个绝对 URL；除非 URL 中带有 host，否则 host 为 "example.com"。method 为 "" 表示 GET。body 可以是字符串或字节。target 无效时 panic。',
    ],
    newRecorder: ["6c7ad6d5", "newRecorder 返回一个已初始化的 ResponseRecorder（状态码 200，头部和 body 为空）。"],
    newUnstartedServer: [
      "4214f007",
      "newUnstartedServer 返回一个尚未开始监听的 Server：先设置 srv.config，再调用 start()（即 Go 的 NewUnstartedServer）。",
    ],
    newServer: [
      "9f9e6fab",
      "newServer 为 handler 启动一个 Server（即 Go 的 httptest.NewServer）。用完后调用 close()。",
    ],
    DefaultRemoteAddr: ["3e17f1b9", 'DefaultRemoteAddr 是 newRequest 设置的远端地址（"192.0.2.1:1234"，与 Go 相同）。'],
    ResponseRecorder: [
      "3f45a5b4",
      "ResponseRecorder 是一个记录 handler 写了什么的 ResponseWriter（即 Go 的 httptest.ResponseRecorder）。检查 code、header() / headerMap 和 body；result() 返回客户端看到的响应（其中的头部是 writeHeader 时的样子）。",
    ],
    Server: [
      "709e9dc5",
      "Server 把一个 handler 提供给同一程序中的客户端，类似 Go 的 httptest.Server，但没有 socket：它在内存网络的 127.0.0.1:PORT 上监听（http.get(srv.url) 也能访问到它）。每个请求都有自己的服务端 Request，当 handler 返回或客户端请求的 context 结束时，它的 context 被取消。handler panic 时，客户端以 `... : EOF` 失败（并记录该 panic），与真实的 Go 服务器一样。config 是它背后的 http.Server：在 start 之前设置它的超时。",
    ],
  },
  "go/net/http/jwt": {
    constantTimeEqual: ["72f07e26", "constantTimeEqual 比较两个字节串，耗时与它们在哪里不同无关。"],
    sign: [
      "0f94a295",
      'sign 为 claims 返回一个紧凑格式的 HS256 JWT（"header.payload.signature"），用 secret 签名。设置了 opts.expiresIn 时它会设置 exp；iat 被设为当前时间（见 clock），除非 claims 中已有 iat，或 opts.issuedAt 为 false。\n\nconst token = sign({ sub: "ana", role: "admin" }, secret, { expiresIn: time.Hour });',
    ],
    decode: [
      "a0af2711",
      "decode 拆分并解码一个 token，但不检查它的签名和时间：只用于查看 token，绝不能用来信任它。token 格式错误时抛出 TokenError（ErrTokenMalformed）。",
    ],
    verify: [
      "c9af14e6",
      'verify 检查 token 并返回它的 claims。它抛出 TokenError，检查按以下顺序进行：\n\nErrTokenMalformed：不是 3 段、base64url 有误、不是 JSON 对象；\n\nErrTokenUnverifiable：alg 为 "none" 或 HS256 以外的任何算法（永远不会信任 token 中的 alg 来选择算法），或者头部带有 "crit" 扩展列表（RFC 7515 4.1.11：本包不支持任何扩展；格式错误的 "crit" 属于 ErrTokenMalformed）；\n\nErrTokenSignatureInvalid：HMAC-SHA256 签名不匹配（以常量时间比较）；\n\nErrTokenInvalidClaims：exp/nbf/iat 不是数字，或 iss/aud 不匹配；\n\nErrTokenExpired：now >= exp（+ leeway）；\n\nErrTokenNotValidYet：now < nbf（- leeway）。\n\n"now" 是 clock()（在 bubble 中是虚拟时间，见 Epoch），除非提供了 opts.now。',
    ],
    clock: ["649df823", "clock 返回当前的 Unix 时间，单位为毫秒（time.now().unixMilli()）。"],
    Epoch: [
      "fe6d1d5d",
      "Epoch 是虚拟时间 0 对应的 Unix 时间（毫秒）：2000-01-01T00:00:00Z，也就是 Go 的 synctest bubble 开始的时刻。在 bubble 内部，时钟是 time.now()，所以用 expiresIn: time.Hour 签发的 token 在 time.sleep(time.Hour) 之后过期，Date 头显示的也是虚拟时间。在 bubble 之外，它是真实时钟。",
    ],
    Claims: [
      "485bf685",
      "Claims 是 token 的负载。注册声明：sub（主题）、iss（签发者）、aud（受众）、exp（过期时间）、nbf（生效时间）、iat（签发时间），时间都以 Unix 秒表示（NumericDate）；也可以加入你自己的声明，例如 role。",
    ],
    ErrTokenMalformed: ["e80ea152", "ErrTokenMalformed：token 不是由三段 base64url 编码的 JSON 组成。"],
    ErrTokenUnverifiable: ["299cf490", 'ErrTokenUnverifiable：头部的 alg 不是 HS256（包括 "none"）。'],
    ErrTokenSignatureInvalid: ["2c5fba26", "ErrTokenSignatureInvalid：签名不匹配（secret 错误，或 token 被篡改）。"],
    ErrTokenExpired: ["cf6046cf", "ErrTokenExpired：当前时间等于或晚于 exp。"],
    ErrTokenNotValidYet: ["6694b3ad", "ErrTokenNotValidYet：当前时间早于 nbf。"],
    ErrTokenInvalidClaims: ["42b189ea", "ErrTokenInvalidClaims：某个注册声明的类型不对，或 iss/aud 不匹配。"],
    TokenError: [
      "ec6adec2",
      'TokenError 是 verify 抛出的错误。`kind` 是某个 Err* 哨兵错误（对应 Go 的 errors.Is(err, jwt.ErrTokenExpired)：`err.is(ErrTokenExpired)`）；消息会补充细节，例如 `token is unverifiable: alg "none" is not allowed`。',
    ],
    SignOptions: ["508aeb59", "sign 的选项。时长是 time.Duration（整数纳秒，例如 time.Hour）。"],
    VerifyOptions: ["bd584f63", "verify 的选项。"],
  },
};
