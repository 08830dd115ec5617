import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

async function lookup(query: Record<string, string>) {
  const { accessToken } = await t.login();
  const res = await t.app.inject({ method: 'GET', url: '/v1/lookup', query, headers: bearer(accessToken) });
  return { status: res.statusCode, body: res.json() };
}

describe('GET /v1/lookup', () => {
  it('finds Dana by her number in any format, including one stored in national format', async () => {
    t = await createTestApp();
    for (const phone of [
      '+1 206 555 0101',
      '+12065550101',
      '(206) 555-0101',
      '206.555.0101',
      'tel:+1-206-555-0102',
      '+1 (206) 555-0102',
    ]) {
      const { status, body } = await lookup({ phone });
      expect(status, phone).toBe(200);
      expect(body.ambiguous).toBe(false);
      expect(body.candidates[0], phone).toMatchObject({
        siteId: 'site-northwind',
        profileId: 'prof-dana',
        matched: 'profile_phone',
        confidence: 3,
      });
      expect(body.candidates[0].site).toMatchObject({ name: 'Northwind Traders — Seattle', rmmAgentOptIn: true });
      expect(body.candidates[0].profile).toMatchObject({ firstName: 'Dana', lastName: 'Reyes' });
    }
  });

  it('finds a site by its main number and an international caller by +CC', async () => {
    t = await createTestApp();
    const site = await lookup({ phone: '+1 206 555 0100' });
    expect(site.body.candidates[0]).toMatchObject({ siteId: 'site-northwind', matched: 'site_phone', confidence: 2 });
    expect(site.body.candidates[0]).not.toHaveProperty('profile');
    const london = await lookup({ phone: '+44 20 7946 0958' });
    expect(london.body.candidates[0]).toMatchObject({ siteId: 'site-contoso-london', value: '+442079460958' });
    const sam = await lookup({ phone: '+61 412 345 678' });
    expect(sam.body.candidates[0]).toMatchObject({ siteId: 'site-bluebird', profileId: 'prof-sam' });
  });

  it('finds by email (case-insensitive) and by company domain', async () => {
    t = await createTestApp();
    const person = await lookup({ email: 'Dana.Reyes@NorthwindTraders.com' });
    expect(person.body.candidates[0]).toMatchObject({
      profileId: 'prof-dana',
      matched: 'profile_email',
      confidence: 3,
    });
    const domain = await lookup({ email: 'someone.new@contoso-uk.com' });
    expect(domain.body.candidates[0]).toMatchObject({
      siteId: 'site-contoso-london',
      matched: 'site_domain',
      confidence: 1,
    });
    expect(domain.body.candidates[0]).not.toHaveProperty('profileId');
    const publicMail = await lookup({ email: 'stranger@gmail.com' });
    expect(publicMail.body.candidates).toEqual([]);
  });

  it('reports a shared number as ambiguous with both sites', async () => {
    t = await createTestApp();
    const { body } = await lookup({ phone: '(312) 555-0199' });
    expect(body.ambiguous).toBe(true);
    expect(body.candidates.map((c: { siteId: string }) => c.siteId).sort()).toEqual([
      'site-fabrikam',
      'site-fabrikam-annex',
    ]);
  });

  it('follows directory writes made after the index was built', async () => {
    t = await createTestApp();
    expect((await lookup({ phone: '+1 206 555 0101' })).body.candidates).toHaveLength(1);
    await t.services.directory.upsertProfile({
      id: 'prof-new',
      siteId: 'site-fabrikam',
      firstName: 'José',
      lastName: "O'Brien",
      phones: [{ number: '312-555-0142' }],
    });
    expect((await lookup({ phone: '+13125550142' })).body.candidates[0]).toMatchObject({ profileId: 'prof-new' });
    await t.services.directory.delete('profile', 'prof-dana');
    const after = await lookup({ phone: '+1 206 555 0101' });
    expect(after.body.candidates.some((c: { profileId?: string }) => c.profileId === 'prof-dana')).toBe(false);
  });

  it('answers bad input with 400 naming the field, and no token with 401', async () => {
    t = await createTestApp();
    const bad = await lookup({ phone: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_request', field: 'phone' });
    const both = await lookup({ phone: '+12065550101', email: 'dana.reyes@northwindtraders.com' });
    expect(both.status).toBe(400);
    const badEmail = await lookup({ email: 'dana@' });
    expect(badEmail.body.error).toMatchObject({ field: 'email' });
    const anon = await t.app.inject({ method: 'GET', url: '/v1/lookup?phone=%2B12065550101' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('unauthorized');
  });
});
