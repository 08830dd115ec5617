import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx, readXlsxDirectly, readXlsxWithExceljs } from './readXlsx.js';
import type { SheetRow } from './sheetCells.js';
import { zipFile } from './testing/zipFile.testkit.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook as other tools write it: the first tab is the second part in the zip. */
function otherToolsWorkbook(store = false): Uint8Array {
  return zipFile(
    {
      '[Content_Types].xml': '<Types/>',
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1"><v>99</v></c></row></sheetData></worksheet>',
      'xl/workbook.xml': `<workbook xmlns:r="${REL}"><sheets><sheet name="People" sheetId="2" r:id="rId2"/><sheet name="Notes" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships>
        <Relationship Id='rId1' Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
        <Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      'xl/sharedStrings.xml':
        '<sst count="4"><si><t>Ann</t></si>' +
        '<si><r><rPr><b/></rPr><t>Le</t></r><r><t xml:space="preserve">e </t></r><rPh sb="0" eb="1"><t>リー</t></rPh></si>' +
        '<si><t>AT&amp;T &#233;&#x263A; &lt;ok&gt;</t></si><si/></sst>',
      'xl/worksheets/sheet2.xml': `<worksheet><sheetData>
        <row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s" s="4"><v>1</v></c></row>
        <row r="3"><c t="inlineStr"><is><t>Kate</t></is></c><c t='b'><v>1</v></c><c r="D3"><v>447700900456</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><f>A3&amp;"x"</f><v>Katex</v></c></row>
        <row r="4"/>
        <row><c r="A5" s="2"/><c r="B5"><f>1+1</f><v>2</v></c><c r="C5" t="s"><v>2</v></c><c r="D5" t="s"><v>3</v></c></row>
        <row r="6"><c r="A6" t="inlineStr"><is><t>line1&#13;
line2</t></is></c><c r="B6" t="d"><v>2024-03-05T00:00:00Z</v></c></row>
      </sheetData></worksheet>`,
    },
    { store },
  );
}

const text = (t: string) => ({ text: t });
const EXPECTED: SheetRow[] = [
  { row: 1, cells: [text('Ann'), text(''), text('Lee ')] },
  {
    row: 3,
    cells: [
      text('Kate'),
      text('Y'),
      text(''),
      { text: '447700900456', numeric: 447700900456 },
      text('#N/A'),
      text('Katex'),
    ],
  },
  { row: 4, cells: [] },
  { row: 5, cells: [text(''), { text: '2', numeric: 2 }, text('AT&T é☺ <ok>')] },
  { row: 6, cells: [text('line1\nline2'), text('2024-03-05')] },
];

/** Rows compared without blank trailing cells (exceljs keeps some, the direct reader none). */
const trimmed = (rows: SheetRow[]) =>
  rows.map((r) => {
    const cells = [...r.cells];
    while (cells.length && cells.at(-1)!.text === '' && cells.at(-1)!.numeric === undefined) cells.pop();
    return { row: r.row, cells };
  });

describe('reading .xlsx without exceljs', () => {
  it('reads the first tab, shared, rich and inline strings, entities, numbers, booleans, errors and formulas', async () => {
    expect(readXlsxDirectly(otherToolsWorkbook())).toEqual(EXPECTED);
    expect(readXlsxDirectly(otherToolsWorkbook(true))).toEqual(EXPECTED);
    expect(await readXlsx(otherToolsWorkbook())).toEqual(EXPECTED);
  });

  it('reads what exceljs reads from any workbook exceljs writes', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(' Ann ', 'AT&T', '<b>&amp;</b>', "'@txt.att.com", 'N/A', 'é ☺ 日本', 'a\r\nb', '"q"'),
    );
    const value = fc.oneof(
      text,
      fc.integer({ min: -1e9, max: 1e15 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      // Plain objects: exceljs calls hasOwnProperty on them, which fast-check's records lack.
      fc.integer().map((result) => ({ formula: '1+1', result })),
      fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ richText: runs.map((t) => ({ text: t })) })),
      text.map((t) => ({ text: t, hyperlink: 'mailto:ann@example.com' })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { maxLength: 8 }), { minLength: 1, maxLength: 8 }), async (rows) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('People');
        workbook.addWorksheet('Other').addRow(['not this one']);
        for (const r of rows) sheet.addRow(r.map((v) => v ?? undefined));
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        const direct = readXlsxDirectly(bytes);
        expect(direct).toBeDefined();
        expect(trimmed(direct!)).toEqual(trimmed(await readXlsxWithExceljs(bytes)));
      }),
      { numRuns: 40 },
    );
  });
});

describe('a formula whose cached result is falsy', () => {
  it('reads 0, not an empty cell, through exceljs too (fast-check counterexample, seed -31295420)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow([
      { formula: '1+1', result: 0 },
      { formula: 'A1', result: 7 },
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const expected = [
      {
        row: 1,
        cells: [
          { text: '0', numeric: 0 },
          { text: '7', numeric: 7 },
        ],
      },
    ];
    expect(await readXlsxWithExceljs(bytes)).toEqual(expected);
    expect(readXlsxDirectly(bytes)).toEqual(expected);
  });
});

describe('many workbooks in one process', () => {
  it('reads every one through exceljs (its streaming reader fails on every 255th; tried again)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('People').addRow(['Ann', 7]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    for (let i = 0; i < 300; i++)
      expect(await readXlsxWithExceljs(bytes)).toEqual([
        { row: 1, cells: [{ text: 'Ann' }, { text: '7', numeric: 7 }] },
      ]);
  });
});

describe('files that are not readable workbooks', () => {
  const refused = {
    code: 'bad_request',
    field: 'file',
    message: expect.stringMatching(/^file: this is not a readable \.xlsx workbook/),
  };

  it('refuses junk after a zip signature, a zip without a workbook and a truncated workbook', async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 3, 4, ...Buffer.from('not a workbook')]))).rejects.toMatchObject(
      refused,
    );
    await expect(readXlsx(zipFile({ 'word/document.xml': '<w:document/>', 'notes.txt': 'hi' }))).rejects.toMatchObject(
      refused,
    );
    const whole = otherToolsWorkbook();
    await expect(readXlsx(whole.slice(0, Math.floor(whole.length / 2)))).rejects.toMatchObject(refused);
  });

  it('refuses a workbook whose worksheet does not inflate, at once (exceljs would wait forever on it)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('People').addRows(Array.from({ length: 200 }, (_, i) => [`Name ${i}`, i]));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const sheetAt = Buffer.from(bytes).indexOf('xl/worksheets/sheet1.xml');
    const broken = bytes.slice();
    for (let i = sheetAt + 60; i < sheetAt + 400; i++) broken[i] = 0xff;
    await expect(readXlsx(broken)).rejects.toMatchObject(refused);
  });
});
