import { describe, expect, it } from 'vitest';
import { createCallerIndex } from './callerIndex.js';
import { phone, profile, site } from './testDirectory.testkit.js';

const siteIds = (cs: Array<{ siteId: string }>) => cs.map((c) => c.siteId).sort();

describe('caller index: phones', () => {
  it('keys profile phones and site main numbers by E.164, whatever format they were typed in', () => {
    const index = createCallerIndex();
    index.upsertSite(site('s1', { mainPhones: ['(206) 555-0100'] }));
    index.upsertProfile(profile('p1', 's1', { phones: [phone('206.555.0101 ext 4'), phone('+44 (0)20 7946 0958')] }));
    expect(index.candidatesForPhone('+12065550100')).toEqual([
      { siteId: 's1', matched: 'site_phone', confidence: 2, value: '+12065550100' },
    ]);
    expect(index.candidatesForPhone('+12065550101')).toEqual([
      { siteId: 's1', profileId: 'p1', matched: 'profile_phone', confidence: 3, value: '+12065550101' },
    ]);
    expect(index.candidatesForPhone('+442079460958')).toHaveLength(1);
    expect(index.stats).toEqual({ sites: 1, profiles: 1, phones: 3 });
  });

  it("reads a phone with its own country first, else the profile's site's country", () => {
    const index = createCallerIndex();
    index.upsertSite(site('uk', { country: 'GB' }));
    index.upsertProfile(profile('p1', 'uk', { phones: [phone('020 7946 0958'), phone('(206) 555-0101', 'US')] }));
    expect(index.candidatesForPhone('+442079460958')).toHaveLength(1);
    expect(index.candidatesForPhone('+12065550101')).toHaveLength(1);
  });

  it('re-keys national numbers when the site arrives after its profiles, changes country or goes away', () => {
    const index = createCallerIndex();
    index.upsertProfile(profile('p1', 's1', { phones: [phone('020 7946 0958'), phone('+1 206 555 0101')] }));
    expect(index.candidatesForPhone('+442079460958')).toEqual([]); // no country yet
    expect(index.candidatesForPhone('+12065550101')).toHaveLength(1); // international: no country needed

    index.upsertSite(site('s1', { country: 'GB' }));
    expect(index.candidatesForPhone('+442079460958')).toHaveLength(1);

    index.upsertSite(site('s1', { country: 'AU' })); // 020 7946 0958 is not an Australian number
    expect(index.candidatesForPhone('+442079460958')).toEqual([]);

    index.upsertSite(site('s1', { country: 'GB' }));
    index.removeSite('s1');
    expect(index.candidatesForPhone('+442079460958')).toEqual([]);
    expect(index.candidatesForPhone('+12065550101')).toHaveLength(1);
  });

  it('forgets the old numbers of an updated or removed profile or site', () => {
    const index = createCallerIndex();
    index.upsertSite(site('s1', { mainPhones: ['+1 206 555 0100'] }));
    index.upsertProfile(profile('p1', 's1', { phones: [phone('+1 206 555 0101')] }));
    index.upsertProfile(profile('p1', 's1', { phones: [phone('+1 206 555 0102')] }));
    index.upsertSite(site('s1', { mainPhones: ['+1 206 555 0103'] }));
    expect(index.candidatesForPhone('+12065550101')).toEqual([]);
    expect(index.candidatesForPhone('+12065550100')).toEqual([]);
    expect(index.candidatesForPhone('+12065550102')).toHaveLength(1);
    expect(index.candidatesForPhone('+12065550103')).toHaveLength(1);

    index.removeProfile('p1');
    index.removeSite('s1');
    expect(index.candidatesForPhone('+12065550102')).toEqual([]);
    expect(index.candidatesForPhone('+12065550103')).toEqual([]);
    expect(index.stats).toEqual({ sites: 0, profiles: 0, phones: 0 });
  });

  it('moves a profile to its new site', () => {
    const index = createCallerIndex();
    index.upsertProfile(profile('p1', 's1', { phones: [phone('+1 206 555 0101')] }));
    index.upsertProfile(profile('p1', 's2', { phones: [phone('+1 206 555 0101')] }));
    expect(siteIds(index.candidatesForPhone('+12065550101'))).toEqual(['s2']);
  });

  it('ignores stored numbers that are not phone numbers and duplicates within a record', () => {
    const index = createCallerIndex();
    index.upsertSite(site('s1', { mainPhones: ['ask reception', '206-555-0100', '(206) 555-0100'] }));
    expect(index.stats.phones).toBe(1);
  });
});

