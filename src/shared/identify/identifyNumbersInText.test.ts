import { describe, expect, it } from 'vitest';
import { createCallerIndex, identifyNumbersInText } from './index.js';
import { phone, profile, site } from './testDirectory.testkit.js';

/** A US-majority directory with clients in Germany, the UK, France, Australia, Switzerland and Japan. */
function directory() {
  const index = createCallerIndex();
  index.upsertSite(site('irvine', { mainPhones: ['(949) 431-0000'] }));
  index.upsertSite(site('seattle', { mainPhones: ['(206) 555-0100'] }));
  index.upsertSite(site('boston', { mainPhones: ['617-555-0163'] }));
  index.upsertSite(site('bogen', { country: 'DE', mainPhones: ['09422 1000'] }));
  index.upsertSite(site('london', { country: 'GB', mainPhones: ['020 7946 0958'] }));
  index.upsertSite(site('paris', { country: 'FR', mainPhones: ['01 42 68 53 00'] }));
  index.upsertSite(site('sydney', { country: 'AU', mainPhones: ['(02) 9374 4000'] }));
  index.upsertSite(site('zurich', { country: 'CH', mainPhones: ['044 668 18 00'] }));
  index.upsertSite(site('tokyo', { country: 'JP', mainPhones: ['03-3224-9999'] }));
  index.upsertProfile(profile('dana', 'seattle', { phones: [phone('206 555 0101')] }));
  index.upsertProfile(profile('pat', 'london', { phones: [phone('07700 900123')] }));
  index.upsertProfile(profile('sam', 'sydney', { phones: [phone('0412 345 678')] }));
  index.upsertProfile(profile('lena', 'bogen', { phones: [phone('0151 23456789')] }));
  return index;
}

/** What a signature yields: each number's E.164, extension and the site it matched (or none). */
function found(text: string, country?: string) {
  return identifyNumbersInText(directory(), text, country ? { country } : {}).map((n) => [
    n.e164,
    n.extension ?? null,
    n.candidates[0]?.siteId ?? null,
  ]);
}

describe('identifyNumbersInText', () => {
  it.each([
    [
      'DE phone and fax',
      'Tel 09422 1000 · Fax 09422 805000',
      [
        ['+4994221000', null, 'bogen'],
        ['+499422805000', null, null],
      ],
    ],
    [
      'US phone and fax, international',
      'P: +1 (949) 431 0000 F: +1 (949) 431 0001',
      [
        ['+19494310000', null, 'irvine'],
        ['+19494310001', null, null],
      ],
    ],
    [
      'US office with extension and mobile',
      'Dana Reyes | IT Manager\nO: (206) 555-0100 ext. 214 | M: 206.555.0101',
      [
        ['+12065550100', '214', 'seattle'],
        ['+12065550101', null, 'seattle'],
      ],
    ],
    [
      'UK switchboard with extension and mobile',
      'Pat Jones\nContoso Ltd, London\nT: 020 7946 0958 ext 3310\nM: 07700 900123',
      [
        ['+442079460958', '3310', 'london'],
        ['+447700900123', null, 'london'],
      ],
    ],
    [
      'UK written with +44 (0)',
      'Tel: +44 (0)20 7946 0958 | Fax: +44 (0)20 7946 0959',
      [
        ['+442079460958', null, 'london'],
        ['+442079460959', null, null],
      ],
    ],
    [
      'French standard and fax',
      'Standard : 01 42 68 53 00 — Télécopie : 01 42 68 53 01',
      [
        ['+33142685300', null, 'paris'],
        ['+33142685301', null, null],
      ],
    ],
    [
      'Australian office and mobile',
      'Sam Taylor, Bluebird Dental\nPh (02) 9374 4000 | Mob 0412 345 678',
      [
        ['+61293744000', null, 'sydney'],
        ['+61412345678', null, 'sydney'],
      ],
    ],
    [
      'German mobile with a postcode that is not a number',
      'Lena Huber · Hauptstr. 12 · 94327 Bogen · Mobil 0151 23456789',
      [['+4915123456789', null, 'bogen']],
    ],
    [
      'Swiss Zentrale and Durchwahl',
      'Zentrale +41 44 668 18 00, direkt 044 668 18 12',
      [
        ['+41446681800', null, 'zurich'],
        ['+41446681812', null, null],
      ],
    ],
    ['Japanese office', '代表 03-3224-9999（受付 9:00〜18:00）', [['+81332249999', null, 'tokyo']]],
    [
      'Mixed signature over two countries',
      'US: +1 617 555 0163 | UK: 020 7946 0958 x 12',
      [
        ['+16175550163', null, 'boston'],
        ['+442079460958', '12', 'london'],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('gives each number its own candidates and ambiguity, in text order, with where it was found', () => {
    const index = directory();
    index.upsertSite(site('utrecht', { country: 'NL', mainPhones: ['030 123 4567'] }));
    index.upsertSite(site('berlin', { country: 'DE', mainPhones: ['030 1234567'] }));
    const text = 'Berlin office 030 1234567, Seattle (206) 555-0100';
    const numbers = identifyNumbersInText(index, text, { country: 'NL' });
    expect(numbers.map((n) => [n.input, n.ambiguous, n.candidates.map((c) => c.siteId)])).toEqual([
      ['030 1234567', true, ['utrecht', 'berlin']],
      ['(206) 555-0100', false, ['seattle']],
    ]);
    expect(text.slice(numbers[1]!.startsAt, numbers[1]!.endsAt)).toBe('(206) 555-0100');
  });

  it('finds nothing in text without numbers, and only international numbers in an empty directory', () => {
    expect(identifyNumbersInText(directory(), 'Best regards, Dana — see you Tuesday at 10:30')).toEqual([]);
    expect(
      identifyNumbersInText(createCallerIndex(), 'call 020 7946 0958 or +44 20 7946 0958').map((n) => n.e164),
    ).toEqual(['+442079460958']);
  });

  it('reads at most 2,000 characters', () => {
    const text = `${'x'.repeat(1995)} +1 206 555 0100`;
    expect(identifyNumbersInText(directory(), text)).toEqual([]);
  });
});
