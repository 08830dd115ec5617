import { describe, expect, it } from 'vitest';
import { createCallerIndex, identifyCaller } from './index.js';
import { phone, profile, site } from './testDirectory.testkit.js';

function directory() {
  const index = createCallerIndex();
  index.upsertSite(site('acme', { mainPhones: ['(206) 555-0100'], emailDomain: 'acme.com' }));
  index.upsertSite(site('globex', { mainPhones: ['+1 206 555 0199'], emailDomain: 'globex.com' }));
  index.upsertSite(site('initech', { mainPhones: ['206-555-0199'], emailDomain: 'globex.com' })); // shares number and domain with globex
  index.upsertSite(site('london', { country: 'GB', mainPhones: ['020 7946 0000'], noClientEmailDomain: true }));
  index.upsertProfile(
    profile('dana', 'acme', { email: 'dana@acme.com', phones: [phone('206 555 0101'), phone('206 555 0100')] }),
  );
  index.upsertProfile(profile('pat', 'london', { email: 'pat.home@gmail.com', phones: [phone('07700 900123')] }));
  index.upsertProfile(profile('lee', 'acme', { phones: [phone('206 555 0150')] }));
  index.upsertProfile(profile('kim', 'acme', { phones: [phone('206 555 0150')] })); // shared desk phone
  return index;
}

const ok = (outcome: ReturnType<typeof identifyCaller>) => {
  if (!outcome.ok) throw new Error(`expected a result, got ${outcome.error.code}`);
  return outcome.result;
};

describe('identifyCaller', () => {
  it('identifies a person by phone in any format, with the extension kept aside', () => {
    const result = ok(identifyCaller(directory(), 'tel:+1-206-555-0101;ext=12'));
    expect(result.query).toEqual({ kind: 'phone', e164: '+12065550101', extension: '12', country: 'US' });
    expect(result.candidates).toEqual([
      { siteId: 'acme', profileId: 'dana', matched: 'profile_phone', confidence: 3, value: '+12065550101' },
    ]);
    expect(result.ambiguous).toBe(false);
  });

  it('ranks the person above the site when a profile lists the main number', () => {
    const result = ok(identifyCaller(directory(), '206.555.0100'));
    expect(result.candidates.map((c) => [c.matched, c.confidence])).toEqual([
      ['profile_phone', 3],
      ['site_phone', 2],
    ]);
    expect(result.ambiguous).toBe(false);
  });

  it('a main number on two sites is ambiguous and never auto-picked', () => {
    const result = ok(identifyCaller(directory(), 'sip:+12065550199@pbx.example.com'));
    expect(result.candidates.map((c) => c.siteId)).toEqual(['globex', 'initech']);
    expect(result.ambiguous).toBe(true);
  });

  it('two people at one site sharing a phone are not an ambiguous site', () => {
    const result = ok(identifyCaller(directory(), '(206) 555-0150'));
    expect(result.candidates.map((c) => c.profileId)).toEqual(['kim', 'lee']);
    expect(result.ambiguous).toBe(false);
  });

  it('reads national numbers in every site country, not only the most common one', () => {
    const index = directory();
    expect(ok(identifyCaller(index, '020 7946 0000')).candidates).toMatchObject([{ siteId: 'london', readAs: 'GB' }]);
    expect(ok(identifyCaller(index, '020 7946 0000', { defaultCountry: 'GB' })).candidates).toMatchObject([
      { siteId: 'london' },
    ]);
    expect(ok(identifyCaller(index, '+44 (0)20 7946 0000')).candidates).toMatchObject([{ siteId: 'london' }]);
    expect(ok(identifyCaller(index, '07700 900123', { defaultCountry: 'GB' })).candidates).toMatchObject([
      { profileId: 'pat' },
    ]);
  });

  it('identifies by email: exact profile address first, even on a public domain', () => {
    const index = directory();
    const pat = ok(identifyCaller(index, 'Pat <Pat.Home@GMAIL.com>'));
    expect(pat.query).toEqual({
      kind: 'email',
      address: 'pat.home@gmail.com',
      domain: 'gmail.com',
      publicDomain: true,
    });
    expect(pat.candidates).toMatchObject([{ profileId: 'pat', confidence: 3, matched: 'profile_email' }]);
    expect(ok(identifyCaller(index, 'stranger@gmail.com')).candidates).toEqual([]);
  });

  it('falls back to the site by domain, subdomains included; a shared domain is ambiguous', () => {
    const index = directory();
    expect(ok(identifyCaller(index, 'mailto:new.hire@mail.acme.com')).candidates).toEqual([
      { siteId: 'acme', matched: 'site_domain', confidence: 1, value: 'acme.com' },
    ]);
    const shared = ok(identifyCaller(index, 'someone@globex.com'));
    expect(shared.candidates.map((c) => c.siteId)).toEqual(['globex', 'initech']);
    expect(shared.ambiguous).toBe(true);
  });

  it('returns a typed error that says what to type', () => {
    const index = directory();
    expect(identifyCaller(index, '  ')).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(identifyCaller(index, 'dana@')).toMatchObject({ ok: false, error: { code: 'invalid_email' } });
    expect(identifyCaller(index, '206 555')).toMatchObject({ ok: false, error: { code: 'too_short' } });
    expect(identifyCaller(index, '206 555 0101 abc')).toMatchObject({ ok: false, error: { code: 'invalid_phone' } });
    expect(identifyCaller(index, 'reception')).toMatchObject({ ok: false, error: { code: 'unrecognised' } });
    expect(identifyCaller(createCallerIndex(), '2065550101')).toMatchObject({
      ok: false,
      error: { code: 'invalid_phone', message: expect.stringContaining('country code') },
    });
  });
});
