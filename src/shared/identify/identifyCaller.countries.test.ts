import { describe, expect, it } from 'vitest';
import { createCallerIndex, identifyCaller } from './index.js';
import { phone, profile, site } from './testDirectory.testkit.js';
import type { IdentifyOutcome } from './types.js';

/** Mostly US sites (the old "most common country" reading), plus one site in each of five others. */
function directory() {
  const index = createCallerIndex();
  for (const id of ['us-1', 'us-2', 'us-3', 'us-4'])
    index.upsertSite(site(id, { mainPhones: [`(206) 555-01${id.slice(-1)}0`] }));
  index.upsertSite(site('london', { country: 'GB', mainPhones: ['020 7946 0958'] }));
  index.upsertSite(site('berlin', { country: 'DE', mainPhones: ['030 1234567'] }));
  index.upsertSite(site('utrecht', { country: 'NL', mainPhones: ['030 123 4567'] })); // same digits as Berlin
  index.upsertSite(site('sydney', { country: 'AU', mainPhones: ['(02) 9374 4000'] }));
  index.upsertSite(site('paris', { country: 'FR', mainPhones: ['01 42 68 53 00'] }));
  index.upsertProfile(profile('sam', 'sydney', { phones: [phone('0412 345 678')] }));
  return index;
}

