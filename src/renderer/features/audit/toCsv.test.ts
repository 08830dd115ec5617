import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './toCsv.js';

/** A strict RFC 4180 reader (CRLF records, quoted fields), to check what toCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') break;
        else field += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n')
          throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

const neutralised = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const tricky = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', '"', ',', '\r', '\n', '=', '+', '-', '@', '\t', "'", 'é', '😀'),
});

describe('toCsv', () => {
  it('quotes only when needed and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
    expect(
      toCsv([
        ['seq', 'type'],
        ['1', 'auth.sign_in'],
      ]),
    ).toBe('seq,type\r\n1,auth.sign_in\r\n');
  });

  it('neutralises cells a spreadsheet would evaluate as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a=b')).toBe('a=b');
  });

  it('round-trips any rows through an RFC 4180 reader (formula cells with their leading quote)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(tricky, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          expect(parseCsv(toCsv(rows))).toEqual(rows.map((r) => r.map(neutralised)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never starts a written cell with a formula character', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const [[cell]] = parseCsv(toCsv([[s]])) as [[string]];
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