describe('caller index: email', () => {
  const build = () => {
    const index = createCallerIndex();
    index.upsertSite(site('acme', { emailDomain: 'acme.com' }));
    index.upsertSite(site('acme-eu', { emailDomain: 'eu.acme.com' }));
    index.upsertSite(site('home-office', { noClientEmailDomain: true }));
    index.upsertSite(site('misconfigured', { emailDomain: 'gmail.com' }));
    index.upsertProfile(profile('dana', 'home-office', { email: 'Dana.Reyes@gmail.com' }));
    index.upsertProfile(profile('lee', 'acme', { email: 'lee@acme.com' }));
    return index;
  };

  it('an exact profile email identifies the person, even on a public domain', () => {
    const index = build();
    expect(index.candidatesForEmail('dana.reyes@gmail.com', 'gmail.com')).toEqual([
      {
        siteId: 'home-office',
        profileId: 'dana',
        matched: 'profile_email',
        confidence: 3,
        value: 'dana.reyes@gmail.com',
      },
    ]);
    expect(index.candidatesForEmail('lee@acme.com', 'acme.com')).toMatchObject([{ profileId: 'lee', confidence: 3 }]);
  });

  it('otherwise the domain identifies the site; subdomains match their parent; the most specific wins', () => {
    const index = build();
    expect(index.candidatesForEmail('kim@acme.com', 'acme.com')).toEqual([
      { siteId: 'acme', matched: 'site_domain', confidence: 1, value: 'acme.com' },
    ]);
    expect(siteIds(index.candidatesForEmail('kim@mail.acme.com', 'mail.acme.com'))).toEqual(['acme']);
    expect(siteIds(index.candidatesForEmail('kim@eu.acme.com', 'eu.acme.com'))).toEqual(['acme-eu']);
    expect(siteIds(index.candidatesForEmail('kim@mx.eu.acme.com', 'mx.eu.acme.com'))).toEqual(['acme-eu']);
    expect(index.candidatesForEmail('kim@notacme.com', 'notacme.com')).toEqual([]);
  });

  it('never identifies a site by a public domain, nor a "no client email domain" site', () => {
    const index = build();
    expect(index.candidatesForEmail('stranger@gmail.com', 'gmail.com')).toEqual([]);
    index.upsertSite(site('home-office', { noClientEmailDomain: true, emailDomain: 'homeoffice.net' })); // both set: the flag wins
    expect(index.candidatesForEmail('x@homeoffice.net', 'homeoffice.net')).toEqual([]);
  });

  it('forgets an old email and domain after an update or removal', () => {
    const index = build();
    index.upsertProfile(profile('lee', 'acme', { email: 'lee.new@acme.com' }));
    expect(index.candidatesForEmail('lee@acme.com', 'acme.com')).toMatchObject([{ matched: 'site_domain' }]);
    index.upsertSite(site('acme', { emailDomain: 'acme.org' }));
    expect(index.candidatesForEmail('kim@acme.com', 'acme.com')).toEqual([]);
    expect(siteIds(index.candidatesForEmail('kim@acme.org', 'acme.org'))).toEqual(['acme']);
    index.removeSite('acme');
    expect(index.candidatesForEmail('kim@acme.org', 'acme.org')).toEqual([]);
  });
});

describe('caller index: housekeeping', () => {
  it('uses the most common site country as the default for national queries', () => {
    const index = createCallerIndex();
    expect(index.defaultCountry).toBeUndefined();
    index.upsertSite(site('a', { country: 'GB' }));
    index.upsertSite(site('b', { country: 'US' }));
    index.upsertSite(site('c', { country: 'US' }));
    expect(index.defaultCountry).toBe('US');
    index.upsertSite(site('c', { country: 'GB' }));
    expect(index.defaultCountry).toBe('GB');
  });

  it('clear() empties everything', () => {
    const index = createCallerIndex();
    index.upsertSite(site('s1', { mainPhones: ['+1 206 555 0100'], emailDomain: 'acme.com' }));
    index.upsertProfile(profile('p1', 's1', { phones: [phone('206 555 0101')] }));
    index.clear();
    expect(index.stats).toEqual({ sites: 0, profiles: 0, phones: 0 });
    expect(index.candidatesForEmail('a@acme.com', 'acme.com')).toEqual([]);
    index.upsertSite(site('s1'));
    expect(index.candidatesForPhone('+12065550101')).toEqual([]);
  });
});

describe('caller index: restored phone keys', () => {
  it('indexes records with the keys it is given instead of parsing their numbers, once per record', () => {
    // A key no parsing could produce from this record proves the snapshot path is taken.
    const keys = {
      siteIds: ['s1'],
      siteKeys: ['+15550000001'],
      profileIds: ['p1'],
      profileKeys: ['+15550000002 +15550000003'],
    };
    const index = createCallerIndex(keys);
    index.upsertSite(site('s1', { mainPhones: ['(206) 555-0100'] }));
    index.upsertProfile(profile('p1', 's1', { phones: [phone('206.555.0101')] }));
    expect(index.candidatesForPhone('+15550000001')).toHaveLength(1);
    expect(index.candidatesForPhone('+15550000003')).toEqual([
      { siteId: 's1', profileId: 'p1', matched: 'profile_phone', confidence: 3, value: '+15550000003' },
    ]);
    expect(index.candidatesForPhone('+12065550101')).toEqual([]);
    // A later version of the record is parsed: restored keys stand only for the record they came from.
    index.upsertProfile(profile('p1', 's1', { phones: [phone('206.555.0101')] }));
    expect(index.candidatesForPhone('+12065550101')).toHaveLength(1);
    expect(index.candidatesForPhone('+15550000003')).toEqual([]);
  });

  it('exports every record, including ones without a phone', () => {
    const index = createCallerIndex();
    index.upsertSite(site('s1', { mainPhones: ['(206) 555-0100'] }));
    index.upsertProfile(profile('p1', 's1', { email: 'dana@acme.com' }));
    expect(index.phoneKeys()).toEqual({
      siteIds: ['s1'],
      siteKeys: ['+12065550100'],
      profileIds: ['p1'],
      profileKeys: [''],
    });
    expect(index.snapshotLines()).toEqual({ sites: 's1\t+12065550100', profiles: 'p1\ts1\tdana@acme.com\t' });
  });
});
