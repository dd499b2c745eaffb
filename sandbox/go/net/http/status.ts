// HTTP status codes and methods as registered with IANA, named as in Go's net/http.

/** 100 Continue (RFC 9110, 15.2.1). */
export const StatusContinue = 100;
/** 101 Switching Protocols (RFC 9110, 15.2.2). */
export const StatusSwitchingProtocols = 101;
/** 102 Processing (RFC 2518, 10.1). */
export const StatusProcessing = 102;
/** 103 Early Hints (RFC 8297). */
export const StatusEarlyHints = 103;
/** 200 OK (RFC 9110, 15.3.1). */
export const StatusOK = 200;
/** 201 Created (RFC 9110, 15.3.2): a new resource exists; say where in Location. */
export const StatusCreated = 201;
/** 202 Accepted (RFC 9110, 15.3.3): queued, not yet done. */
export const StatusAccepted = 202;
/** 203 Non-Authoritative Information (RFC 9110, 15.3.4). */
export const StatusNonAuthoritativeInfo = 203;
/** 204 No Content (RFC 9110, 15.3.5): success and no body. */
export const StatusNoContent = 204;
/** 205 Reset Content (RFC 9110, 15.3.6). */
export const StatusResetContent = 205;
/** 206 Partial Content (RFC 9110, 15.3.7). */
export const StatusPartialContent = 206;
/** 207 Multi-Status (RFC 4918, 11.1). */
export const StatusMultiStatus = 207;
/** 208 Already Reported (RFC 5842, 7.1). */
export const StatusAlreadyReported = 208;
/** 226 IM Used (RFC 3229, 10.4.1). */
export const StatusIMUsed = 226;
/** 300 Multiple Choices (RFC 9110, 15.4.1). */
export const StatusMultipleChoices = 300;
/** 301 Moved Permanently (RFC 9110, 15.4.2). */
export const StatusMovedPermanently = 301;
/** 302 Found (RFC 9110, 15.4.3). */
export const StatusFound = 302;
/** 303 See Other (RFC 9110, 15.4.4). */
export const StatusSeeOther = 303;
/** 304 Not Modified (RFC 9110, 15.4.5). */
export const StatusNotModified = 304;
/** 305 Use Proxy (RFC 9110, 15.4.6). */
export const StatusUseProxy = 305;
/** 307 Temporary Redirect (RFC 9110, 15.4.8): like 302, but the method is kept. */
export const StatusTemporaryRedirect = 307;
/** 308 Permanent Redirect (RFC 9110, 15.4.9): like 301, but the method is kept. */
export const StatusPermanentRedirect = 308;
/** 400 Bad Request (RFC 9110, 15.5.1): the client sent something invalid. */
export const StatusBadRequest = 400;
/** 401 Unauthorized (RFC 9110, 15.5.2): missing or invalid credentials; send WWW-Authenticate. */
export const StatusUnauthorized = 401;
/** 402 Payment Required (RFC 9110, 15.5.3). */
export const StatusPaymentRequired = 402;
/** 403 Forbidden (RFC 9110, 15.5.4): authenticated but not allowed. */
export const StatusForbidden = 403;
/** 404 Not Found (RFC 9110, 15.5.5). */
export const StatusNotFound = 404;
/** 405 Method Not Allowed (RFC 9110, 15.5.6): send Allow with the methods that work. */
export const StatusMethodNotAllowed = 405;
/** 406 Not Acceptable (RFC 9110, 15.5.7). */
export const StatusNotAcceptable = 406;
/** 407 Proxy Authentication Required (RFC 9110, 15.5.8). */
export const StatusProxyAuthRequired = 407;
/** 408 Request Timeout (RFC 9110, 15.5.9). */
export const StatusRequestTimeout = 408;
/** 409 Conflict (RFC 9110, 15.5.10). */
export const StatusConflict = 409;
/** 410 Gone (RFC 9110, 15.5.11). */
export const StatusGone = 410;
/** 411 Length Required (RFC 9110, 15.5.12). */
export const StatusLengthRequired = 411;
/** 412 Precondition Failed (RFC 9110, 15.5.13). */
export const StatusPreconditionFailed = 412;
/** 413 Request Entity Too Large (RFC 9110, 15.5.14): the body is over the limit. */
export const StatusRequestEntityTooLarge = 413;
/** 414 Request URI Too Long (RFC 9110, 15.5.15). */
export const StatusRequestURITooLong = 414;
/** 415 Unsupported Media Type (RFC 9110, 15.5.16). */
export const StatusUnsupportedMediaType = 415;
/** 416 Requested Range Not Satisfiable (RFC 9110, 15.5.17). */
export const StatusRequestedRangeNotSatisfiable = 416;
/** 417 Expectation Failed (RFC 9110, 15.5.18). */
export const StatusExpectationFailed = 417;
/** 418 I'm a teapot (RFC 9110, 15.5.19). */
export const StatusTeapot = 418;
/** 421 Misdirected Request (RFC 9110, 15.5.20). */
export const StatusMisdirectedRequest = 421;
/** 422 Unprocessable Entity (RFC 9110, 15.5.21): well-formed but semantically invalid. */
export const StatusUnprocessableEntity = 422;
/** 423 Locked (RFC 4918, 11.3). */
export const StatusLocked = 423;
/** 424 Failed Dependency (RFC 4918, 11.4). */
export const StatusFailedDependency = 424;
/** 425 Too Early (RFC 8470, 5.2.). */
export const StatusTooEarly = 425;
/** 426 Upgrade Required (RFC 9110, 15.5.22). */
export const StatusUpgradeRequired = 426;
/** 428 Precondition Required (RFC 6585, 3). */
export const StatusPreconditionRequired = 428;
/** 429 Too Many Requests (RFC 6585, 4): rate limited; Retry-After says when to retry. */
export const StatusTooManyRequests = 429;
/** 431 Request Header Fields Too Large (RFC 6585, 5). */
export const StatusRequestHeaderFieldsTooLarge = 431;
/** 451 Unavailable For Legal Reasons (RFC 7725, 3). */
export const StatusUnavailableForLegalReasons = 451;
/** 500 Internal Server Error (RFC 9110, 15.6.1). */
export const StatusInternalServerError = 500;
/** 501 Not Implemented (RFC 9110, 15.6.2). */
export const StatusNotImplemented = 501;
/** 502 Bad Gateway (RFC 9110, 15.6.3). */
export const StatusBadGateway = 502;
/** 503 Service Unavailable (RFC 9110, 15.6.4). */
export const StatusServiceUnavailable = 503;
/** 504 Gateway Timeout (RFC 9110, 15.6.5). */
export const StatusGatewayTimeout = 504;
/** 505 HTTP Version Not Supported (RFC 9110, 15.6.6). */
export const StatusHTTPVersionNotSupported = 505;
/** 506 Variant Also Negotiates (RFC 2295, 8.1). */
export const StatusVariantAlsoNegotiates = 506;
/** 507 Insufficient Storage (RFC 4918, 11.5). */
export const StatusInsufficientStorage = 507;
/** 508 Loop Detected (RFC 5842, 7.2). */
export const StatusLoopDetected = 508;
/** 510 Not Extended (RFC 2774, 7). */
export const StatusNotExtended = 510;
/** 511 Network Authentication Required (RFC 6585, 6). */
export const StatusNetworkAuthenticationRequired = 511;

