/**
 * Just enough of the zip format to take the few XML parts of an .xlsx out of memory: the central
 * directory (sizes are there even when the writer streamed with data descriptors), stored or
 * deflated entries. Anything else — zip64, encryption, another compression method, an entry that
 * inflates past `maxBytes` — is reported as `undefined`, and the caller uses exceljs instead;
 * damaged data is an error (ZipEntryDamaged).
 */
import { inflateRawSync } from 'node:zlib';

interface ZipEntry {
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Entries by name, or undefined when the bytes are not a zip this reader handles. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return undefined; // zip64
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) return undefined;
    const nameLength = view.getUint16(p + 28, true);
    const skip = nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    entries.set(names.decode(bytes.subarray(p + 46, p + 46 + nameLength)), {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + skip;
  }
  return entries;
}

/** Raised for an entry whose bytes are damaged (exceljs would wait forever on such a stream). */
export class ZipEntryDamaged extends Error {}

/**
 * An entry's bytes as UTF-8 text; undefined when this reader does not handle it (see the header);
 * throws ZipEntryDamaged when its data does not inflate.
 */
export function zipEntryText(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (entry.flags & 1) return undefined;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipEntryDamaged('local header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipEntryDamaged('truncated entry');
  if (entry.method === 0) return data.length > maxBytes ? undefined : Buffer.from(data).toString('utf8');
  if (entry.method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes }).toString('utf8');
  } catch (e) {
    // Too big to hold in memory: exceljs streams it instead.
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw new ZipEntryDamaged('does not inflate', { cause: e });
  }
}
