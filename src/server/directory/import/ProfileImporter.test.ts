import { afterEach, describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../../shared/domain/index.js';
import type { ImportIssue, ProfileColumn } from '../../../shared/directory/import/index.js';
import { loadDirectory } from '../../bundle/loadDirectory.js';
import { generateDirectory } from '../../demo/generate.js';
import { createTestApp, type TestApp } from '../../testing/createTestApp.js';
import { exportSiteProfiles } from './exportSiteProfiles.js';
import { ProfileImporter } from './ProfileImporter.js';
import { csvFile, editXlsx, header, row, xlsxFile, type Cell } from './testing/profileFiles.testkit.js';

let t: TestApp;
afterEach(() => t?.close());

const SITE = 'site-northwind';
const COLS: ProfileColumn[] = [
  'firstName',
  'lastName',
  'email',
  'phone1.number',
  'phone1.country',
  'phone1.type',
  'phone1.provider',
  'phone1.smsGateway',
  'phone2.number',
  'phone2.country',
  'thinClient',
  'title',
];
const r = (values: Partial<Record<ProfileColumn, Cell>>) => row(values, COLS);
const file = (...rows: Cell[][]) => [header(COLS), ...rows];

async function setup() {
  t = await createTestApp();
  let n = 0;
  return new ProfileImporter(t.db, t.services.directory, t.services.audit, () => `prof-new-${++n}`);
}
const codes = (issues: ImportIssue[]) => issues.map((i) => `${i.row}:${i.column ?? ''}:${i.code}`);
const siteProfiles = async () =>
  (await t.services.platform.directoryAdmin.list('profile', { siteId: SITE, limit: 1000 })).items as ClientProfile[];

describe('profile import: reading what real spreadsheets contain', () => {
  it('reads phone numbers Excel stored as numbers, restores a dropped 0 or +, refuses 4.47E+11', async () => {
    const importer = await setup();
    const bytes = await xlsxFile(
      file(
        r({ firstName: 'Ann', lastName: 'Lee', 'phone1.number': 2065550188, 'phone1.country': 'US' }),
        r({ firstName: 'Gio', lastName: 'Rossi', 'phone1.number': 612345678, 'phone1.country': 'it' }),
        r({ firstName: 'Kate', lastName: 'Bell', 'phone1.number': 447700900456, 'phone1.country': 'GB' }),
        r({ firstName: 'Lost', lastName: 'Digits', 'phone1.number': 4.47e11, 'phone1.country': 'GB' }),
        r({ firstName: 'Huge', lastName: 'Float', 'phone1.number': 1.5e20, 'phone1.country': 'US' }),
      ),
    );
    const { preview, plan } = await importer.prepare(SITE, bytes, 'xlsx');
    expect(codes(preview.warnings)).toEqual([
      '2:phone1.number:excel_number',
      '3:phone1.number:leading_zero_restored',
      '4:phone1.number:excel_number',
    ]);
    expect(preview.warnings[1]!.params).toMatchObject({ value: '612345678', normalised: '+390612345678' });
    expect(codes(preview.errors)).toEqual(['5:phone1.number:phone_scientific', '6:phone1.number:phone_scientific']);
    expect(preview.errors[0]!.message).toContain('4.47E+11');
    expect(preview.errors[0]!.message).toMatch(/Format the column as Text/);
    expect(preview.counts).toMatchObject({ added: 3, failed: 2 });
    const added = plan.writes.map((w) => (w.op === 'upsert' ? JSON.parse(w.data).phones[0].number : null));
    expect(added).toEqual(['+12065550188', '+390612345678', '+447700900456']);
  });

  it('reads N/A as blank, strips the apostrophe before an @ gateway, trims spaces, Y/N in any case', async () => {
    const importer = await setup();
    const bytes = await xlsxFile(
      file(
        r({
          firstName: 'Ann ',
          lastName: '  Lee  ',
          email: 'N/A',
          'phone1.number': '+1 206 555 0177',
          'phone1.country': 'US',
          'phone1.type': 'mobile',
          'phone1.provider': 'AT&T',
          'phone1.smsGateway': "'@txt.att.com",
          'phone2.number': 'n/a',
          thinClient: 'y',
          title: 'N/A',
        }),
        r({
          firstName: 'Bo',
          lastName: 'Ray',
          'phone1.number': '(206) 555-0178',
          'phone1.country': 'US',
          thinClient: 'No',
        }),
      ),
    );
    const { preview, plan } = await importer.prepare(SITE, bytes, 'xlsx');
    expect(preview.errors).toEqual([]);
    expect(codes(preview.warnings)).toEqual([
      '2:email:na_blank',
      '2:title:na_blank',
      '2:phone1.smsGateway:apostrophe_stripped',
      '2:phone1.number:digits_normalised',
      '2:phone2.number:na_blank',
      '3:phone1.number:digits_normalised',
    ]);
    const profiles = plan.writes.map((w) => (w.op === 'upsert' ? (JSON.parse(w.data) as ClientProfile) : null));
    expect(profiles[0]).toEqual({
      id: 'prof-new-1',
      siteId: SITE,
      firstName: 'Ann',
      lastName: 'Lee',
      phones: [{ number: '+12065550177', type: 'mobile', country: 'US', provider: 'AT&T', smsGateway: '@txt.att.com' }],
      thinClient: true,
      psaContact: false,
    });
    expect(profiles[1]).toMatchObject({ thinClient: false, phones: [{ number: '+12065550178', type: 'office' }] });
  });

  it('reads CSV with a BOM and ";" and without a BOM and ",", quotes and accents included', async () => {
    const importer = await setup();
    const rows = file(
      r({ firstName: 'Zoë', lastName: 'Müller; Jr', 'phone1.number': '0113 496 0001', 'phone1.country': 'GB' }),
      r({ firstName: 'José', lastName: 'O"Neil, Sr', 'phone1.number': '2065550179', 'phone1.country': 'US' }),
    );
    for (const options of [
      { bom: true, delimiter: ';' as const },
      { bom: false, delimiter: ',' as const },
    ]) {
      const { preview, plan } = await importer.prepare(SITE, csvFile(rows, options), 'csv');
      expect(preview.errors, JSON.stringify(options)).toEqual([]);
      expect(preview.language).toBe('en-US');
      expect(plan.writes.map((w) => (w.op === 'upsert' ? JSON.parse(w.data).lastName : ''))).toEqual([
        'Müller; Jr',
        'O"Neil, Sr',
      ]);
      expect(preview.added.map((a) => a.firstName)).toEqual(['Zoë', 'José']);
    }
  });

  it('flags every rule broken on a row, with the row, the column and what to do', async () => {
    const importer = await setup();
    const bytes = csvFile(
      file(
        r({ lastName: 'NoFirst', 'phone1.number': '2065550180', 'phone1.country': 'US' }),
        r({ firstName: 'No', lastName: 'Phone', 'phone1.country': 'US' }),
        r({ firstName: 'No', lastName: 'Country', 'phone1.number': '2065550181' }),
        r({ firstName: 'Bad', lastName: 'Country', 'phone1.number': '2065550182', 'phone1.country': 'USA' }),
        r({
          firstName: 'Bad',
          lastName: 'Bits',
          email: 'not-mail',
          'phone1.number': '12',
          'phone1.country': 'US',
          thinClient: 'maybe',
        }),
        r({
          firstName: 'Bad',
          lastName: 'Type',
          'phone1.number': '2065550183',
          'phone1.country': 'US',
          'phone1.type': 'pager',
        }),
        r({
          firstName: 'Dup',
          lastName: 'Mail',
          email: 'DANA.REYES@northwindtraders.com',
          'phone1.number': '2065550184',
          'phone1.country': 'US',
        }),
        r({ firstName: 'Shared', lastName: 'Line', 'phone1.number': '(206) 555-0102', 'phone1.country': 'US' }),
        r({
          firstName: 'Stray',
          lastName: 'Country',
          'phone1.number': '2065550185',
          'phone1.country': 'US',
          'phone2.country': 'US',
        }),
      ),
    );
    const { preview } = await importer.prepare(SITE, bytes, 'csv');
    expect(codes(preview.errors)).toEqual([
      '2:firstName:first_name_required',
      '3:phone1.number:phone_required',
      '4:phone1.country:country_required',
      '5:phone1.country:country_invalid',
      '6:email:email_invalid',
      '6:thinClient:yes_no_invalid',
      '6:phone1.number:phone_invalid',
      '7:phone1.type:type_invalid',
      '8:email:email_duplicate',
    ]);
    expect(preview.errors.find((e) => e.code === 'email_duplicate')!.message).toContain('Dana Reyes');
    expect(preview.errors.find((e) => e.code === 'country_required')!.message).toMatch(/two-letter country/);
    expect(preview.errors.every((e) => e.header !== undefined)).toBe(true);
    expect(codes(preview.warnings)).toEqual([
      '3:phone1.country:country_without_phone',
      '9:phone1.number:digits_normalised',
      '9:phone1.number:phone_duplicate',
      '10:phone2.country:country_without_phone',
    ]);
    expect(preview.counts).toEqual({ added: 2, updated: 0, deleted: 0, unchanged: 0, failed: 7 });
    expect(preview.canApply).toBe(false);
  });

  it('recognises headers in German and reports a missing required column', async () => {
    const importer = await setup();
    const de = await xlsxFile([
      header(COLS, 'de'),
      r({
        firstName: 'Jörg',
        lastName: 'Weiß',
        'phone1.number': '030 1234567',
        'phone1.country': 'DE',
        'phone1.type': 'Büro',
      }),
    ]);
    const { preview } = await importer.prepare(SITE, de, 'xlsx');
    expect(preview.language).toBe('de');
    expect(preview.errors).toEqual([]);
    expect(preview.counts.added).toBe(1);
    const missing = await importer.prepare(
      SITE,
      csvFile([
        ['First name', 'Surname', 'Shoe size'],
        ['A', 'B', '42'],
      ]),
      'csv',
    );
    expect(codes(missing.preview.errors)).toEqual(['0:phone1.number:missing_column']);
    expect(codes(missing.preview.warnings)).toEqual(['0::unknown_column']);
  });
});

describe('profile import: files that cannot be read', () => {
  it('says what to do with a broken workbook, a non-UTF-8 CSV, an open quote and a file without headers', async () => {
    const importer = await setup();
    const zipJunk = new Uint8Array([0x50, 0x4b, 3, 4, ...Buffer.from('not really a workbook')]);
    await expect(importer.prepare(SITE, zipJunk, 'csv')).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/not a readable \.xlsx workbook/),
    });
    const latin1 = new Uint8Array(Buffer.from('First name,Last name,Phone 1\nJos\xe9,Lee,1\n', 'latin1'));
    await expect(importer.prepare(SITE, latin1, 'csv')).rejects.toMatchObject({
      message: expect.stringMatching(/CSV UTF-8/),
    });
    const openQuote = csvFile([header(COLS)]).slice(0, -2);
    const broken = new Uint8Array([...openQuote, ...Buffer.from('\r\n"Ann,Lee\r\n')]);
    await expect(importer.prepare(SITE, broken, 'csv')).rejects.toMatchObject({
      message: expect.stringMatching(/never ends/),
    });
    const blank = await importer.prepare(SITE, csvFile([[], []]), 'csv');
    expect(codes(blank.preview.errors)).toEqual(['0::no_header_row']);
  });
});

