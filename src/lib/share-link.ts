// Code shared by link: the learner's editable files, compressed with
// deflate-raw and base64url-encoded, in the URL fragment ("#share=1.<data>").
// The fragment never reaches a server. Decoding trusts nothing: the size of
// the fragment and of the decompressed text are capped (decompression is
// streamed and stopped at the cap, so a small "bomb" cannot fill memory), and
// the payload must name this lesson and only files the learner may edit.
// What is wrong with a link is a key of the share message table and its
// values, so the exercise says it in the page's language.

import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/messages/define";
import messages from "../i18n/messages/share";

/** The fragment's key; the text after it is `<version>.<base64url data>`. */
export const SHARE_KEY = "share=";
/** The payload format this build writes and reads. */
export const SHARE_VERSION = 1;
/** The most decompressed text (UTF-8 bytes of the JSON payload) a link may carry. */
export const MAX_SHARE_BYTES = 64 * 1024;
/**
 * The longest fragment accepted. Deflate can only shrink text so far, and a
 * longer fragment is refused before any work is done on it.
 */
export const MAX_FRAGMENT_CHARS = 96 * 1024;

/** What a share link carries. */
export interface SharedCode {
  lessonId: string;
  files: Record<string, string>;
}

/** What the exercise the link is opened in accepts. */
export interface ShareTarget {
  lessonId: string;
  /** Files the learner may edit; read-only files are never taken from a link. */
  editable: readonly string[];
  readonly: readonly string[];
}

/** The key of a sentence in the share message table (src/i18n/messages/share.ts). */
export type ShareMessage = keyof (typeof messages)["en"];

/** What is wrong with a link: a message key and the values it names (`size` and `limit` are byte counts). */
export interface ShareProblem {
  key: ShareMessage;
  params?: Record<string, string | number>;
}

/** Parameters that are byte counts, shown as "812 bytes" / "12.3 KB" in the message's language. */
const BYTE_PARAMS = ["size", "limit"];

/** A decoded link, or what is wrong with it. */
export type DecodeResult = { ok: true; code: SharedCode } | { ok: false; error: ShareProblem };

/** shareText says a share message in `locale` (English by default). */
export function shareText(problem: ShareProblem, locale: Locale = "en"): string {
  const params = { ...problem.params };
  for (const name of BYTE_PARAMS) {
    const n = params[name];
    if (typeof n === "number") params[name] = formatBytes(n, locale);
  }
  return translator(messages, locale)(problem.key, params);
}

/** Why encodeShare refused; `problem` says it in any language. */
export class ShareTooLargeError extends Error {
  readonly problem: ShareProblem;
  constructor(readonly bytes: number) {
    const problem: ShareProblem = { key: "tooLargeToShare", params: { size: bytes, limit: MAX_SHARE_BYTES } };
    super(shareText(problem));
    this.problem = problem;
    this.name = "ShareTooLargeError";
  }
}

/** Formats a byte count for people: "812 bytes", "12.3 KB" (in `locale`). */
export function formatBytes(n: number, locale: Locale = "en"): string {
  const t = translator(messages, locale);
  return n < 1024 ? t("bytes", { n }) : t("kilobytes", { n: (n / 1024).toFixed(1) });
}

function toBase64url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function collect(stream: ReadableStream<Uint8Array>, cap: number): Promise<Uint8Array | "too-large"> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      // Stop inflating: the rest of a bomb is never produced.
      await reader.cancel().catch(() => {});
      return "too-large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** The fragment (without "#") that shares files for a lesson; throws ShareTooLargeError over the limit. */
export async function encodeShare(code: SharedCode): Promise<string> {
  const json = JSON.stringify({ v: SHARE_VERSION, lesson: code.lessonId, files: code.files });
  const bytes = new TextEncoder().encode(json);
  if (bytes.byteLength > MAX_SHARE_BYTES) throw new ShareTooLargeError(bytes.byteLength);
  const compressed = await collect(streamOf(bytes).pipeThrough(new CompressionStream("deflate-raw")), Infinity);
  return `${SHARE_KEY}${SHARE_VERSION}.${toBase64url(compressed as Uint8Array)}`;
}

/** Whether a URL fragment (with or without "#") is a share link at all. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(SHARE_KEY);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const fail = (key: ShareMessage, params?: Record<string, string | number>): DecodeResult => ({
  ok: false,
  error: params ? { key, params } : { key },
});

/** Decodes a share fragment for the exercise `target`, checking everything. */
export async function decodeShare(hash: string, target: ShareTarget): Promise<DecodeResult> {
  const fragment = hash.replace(/^#/, "");
  if (!fragment.startsWith(SHARE_KEY)) return fail("notShare");
  const body = fragment.slice(SHARE_KEY.length);
  if (body.length > MAX_FRAGMENT_CHARS) {
    return fail("linkTooLong", { size: MAX_FRAGMENT_CHARS });
  }
  const dot = body.indexOf(".");
  const version = dot > 0 ? Number(body.slice(0, dot)) : NaN;
  if (!Number.isInteger(version) || version < 1) return fail("noVersion");
  if (version > SHARE_VERSION) {
    return fail("newerVersion", { version });
  }
  const bytes = fromBase64url(body.slice(dot + 1));
  if (!bytes || bytes.byteLength === 0) return fail("notBase64");
  let inflated: Uint8Array | "too-large";
  try {
    inflated = await collect(streamOf(bytes).pipeThrough(new DecompressionStream("deflate-raw")), MAX_SHARE_BYTES);
  } catch {
    return fail("notDeflate");
  }
  if (inflated === "too-large") {
    return fail("inflatedTooLarge", { size: MAX_SHARE_BYTES });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated));
  } catch {
    return fail("notText");
  }
  if (!isObject(payload) || payload.v !== version || !isObject(payload.files) || typeof payload.lesson !== "string") {
    return fail("notSharedCode");
  }
  if (payload.lesson !== target.lessonId) {
    return fail("otherLesson", { lesson: payload.lesson });
  }
  const entries = Object.entries(payload.files);
  if (entries.length === 0) return fail("noFiles");
  for (const [name, contents] of entries) {
    if (target.readonly.includes(name)) return fail("readOnlyFile", { name });
    if (!target.editable.includes(name)) return fail("unknownFile", { name });
    if (typeof contents !== "string") return fail("fileNotText", { name });
  }
  // fromEntries defines own properties, so no file name reaches a prototype.
  return {
    ok: true,
    code: { lessonId: target.lessonId, files: Object.fromEntries(entries) as Record<string, string> },
  };
}
