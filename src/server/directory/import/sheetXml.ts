/**
 * Scans the two SpreadsheetML parts an import needs — the shared strings and one worksheet's
 * `<sheetData>` — without building a DOM or SAX events: rows of cells are all we keep, and a
 * general XML parser spent most of a 20k-row import's read time on the elements we skip. Values
 * come out as exceljs's streaming reader gives them (see readXlsx.test.ts, which compares both):
 * numbers keep their value, booleans read Y/N, formulas their cached result, rich text its runs.
 */
import type { SheetCell, SheetRow } from './sheetCells.js';

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text content: entities decoded, line ends normalised as an XML parser does. */
export function xmlText(raw: string): string {
  let text = raw.includes('&')
    ? raw.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
        name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
      )
    : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text;
}

/** Index just past the end of the start tag at `at`, and whether it closes itself (`<c …/>`). */
function tagEnd(xml: string, at: number): { end: number; empty: boolean } {
  let quote = 0;
  for (let i = at + 1; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62) return { end: i + 1, empty: xml.charCodeAt(i - 1) === 47 };
  }
  return { end: xml.length, empty: true };
}

const ATTRIBUTES = new Map<string, RegExp>();

/** An attribute's value in a start tag (`<c r="A1" t="s">`), undecoded. */
function attribute(tag: string, name: string): string | undefined {
  // The form every writer we know uses, found without a regex; any other spacing or quote by one.
  const at = tag.indexOf(` ${name}="`);
  if (at >= 0) return tag.slice(at + name.length + 3, tag.indexOf('"', at + name.length + 3));
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const match = pattern.exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Whether `<name` starts at `at` as a whole element name (not `<name2` or `<names`). */
function opens(xml: string, at: number, name: string): boolean {
  if (!xml.startsWith(name, at + 1)) return false;
  const next = xml[at + 1 + name.length];
  return next === '>' || next === '/' || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

/** The text of every `<t>` from `from` to `to`, skipping phonetic runs (`<rPh>`), joined. */
function runsText(xml: string, from: number, to: number): string {
  let text = '';
  let i = from;
  while (true) {
    const at = xml.indexOf('<', i);
    if (at < 0 || at >= to) return text;
    if (opens(xml, at, 'rPh')) {
      const close = xml.indexOf('</rPh>', at);
      i = close < 0 ? to : close + 6;
    } else if (opens(xml, at, 't')) {
      const { end, empty } = tagEnd(xml, at);
      if (empty) i = end;
      else {
        const close = xml.indexOf('</t>', end);
        if (close < 0) return text;
        text += xmlText(xml.slice(end, close));
        i = close + 4;
      }
    } else i = at + 1;
  }
}

export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let i = 0;
  while (true) {
    const at = xml.indexOf('<si', i);
    if (at < 0) return strings;
    if (!opens(xml, at, 'si')) {
      i = at + 3;
      continue;
    }
    const { end, empty } = tagEnd(xml, at);
    if (empty) {
      strings.push('');
      i = end;
      continue;
    }
    const close = xml.indexOf('</si>', end);
    const stop = close < 0 ? xml.length : close;
    strings.push(runsText(xml, end, stop));
    i = stop + 5;
  }
}

/** 1-based column of a reference such as `AB12`; undefined when there is none. */
function columnOf(ref: string | undefined): number | undefined {
  if (!ref) return undefined;
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  return col || undefined;
}

/** The content of the first `<name>` child between `from` and `to`: undefined when absent. */
function childText(xml: string, from: number, to: number, name: string): string | undefined {
  let i = from;
  while (true) {
    const at = xml.indexOf(`<${name}`, i);
    if (at < 0 || at >= to) return undefined;
    if (!opens(xml, at, name)) {
      i = at + 1;
      continue;
    }
    const { end, empty } = tagEnd(xml, at);
    if (empty) return '';
    const close = xml.indexOf(`</${name}>`, end);
    return xml.slice(end, close < 0 || close > to ? to : close);
  }
}

const numberCell = (text: string): SheetCell => {
  const n = parseFloat(text);
  return { text: String(n), numeric: n };
};

function cellValue(xml: string, from: number, to: number, type: string | undefined, shared: string[]): SheetCell {
  if (type === 'inlineStr') return { text: runsText(xml, from, to) };
  const v = childText(xml, from, to, 'v');
  const formula = childText(xml, from, to, 'f') !== undefined;
  if (v === undefined) return { text: '' };
  if (formula && type !== 'str' && type !== 'b' && type !== 'e') return numberCell(v);
  switch (type) {
    case 's':
      return { text: shared[parseInt(v, 10)] ?? '' };
    case 'str':
    case 'e':
      return { text: xmlText(v) };
    case 'b':
      return { text: parseInt(v, 10) !== 0 ? 'Y' : 'N' };
    case 'd':
      return { text: xmlText(v).slice(0, 10) };
    default:
      return numberCell(v);
  }
}

/** Rows of the worksheet's `<sheetData>`, each with its cells by column (gaps as blank cells). */
export function readSheetRows(xml: string, shared: string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  const start = xml.indexOf('<sheetData');
  if (start < 0) return rows;
  const { end: dataStart, empty } = tagEnd(xml, start);
  if (empty) return rows;
  const dataEnd = xml.indexOf('</sheetData>', dataStart);
  const stop = dataEnd < 0 ? xml.length : dataEnd;
  let i = dataStart;
  let lastRow = 0;
  while (true) {
    const at = xml.indexOf('<row', i);
    if (at < 0 || at >= stop) return rows;
    if (!opens(xml, at, 'row')) {
      i = at + 4;
      continue;
    }
    const tag = tagEnd(xml, at);
    const r = attribute(xml.slice(at, tag.end), 'r');
    const number = r ? parseInt(r, 10) : lastRow + 1;
    lastRow = number;
    const cells: SheetCell[] = [];
    rows.push({ row: number, cells });
    if (tag.empty) {
      i = tag.end;
      continue;
    }
    const rowClose = xml.indexOf('</row>', tag.end);
    const rowEnd = rowClose < 0 || rowClose > stop ? stop : rowClose;
    readCells(xml, tag.end, rowEnd, shared, cells);
    i = rowEnd + 6;
  }
}

function readCells(xml: string, from: number, to: number, shared: string[], cells: SheetCell[]): void {
  let i = from;
  let lastCol = 0;
  while (true) {
    const at = xml.indexOf('<c', i);
    if (at < 0 || at >= to) break;
    if (!opens(xml, at, 'c')) {
      i = at + 2;
      continue;
    }
    const tag = tagEnd(xml, at);
    const start = xml.slice(at, tag.end);
    const col = columnOf(attribute(start, 'r')) ?? lastCol + 1;
    lastCol = col;
    let cell: SheetCell = { text: '' };
    if (tag.empty) i = tag.end;
    else {
      const close = xml.indexOf('</c>', tag.end);
      const cellEnd = close < 0 || close > to ? to : close;
      // Searched on its own: a search for an absent `<f` must not run on through the rest of the sheet.
      const body = xml.slice(tag.end, cellEnd);
      cell = cellValue(body, 0, body.length, attribute(start, 't'), shared);
      i = cellEnd + 4;
    }
    if (cell.text === '' && cell.numeric === undefined) continue;
    while (cells.length < col - 1) cells.push({ text: '' });
    cells[col - 1] = cell;
  }
}