const ok = (outcome: IdentifyOutcome) => {
  if (!outcome.ok) throw new Error(`expected a result, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result;
};

describe('identifyCaller: national numbers in every country of the directory', () => {
  it('finds sites outside the majority country by their national number, saying which reading matched', () => {
    const index = directory();
    for (const [input, siteId, country] of [
      ['020 7946 0958', 'london', 'GB'],
      ['(02) 9374 4000', 'sydney', 'AU'],
      ['01 42 68 53 00', 'paris', 'FR'],
      ['0412 345 678', 'sydney', 'AU'],
      ['(206) 555-0120', 'us-2', 'US'],
    ] as const) {
      const result = ok(identifyCaller(index, input));
      expect(result.candidates[0], input).toMatchObject({ siteId, readAs: country });
      expect(result.ambiguous, input).toBe(false);
      expect(result.query).toMatchObject({ kind: 'phone', country });
    }
  });

  it('lists the countries it read the number in, the hint first', () => {
    const result = ok(identifyCaller(directory(), '020 7946 0958', { country: 'fr' }));
    expect(result.query).toMatchObject({ countriesTried: ['FR', 'US', 'AU', 'DE', 'GB', 'NL'] });
    expect(ok(identifyCaller(directory(), '+44 20 7946 0958')).query).not.toHaveProperty('countriesTried');
  });

  it('a number stored in two countries’ national forms is ambiguous; the hint decides the order', () => {
    const index = directory();
    const plain = ok(identifyCaller(index, '030 1234567'));
    expect(plain.ambiguous).toBe(true);
    expect(plain.candidates.map((c) => [c.siteId, c.readAs, c.value])).toEqual([
      ['berlin', 'DE', '+49301234567'],
      ['utrecht', 'NL', '+31301234567'],
    ]);
    const dutch = ok(identifyCaller(index, '030 1234567', { country: 'NL' }));
    expect(dutch.ambiguous).toBe(true);
    expect(dutch.candidates.map((c) => c.siteId)).toEqual(['utrecht', 'berlin']);
    expect(dutch.query.kind === 'phone' && dutch.query.e164).toBe('+31301234567');
  });

  it('ranks a site matched by more readings above one matched by fewer', () => {
    const index = directory();
    index.upsertSite(site('multi', { country: 'NL', mainPhones: ['+49 30 1234567', '030 123 4567'] }));
    const result = ok(identifyCaller(index, '030 1234567'));
    expect(result.candidates[0]!.siteId).toBe('multi');
    expect(result.ambiguous).toBe(true);
  });

  it('an international number has one reading, whatever the hint', () => {
    const result = ok(identifyCaller(directory(), '+49 30 1234567', { country: 'NL' }));
    expect(result.candidates).toEqual([
      { siteId: 'berlin', matched: 'site_phone', confidence: 2, value: '+49301234567' },
    ]);
  });

  it('an unknown or unsupported hint is ignored, never an error', () => {
    expect(ok(identifyCaller(directory(), '020 7946 0958', { country: 'XX' })).candidates[0]!.siteId).toBe('london');
  });

  it('no reading at all: the error names every country tried', () => {
    const outcome = identifyCaller(directory(), '12345678901234', { country: 'GB' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    for (const name of ['United Kingdom', 'United States', 'Australia', 'Germany', 'France', 'Netherlands'])
      expect(outcome.error.message).toContain(name);
    expect(outcome.error.message).toContain('(GB, US, AU, DE, FR, NL)');
  });

  it('a valid number that matches nothing is a result with no candidates, not an error', () => {
    const result = ok(identifyCaller(directory(), '020 7946 0000', { country: 'GB' }));
    expect(result.candidates).toEqual([]);
    expect(result.query).toMatchObject({ e164: '+442079460000', country: 'GB' }); // the first valid reading
  });
});

describe('identifyCaller: ambiguity across kinds of match', () => {
  it('a person’s mobile at one company that is another company’s main number is ambiguous', () => {
    const index = createCallerIndex();
    index.upsertSite(site('acme', { mainPhones: ['+1 617 555 0163'] }));
    index.upsertSite(site('globex'));
    index.upsertProfile(profile('dana', 'globex', { phones: [phone('617-555-0163')] }));
    const result = ok(identifyCaller(index, '(617) 555-0163'));
    expect(result.ambiguous).toBe(true);
    expect(result.candidates.map((c) => [c.siteId, c.matched])).toEqual([
      ['globex', 'profile_phone'],
      ['acme', 'site_phone'],
    ]);
  });

  it('a person and their own site’s main number are one site: not ambiguous', () => {
    const index = createCallerIndex();
    index.upsertSite(site('acme', { mainPhones: ['+1 617 555 0163'] }));
    index.upsertProfile(profile('dana', 'acme', { phones: [phone('617-555-0163')] }));
    expect(ok(identifyCaller(index, '+16175550163')).ambiguous).toBe(false);
  });
});

describe('identifyCaller: possible but not (yet) valid numbers', () => {
  // US exchange codes never start with 0, so 207-099-1234 is the right length but not valid; the
  // same digits are a valid London number when read in the UK.
  const stored = () => {
    const index = createCallerIndex();
    index.upsertSite(site('new-range', { mainPhones: ['(207) 099-1234'] }));
    return index;
  };

  it('matches a stored number with the same digits instead of refusing it', () => {
    const result = ok(identifyCaller(stored(), '207 099 1234'));
    expect(result.candidates).toEqual([
      {
        siteId: 'new-range',
        matched: 'site_phone',
        confidence: 2,
        value: '+12070991234',
        readAs: 'US',
        possibleOnly: true,
      },
    ]);
    expect(ok(identifyCaller(stored(), '+1 207 099 1234')).candidates[0]).toMatchObject({ possibleOnly: true });
  });

  it('ranks below a valid match of another reading, even against the hint', () => {
    const index = stored();
    index.upsertSite(site('london', { country: 'GB', mainPhones: ['020 7099 1234'] }));
    const result = ok(identifyCaller(index, '207 099 1234', { country: 'US' }));
    expect(result.candidates.map((c) => [c.siteId, c.possibleOnly ?? false])).toEqual([
      ['london', false],
      ['new-range', true],
    ]);
    expect(result.ambiguous).toBe(true);
  });

  it('a possible number that matches nothing is still refused', () => {
    expect(identifyCaller(createCallerIndex(), '207 099 1235', { country: 'US' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_phone' },
    });
  });
});
