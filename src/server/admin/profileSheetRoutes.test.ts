import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportJobStatus, IMPORT_MAX_BYTES, SHEET_CONTENT_TYPES } from '../../shared/directory/import/index.js';
import { csvFile, editXlsx, header, row } from '../directory/import/testing/profileFiles.testkit.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

const SITE = 'site-northwind';
const XLSX = SHEET_CONTENT_TYPES.xlsx;
const COLS = ['firstName', 'lastName', 'email', 'phone1.number', 'phone1.country'] as const;

async function as(email: string) {
  const { accessToken } = await t.login(email);
  return (method: 'GET' | 'POST', url: string, payload?: Buffer | Uint8Array | object, contentType?: string) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(accessToken), ...(contentType ? { 'content-type': contentType } : {}) },
      ...(payload ? { payload: payload instanceof Uint8Array ? Buffer.from(payload) : payload } : {}),
    });
}
type Call = Awaited<ReturnType<typeof as>>;

/** Polls the job the way the desktop does, until it leaves `validating` / `applying`. */
async function settle(call: Call, token: string): Promise<ImportJobStatus> {
  for (let i = 0; i < 400; i++) {
    const res = await call('GET', `/v1/admin/imports/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    const status = ImportJobStatus.parse(res.json());
    if (status.phase !== 'validating' && status.phase !== 'applying') return status;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${token} did not settle`);
}

const newRow = (first: string, phone: string) =>
  row({ firstName: first, lastName: 'Imported', 'phone1.number': phone, 'phone1.country': 'US' }, COLS);

describe('profile spreadsheet routes', () => {
  it('exports a workbook with frozen headers, lists, a hidden id and a locked PSA column; CSV and template too', async () => {
    t = await createTestApp();
    const supervisor = await as('supervisor@callsign.demo');
    const res = await supervisor('GET', `/v1/admin/sites/${SITE}/profiles/export?format=xlsx&lang=de`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe('attachment; filename="profiles-site-northwind.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Vorname');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const idCol = sheet.getColumn(28);
    expect(sheet.getRow(1).getCell(28).value).toBe('ID (nicht ändern)');
    expect(idCol.hidden).toBe(true);
    expect(sheet.getRow(2).getCell(28).value).toBe('prof-dana');
    const psa = sheet.getRow(2).getCell(26);
    expect(psa.value).toBe('Y');
    expect(psa.protection?.locked ?? true).toBe(true); // Excel's default is locked; the sheet is protected
    expect(psa.fill).toMatchObject({ fgColor: { argb: 'FFE0E0E0' } });
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(sheet.getRow(2).getCell(1).protection?.locked).toBe(false);
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(validations['E2']?.formulae).toEqual(['Lists!$A$1:$A$245']);
    expect(validations['F2']?.formulae).toEqual(['"Mobil,Büro,Privat,Sonstige"']);
    expect(validations['X2']?.formulae).toEqual(['"Y,N"']);

    const csv = await supervisor('GET', `/v1/admin/sites/${SITE}/profiles/export?format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.startsWith('\uFEFFFirst name,Last name,Email,Phone 1,')).toBe(true);
    expect(csv.body).toContain("'+1 206 555 0101"); // formula-safe: + @ = - cells start with an apostrophe
    const template = await supervisor('GET', `/v1/admin/sites/${SITE}/profiles/export?format=csv&template=1`);
    expect(template.body.trim().split('\r\n')).toHaveLength(1);
    expect((await supervisor('GET', '/v1/admin/sites/site-nope/profiles/export')).statusCode).toBe(404);
  });

  it('imports an edited export: preview, then apply; the technician sees the new profile at the next sync', async () => {
    t = await createTestApp();
    const admin = await as('admin@callsign.demo');
    const exported = (await admin('GET', `/v1/admin/sites/${SITE}/profiles/export`)).rawPayload;
    const edited = await editXlsx(exported, (sheet, col) => {
      sheet.getRow(2).getCell(col('title')).value = 'Head of Finance';
      const added = sheet.getRow(3);
      added.getCell(col('firstName')).value = 'Nia';
      added.getCell(col('lastName')).value = 'Okafor';
      added.getCell(col('phone1.number')).value = 2065550160; // Excel made it a number
      added.getCell(col('phone1.country')).value = 'US';
    });
    const seq = await t.services.directory.latestSeq();
    const started = await admin('POST', `/v1/admin/sites/${SITE}/profiles/import`, edited, XLSX);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ siteId: SITE, phase: 'validating' });
    const ready = await settle(admin, started.json().token);
    expect(ready.phase).toBe('ready');
    expect(ready.preview).toMatchObject({
      format: 'xlsx',
      language: 'en-US',
      counts: { added: 1, updated: 1, deleted: 0, unchanged: 0, failed: 0 },
      canApply: true,
      errors: [],
      warnings: [expect.objectContaining({ row: 3, column: 'phone1.number', code: 'excel_number' })],
    });
    expect(await t.services.directory.latestSeq()).toBe(seq); // a preview writes nothing

    const applying = await admin('POST', `/v1/admin/imports/${ready.token}/apply`, {});
    expect(applying.statusCode, applying.body).toBe(202);
    const applied = await settle(admin, ready.token);
    expect(applied).toMatchObject({ phase: 'applied', done: 2, total: 2 });
    expect(applied.result).toMatchObject({
      summary: 'added 1, updated 1, deleted 0, failed 0',
      seqBefore: seq,
      seqAfter: seq + 2,
    });

    const tech = await as('tech@callsign.demo');
    const sync = (await tech('GET', `/v1/sync?since=${seq}`)).json();
    expect(sync.changes.map((c: { data: { firstName: string } }) => c.data.firstName).sort()).toEqual(['Dana', 'Nia']);
    const audit = await t.get<{ subject: string }>("select subject from audit_log where type = 'directory.imported'");
    expect(audit).toEqual({ subject: `site:${SITE}` });
  });

  it('applies once however many applies race; refuses failing rows unless skipped; 409 when the site changed', async () => {
    t = await createTestApp();
    const admin = await as('admin@callsign.demo');
    const upload = async (bytes: Uint8Array) =>
      (await admin('POST', `/v1/admin/sites/${SITE}/profiles/import`, bytes, 'text/csv; charset=utf-8')).json()
        .token as string;

    const token = await upload(csvFile([header(COLS), newRow('Ann', '2065550161')]));
    await settle(admin, token);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => admin('POST', `/v1/admin/imports/${token}/apply`, {})),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([202, ...Array(11).fill(409)]);
    expect((await settle(admin, token)).result?.counts.added).toBe(1);
    expect((await t.services.platform.directoryAdmin.list('profile', { siteId: SITE, limit: 100 })).items).toHaveLength(
      2,
    );

    const failing = await upload(csvFile([header(COLS), newRow('Bo', '2065550162'), row({ firstName: 'X' }, COLS)]));
    expect((await settle(admin, failing)).preview?.counts).toMatchObject({ added: 1, failed: 1 });
    const refused = await admin('POST', `/v1/admin/imports/${failing}/apply`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ field: 'skipFailedRows' });
    expect((await admin('POST', `/v1/admin/imports/${failing}/apply`, { skipFailedRows: true })).statusCode).toBe(202);
    expect((await settle(admin, failing)).result?.summary).toBe('added 1, updated 0, deleted 0, failed 1');

    const stale = await upload(csvFile([header(COLS), newRow('Cy', '2065550163')]));
    await settle(admin, stale);
    const dana = (await admin('GET', '/v1/admin/profiles/prof-dana')).json();
    expect(
      (await admin('POST', '/v1/admin/profiles', { ...dana, id: 'prof-other', email: 'o@northwindtraders.com' }))
        .statusCode,
    ).toBe(201);
    const seq = await t.services.directory.latestSeq();
    const conflict = await admin('POST', `/v1/admin/imports/${stale}/apply`, {});
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.message).toMatch(/changed since this file was checked/);
    expect(await t.services.directory.latestSeq()).toBe(seq);
  });

  it('answers 413 with what to do, 415 for a JSON body, 404 for an unknown token; technicians get 403', async () => {
    t = await createTestApp();
    const admin = await as('admin@callsign.demo');
    const big = await admin(
      'POST',
      `/v1/admin/sites/${SITE}/profiles/import`,
      Buffer.alloc(IMPORT_MAX_BYTES + 1, 97),
      'text/csv',
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringMatching(/Split it into smaller files/),
    });
    const json = await admin('POST', `/v1/admin/sites/${SITE}/profiles/import`, { rows: [] });
    expect(json.statusCode).toBe(415);
    expect((await admin('GET', '/v1/admin/imports/no-such-token-here')).statusCode).toBe(404);
    const unknownSite = await admin(
      'POST',
      '/v1/admin/sites/site-nope/profiles/import',
      csvFile([header(COLS)]),
      'text/csv',
    );
    expect(unknownSite.statusCode).toBe(404);

    const tech = await as('tech@callsign.demo');
    expect((await tech('GET', `/v1/admin/sites/${SITE}/profiles/export`)).statusCode).toBe(403);
    const techImport = await tech(
      'POST',
      `/v1/admin/sites/${SITE}/profiles/import`,
      csvFile([header(COLS)]),
      'text/csv',
    );
    expect(techImport.statusCode).toBe(403);
    const supervisor = await as('supervisor@callsign.demo');
    const supImport = await supervisor(
      'POST',
      `/v1/admin/sites/${SITE}/profiles/import`,
      csvFile([header(COLS)]),
      'text/csv',
    );
    expect(supImport.statusCode).toBe(403);
  });
});