/** The HTTP method "GET" (RFC 9110, 9.3). */
export const MethodGet = "GET";
/** The HTTP method "HEAD" (RFC 9110, 9.3). */
export const MethodHead = "HEAD";
/** The HTTP method "POST" (RFC 9110, 9.3). */
export const MethodPost = "POST";
/** The HTTP method "PUT" (RFC 9110, 9.3). */
export const MethodPut = "PUT";
/** The HTTP method "PATCH" (RFC 5789). */
export const MethodPatch = "PATCH";
/** The HTTP method "DELETE" (RFC 9110, 9.3). */
export const MethodDelete = "DELETE";
/** The HTTP method "CONNECT" (RFC 9110, 9.3). */
export const MethodConnect = "CONNECT";
/** The HTTP method "OPTIONS" (RFC 9110, 9.3). */
export const MethodOptions = "OPTIONS";
/** The HTTP method "TRACE" (RFC 9110, 9.3). */
export const MethodTrace = "TRACE";

const texts: Record<number, string> = {
  100: "Continue",
  101: "Switching Protocols",
  102: "Processing",
  103: "Early Hints",
  200: "OK",
  201: "Created",
  202: "Accepted",
  203: "Non-Authoritative Information",
  204: "No Content",
  205: "Reset Content",
  206: "Partial Content",
  207: "Multi-Status",
  208: "Already Reported",
  226: "IM Used",
  300: "Multiple Choices",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  305: "Use Proxy",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Request Entity Too Large",
  414: "Request URI Too Long",
  415: "Unsupported Media Type",
  416: "Requested Range Not Satisfiable",
  417: "Expectation Failed",
  418: "I'm a teapot",
  421: "Misdirected Request",
  422: "Unprocessable Entity",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  505: "HTTP Version Not Supported",
  506: "Variant Also Negotiates",
  507: "Insufficient Storage",
  508: "Loop Detected",
  510: "Not Extended",
  511: "Network Authentication Required",
};

/**
 * statusText returns a text for the HTTP status code, e.g. "Not Found" for 404.
 * It returns the empty string if the code is unknown.
 */
export function statusText(code: number): string {
  return texts[code] ?? "";
}