describe('profile import: applying', () => {
  it('a failing row leaves the database untouched; the fixed file then imports cleanly', async () => {
    const importer = await setup();
    const good = r({ firstName: 'Ann', lastName: 'Lee', 'phone1.number': '2065550190', 'phone1.country': 'US' });
    const bad = r({ firstName: 'Bo', lastName: 'Ray', 'phone1.number': '2065550191' });
    const before = await siteProfiles();
    const seq = await t.services.directory.latestSeq();
    const prepared = await importer.prepare(SITE, csvFile(file(good, bad)), 'csv');
    await expect(importer.apply(prepared, 'admin')).rejects.toMatchObject({
      code: 'bad_request',
      field: 'skipFailedRows',
    });
    expect(await t.services.directory.latestSeq()).toBe(seq);
    expect(await siteProfiles()).toEqual(before);

    const fixed = r({ firstName: 'Bo', lastName: 'Ray', 'phone1.number': '2065550191', 'phone1.country': 'US' });
    const result = await importer.apply(await importer.prepare(SITE, csvFile(file(good, fixed)), 'csv'), 'admin');
    expect(result.summary).toBe('added 2, updated 0, deleted 0, failed 0');
    expect(result.seqAfter).toBe(seq + 2);
    expect((await siteProfiles()).length).toBe(before.length + 2);
    const audit = await t.get<{ type: string; subject: string; data: string }>(
      "select type, subject, data from audit_log where type = 'directory.imported' order by seq desc limit 1",
    );
    expect(audit).toMatchObject({ subject: `site:${SITE}` });
    expect(JSON.parse(audit!.data)).toMatchObject({ kind: 'profile', added: 2, failed: 0, seqBefore: seq });
  });

  it('skipFailedRows applies the valid rows and reports the failed ones, as the seed does', async () => {
    const importer = await setup();
    const prepared = await importer.prepare(
      SITE,
      csvFile(
        file(
          r({ firstName: 'Ann', lastName: 'Lee', 'phone1.number': '2065550192', 'phone1.country': 'US' }),
          r({ firstName: 'X' }),
        ),
      ),
      'csv',
    );
    const result = await importer.apply(prepared, 'admin', { skipFailedRows: true });
    expect(result.summary).toBe('added 1, updated 0, deleted 0, failed 1');
  });

  it('round trip: an export (xlsx and CSV, every site, three languages) re-imports with no change', async () => {
    const importer = await setup();
    // Generated sites in six countries, numbers written the way each country writes them.
    await loadDirectory(t.services.directory, generateDirectory({ sites: 6, profiles: 120, references: 0, seed: 16 }));
    const sites = (await t.services.platform.directoryAdmin.list('site', { limit: 1000 })).items;
    let profiles = 0;
    for (const site of sites) {
      for (const [format, lang] of [
        ['xlsx', 'en-US'],
        ['csv', 'de'],
        ['xlsx', 'fr'],
      ] as const) {
        const exported = await exportSiteProfiles(t.db, t.services.directory, site.id, { format, lang, template: '0' });
        const { preview, plan } = await importer.prepare(site.id, exported.bytes, format);
        const where = `${site.id} ${format} ${lang}`;
        expect(preview.errors, where).toEqual([]);
        expect(preview.language, where).toBe(lang);
        expect(preview.counts, where).toEqual({
          added: 0,
          updated: 0,
          deleted: 0,
          unchanged: exported.profiles,
          failed: 0,
        });
        expect(plan.writes, where).toEqual([]);
        profiles += exported.profiles;
      }
    }
    expect(profiles).toBeGreaterThan(360);
  });

  it('edits made in an exported workbook update, delete and add; desktops see them at their next sync', async () => {
    const importer = await setup();
    await t.services.directory.upsertProfile({
      id: 'prof-zed',
      siteId: SITE,
      firstName: 'Zed',
      lastName: 'Zulu',
      phones: [{ number: '(206) 555-0150', type: 'office' }],
    });
    const exported = await exportSiteProfiles(t.db, t.services.directory, SITE, {
      format: 'xlsx',
      lang: 'en-US',
      template: '0',
    });
    const edited = await editXlsx(exported.bytes, (sheet, col) => {
      sheet.getRow(2).getCell(col('title')).value = 'Chief of Coffee';
      sheet.getRow(3).getCell(col('delete')).value = 'y';
      const added = sheet.getRow(sheet.rowCount + 1);
      added.getCell(col('firstName')).value = 'New';
      added.getCell(col('lastName')).value = 'Person';
      added.getCell(col('phone1.number')).value = '+1 206 555 0193';
      added.getCell(col('phone1.country')).value = 'US';
    });
    const seq = await t.services.directory.latestSeq();
    const prepared = await importer.prepare(SITE, edited, 'xlsx');
    expect(prepared.preview.errors).toEqual([]);
    expect(prepared.preview.counts).toMatchObject({ added: 1, updated: 1, deleted: 1, failed: 0 });
    expect(prepared.preview.updated[0]!.changed).toEqual(['title']);
    const result = await importer.apply(prepared, 'admin');
    expect(result.summary).toBe('added 1, updated 1, deleted 1, failed 0');
    const changes = await t.services.directory.changesSince(seq, 100);
    expect(changes.map((c) => [c.kind, c.op])).toEqual([
      ['profile', 'upsert'],
      ['profile', 'delete'],
      ['profile', 'upsert'],
    ]);
    expect(JSON.parse(changes[2]!.data!)).toMatchObject({ firstName: 'New', siteId: SITE });
  });

  it("refuses (409) when the site's profiles changed after the preview, and writes nothing", async () => {
    const importer = await setup();
    const prepared = await importer.prepare(
      SITE,
      csvFile(file(r({ firstName: 'Ann', lastName: 'Lee', 'phone1.number': '2065550194', 'phone1.country': 'US' }))),
      'csv',
    );
    const dana = (await t.services.directory.get('profile', 'prof-dana'))!;
    await t.services.directory.upsertProfile({ ...dana, title: 'Changed meanwhile' });
    const seq = await t.services.directory.latestSeq();
    await expect(importer.apply(prepared, 'admin')).rejects.toMatchObject({ code: 'conflict' });
    expect(await t.services.directory.latestSeq()).toBe(seq);
  });

  it('ids: an id of another site, a repeated id and Delete without an id are errors', async () => {
    const importer = await setup();
    const { preview } = await importer.prepare(
      SITE,
      csvFile([
        header(['firstName', 'lastName', 'phone1.number', 'phone1.country', 'delete', 'id']),
        ['Oliver', 'X', '2065550195', 'US', '', 'prof-oliver'],
        ['Dana', 'Reyes', '+1 206 555 0101', 'US', '', 'prof-dana'],
        ['Dana', 'Again', '2065550196', 'US', '', 'prof-dana'],
        ['', '', '', '', 'Y', ''],
      ]),
      'csv',
    );
    expect(codes(preview.errors)).toEqual(['2:id:id_unknown', '4:id:id_repeated', '5:delete:delete_without_id']);
  });
});
