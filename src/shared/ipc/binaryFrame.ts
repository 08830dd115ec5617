/**
 * A result with bytes in it, as one binary WebSocket frame of the web bridge (webBridge.ts →
 * renderer/app/bridgeSocket.ts). JSON has no bytes: a sync page's 2 MB of UTF-8 used to cross as a
 * string inside the JSON envelope, escaped by the bridge (every `"` of the page) and parsed twice by
 * the sync worker, 57 MB of it a first sync. Electron's IPC clones a Uint8Array as it is and needs none
 * of this.
 *
 * Layout: a 4-byte big-endian length H, then H bytes of UTF-8 JSON (the wire message with the bytes
 * field left out of `result`, and `binary` naming that field), then the bytes themselves.
 * Only a result's own top-level field may be bytes, and at most one (`sync.pullBytes`'s `bytes`).
 */
import { WireMessage } from './wire.js';

const HEAD = 4;

/** The name of `result`'s one Uint8Array field, if it has one (undefined for any other result). */
export function bytesFieldOf(result: unknown): string | undefined {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return undefined;
  return Object.keys(result).find((k) => (result as Record<string, unknown>)[k] instanceof Uint8Array);
}

/** `{ type: 'result', id, ok: true, result }` with `result[field]` (a Uint8Array) as a binary frame. */
export function encodeBinaryResult(id: number, result: Record<string, unknown>, field: string): Uint8Array {
  const { [field]: bytes, ...rest } = result;
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`binary frame: result.${field} is not a Uint8Array`);
  const header = new TextEncoder().encode(
    JSON.stringify({ type: 'result', id, ok: true, result: rest, binary: field }),
  );
  const frame = new Uint8Array(HEAD + header.length + bytes.length);
  new DataView(frame.buffer).setUint32(0, header.length);
  frame.set(header, HEAD);
  frame.set(bytes, HEAD + header.length);
  return frame;
}

/** Thrown for a frame that is not one `encodeBinaryResult` makes (the bridge never sends one). */
export class BadFrameError extends Error {}

/**
 * A binary frame back to its wire message, the bytes (a view of `frame`, not a copy) in
 * `result[binary]`. Throws a BadFrameError saying what is wrong with a frame of any other shape.
 */
export function decodeBinaryResult(frame: ArrayBuffer): WireMessage {
  if (frame.byteLength < HEAD) throw new BadFrameError('binary frame shorter than its length field');
  const length = new DataView(frame).getUint32(0);
  if (length > frame.byteLength - HEAD) throw new BadFrameError('binary frame header longer than the frame');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(frame, HEAD, length)));
  } catch {
    throw new BadFrameError('binary frame header is not UTF-8 JSON');
  }
  const { binary, ...message } = (header ?? {}) as { binary?: unknown };
  const parsed = WireMessage.safeParse(message);
  if (!parsed.success || parsed.data.type !== 'result' || !parsed.data.ok || typeof binary !== 'string')
    throw new BadFrameError('binary frame header is not a successful result naming its bytes field');
  const result = parsed.data.result;
  if (!result || typeof result !== 'object' || Array.isArray(result) || Object.hasOwn(result, binary))
    throw new BadFrameError('binary frame result is not an object without its bytes field');
  return { ...parsed.data, result: { ...result, [binary]: new Uint8Array(frame, HEAD + length) } };
}
