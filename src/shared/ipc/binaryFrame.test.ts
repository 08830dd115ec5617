import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadFrameError, bytesFieldOf, decodeBinaryResult, encodeBinaryResult } from './binaryFrame.js';

/** The frame's own ArrayBuffer, as a WebSocket with `binaryType = 'arraybuffer'` delivers it. */
const received = (frame: Uint8Array) => frame.slice().buffer;

describe('binary frames of the web bridge', () => {
  it('carries a sync page: the cursor as JSON, the page bytes untouched beside it', () => {
    const bytes = new TextEncoder().encode('{"seq":9,"changes":[{"name":"Zoë \\"Z\\""}]}');
    const frame = encodeBinaryResult(7, { seq: 9, more: false, remaining: 0, count: 1, bytes }, 'bytes');
    const message = decodeBinaryResult(received(frame));
    expect(message).toMatchObject({ type: 'result', id: 7, ok: true });
    const result = (message as { result: Record<string, unknown> }).result;
    expect(result).toMatchObject({ seq: 9, more: false, remaining: 0, count: 1 });
    expect(result.bytes).toEqual(bytes);
    expect('binary' in message).toBe(false);
  });

  it('finds the one bytes field of a result, and none in anything else', () => {
    expect(bytesFieldOf({ seq: 1, bytes: new Uint8Array(2) })).toBe('bytes');
    for (const r of [undefined, null, 'x', [new Uint8Array(1)], { text: 'x' }, { nested: { b: new Uint8Array(1) } }])
      expect(bytesFieldOf(r)).toBeUndefined();
  });

  it('round-trips any result and any bytes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1, max: 2 ** 31 }),
        fc.dictionary(
          fc.string().filter((k) => k !== 'bytes' && k !== '__proto__'),
          fc.jsonValue(),
        ),
        fc.uint8Array({ maxLength: 300 }),
        (id, rest, bytes) => {
          const message = decodeBinaryResult(received(encodeBinaryResult(id, { ...rest, bytes }, 'bytes')));
          const result = (message as { result: Record<string, unknown> }).result;
          expect(result.bytes).toEqual(bytes);
          expect(JSON.parse(JSON.stringify({ ...result, bytes: undefined }))).toEqual(JSON.parse(JSON.stringify(rest)));
        },
      ),
    );
  });

  it('rejects any other frame with a BadFrameError, never another exception (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeBinaryResult(received(bytes));
        } catch (err) {
          expect(err).toBeInstanceOf(BadFrameError);
        }
      }),
    );
  });

  it('says what is wrong with a frame the bridge never sends', () => {
    const frameOf = (header: unknown, declared?: number) => {
      const h = new TextEncoder().encode(JSON.stringify(header));
      const f = new Uint8Array(4 + h.length + 3);
      new DataView(f.buffer).setUint32(0, declared ?? h.length);
      f.set(h, 4);
      return f.buffer;
    };
    expect(() => decodeBinaryResult(new ArrayBuffer(2))).toThrow(/shorter than its length/);
    expect(() => decodeBinaryResult(frameOf({}, 10_000))).toThrow(/header longer than the frame/);
    const ok = { type: 'result', id: 1, ok: true, result: {}, binary: 'bytes' };
    expect(() => decodeBinaryResult(frameOf({ ...ok, binary: undefined }))).toThrow(/naming its bytes field/);
    expect(() => decodeBinaryResult(frameOf({ ...ok, ok: false, error: { code: 'x', message: 'y' } }))).toThrow(
      /successful result/,
    );
    expect(() => decodeBinaryResult(frameOf({ ...ok, result: [1] }))).toThrow(/not an object/);
    expect(() => decodeBinaryResult(frameOf({ ...ok, result: { bytes: 1 } }))).toThrow(/without its bytes field/);
    expect(() => encodeBinaryResult(1, { bytes: 'text' }, 'bytes')).toThrow(TypeError);
  });
});
