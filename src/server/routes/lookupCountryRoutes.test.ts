import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

async function lookup(query: Record<string, string>) {
  const { accessToken } = await t.login();
  const res = await t.app.inject({ method: 'GET', url: '/v1/lookup', query, headers: bearer(accessToken) });
  return { status: res.statusCode, body: res.json() };
}

interface Row {
  siteId: string;
  readAs?: string;
  profile?: { firstName: string };
  site: { name: string };
}

describe('GET /v1/lookup: national numbers of every directory country, and the country hint', () => {
  it('finds the London and Sydney sites by their national numbers in a US-majority directory', async () => {
    t = await createTestApp();
    const london = await lookup({ phone: '020 7946 0958' });
    expect(london.status).toBe(200);
    expect(london.body.candidates[0]).toMatchObject({ siteId: 'site-contoso-london', readAs: 'GB' });
    const sam = await lookup({ phone: '0412 345 678', country: 'au' });
    expect(sam.body.candidates[0]).toMatchObject({
      siteId: 'site-bluebird',
      readAs: 'AU',
      profile: { firstName: 'Sam' },
    });
    expect(sam.body.ambiguous).toBe(false);
  });

  it('refuses a country that is not an ISO alpha-2 code, naming the field', async () => {
    t = await createTestApp();
    for (const country of ['ZZ', 'GBR', 'United Kingdom', '']) {
      const bad = await lookup({ phone: '020 7946 0958', country });
      expect(bad.status, country).toBe(400);
      expect(bad.body.error, country).toMatchObject({ code: 'bad_request', field: 'country' });
      expect(bad.body.error.message, country).toContain('country');
    }
  });

  it('names the countries it tried when no reading is a number', async () => {
    t = await createTestApp();
    const bad = await lookup({ phone: '12345678901234', country: 'DE' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'phone' });
    expect(bad.body.error.message).toContain('(DE, US, AU, GB)');
  });
});

describe('GET /v1/lookup?text=', () => {
  it('answers every number in a signature with its candidates and records', async () => {
    t = await createTestApp();
    const signature = 'Pat — Contoso Ltd\nTel 020 7946 0958 ext 12 · Fax 020 7946 0959\nSydney desk: 0412 345 678';
    const { status, body } = await lookup({ text: signature });
    expect(status).toBe(200);
    expect(
      body.numbers.map(
        (n: { input: string; e164: string; extension?: string; ambiguous: boolean; candidates: Row[] }) => [
          n.input,
          n.e164,
          n.extension ?? null,
          n.ambiguous,
          n.candidates.map((c) => [c.siteId, c.readAs, c.profile?.firstName ?? null]),
        ],
      ),
    ).toEqual([
      ['020 7946 0958 ext 12', '+442079460958', '12', false, [['site-contoso-london', 'GB', null]]],
      ['020 7946 0959', '+442079460959', null, false, []],
      ['0412 345 678', '+61412345678', null, false, [['site-bluebird', 'AU', 'Sam']]],
    ]);
    expect(body.numbers[0].candidates[0].site.name).toContain('London');
  });

  it('reports a shared number inside text as ambiguous, and text without numbers as none', async () => {
    t = await createTestApp();
    const shared = await lookup({ text: 'Reception: +1 (312) 555-0199', country: 'US' });
    expect(shared.body.numbers).toHaveLength(1);
    expect(shared.body.numbers[0].ambiguous).toBe(true);
    expect(shared.body.numbers[0].candidates.map((c: Row) => c.siteId).sort()).toEqual([
      'site-fabrikam',
      'site-fabrikam-annex',
    ]);
    expect((await lookup({ text: 'See you Tuesday at 10:30.' })).body).toEqual({ numbers: [] });
  });

  it('refuses text over 2,000 characters and text together with a phone, naming the field', async () => {
    t = await createTestApp();
    const long = await lookup({ text: `${'a'.repeat(1990)} 020 7946 0958` });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'bad_request', field: 'text' });
    const both = await lookup({ text: '020 7946 0958', phone: '020 7946 0958' });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatchObject({ field: 'phone' });
    const badHint = await lookup({ text: '020 7946 0958', country: 'XX' });
    expect(badHint.body.error).toMatchObject({ field: 'country' });
  });

  it('documents text= and country= in the OpenAPI document', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    const params = res.json().paths['/v1/lookup'].get.parameters as Array<{ name: string; description?: string }>;
    expect(params.map((p) => p.name).sort()).toEqual(['country', 'email', 'phone', 'text']);
    expect(params.find((p) => p.name === 'country')!.description).toContain('ISO 3166 alpha-2');
  });
});
