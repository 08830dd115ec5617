/**
 * Per-country data for the demo generator: cities (with time zones), company suffixes, mobile
 * carriers and phone numbers in each country's own written format. Numbers come from ranges
 * reserved for drama and documentation where regulators publish them (NANP 555-0100…0199, Ofcom
 * 020 7946 0xxx / 0113 496 0xxx / 07700 900xxx, ACMA 02 5550 xxxx / 0491 57x xxx, ARCEP 01 99 00 …);
 * for Germany and French mobiles, which have none, plausible valid-format numbers.
 * The demo fixtures' numbers are never produced here, so fixture lookups stay unambiguous.
 */
import type { CountryCode } from '../../shared/domain/index.js';
import type { Rng } from './prng.js';

export interface Carrier {
  name: string;
  smsGateway?: string;
}

/** A number written both ways: as people in the country write it, and with +CC. */
export interface WrittenNumber {
  national: string;
  international: string;
}

export interface City {
  name: string;
  timeZone: string;
  /** Area prefix used for landlines in this city. */
  area: string;
}

export interface CountryProfile {
  code: CountryCode;
  cities: readonly City[];
  companySuffixes: readonly string[];
  carriers: readonly Carrier[];
  landline(rng: Rng, city: City): WrittenNumber;
  mobile(rng: Rng): WrittenNumber;
}

const nanpLandline = (rng: Rng, city: City): WrittenNumber => {
  const line = `01${rng.digits(2)}`;
  const style = rng.int(0, 2);
  const national =
    style === 0 ? `(${city.area}) 555-${line}` : style === 1 ? `${city.area}-555-${line}` : `${city.area}.555.${line}`;
  return { national, international: rng.chance(0.5) ? `+1 ${city.area} 555 ${line}` : `+1-${city.area}-555-${line}` };
};

const US_CITIES: City[] = [
  ['New York', 'America/New_York', '212'],
  ['Boston', 'America/New_York', '617'],
  ['Atlanta', 'America/New_York', '404'],
  ['Miami', 'America/New_York', '305'],
  ['Raleigh', 'America/New_York', '919'],
  ['Tampa', 'America/New_York', '813'],
  ['Austin', 'America/Chicago', '512'],
  ['Houston', 'America/Chicago', '713'],
  ['Dallas', 'America/Chicago', '214'],
  ['Nashville', 'America/Chicago', '615'],
  ['St. Louis', 'America/Chicago', '314'],
  ['Denver', 'America/Denver', '720'],
  ['Salt Lake City', 'America/Denver', '801'],
  ['Phoenix', 'America/Phoenix', '602'],
  ['Las Vegas', 'America/Los_Angeles', '702'],
  ['San Francisco', 'America/Los_Angeles', '415'],
  ['Los Angeles', 'America/Los_Angeles', '213'],
  ['San Diego', 'America/Los_Angeles', '858'],
  ['Portland', 'America/Los_Angeles', '503'],
  ['Bellevue', 'America/Los_Angeles', '425'],
  ['Anchorage', 'America/Anchorage', '907'],
  ['Honolulu', 'Pacific/Honolulu', '808'],
  ['Boise', 'America/Boise', '208'],
  ['Omaha', 'America/Chicago', '402'],
].map(([name, timeZone, area]) => ({ name: name!, timeZone: timeZone!, area: area! }));

const CA_CITIES: City[] = [
  ['Toronto', 'America/Toronto', '416'],
  ['Mississauga', 'America/Toronto', '905'],
  ['Ottawa', 'America/Toronto', '613'],
  ['Montréal', 'America/Toronto', '514'],
  ['Québec', 'America/Toronto', '418'],
  ['Vancouver', 'America/Vancouver', '604'],
  ['Victoria', 'America/Vancouver', '250'],
  ['Calgary', 'America/Edmonton', '403'],
  ['Edmonton', 'America/Edmonton', '780'],
  ['Winnipeg', 'America/Winnipeg', '204'],
  ['Saskatoon', 'America/Regina', '306'],
  ['Halifax', 'America/Halifax', '902'],
].map(([name, timeZone, area]) => ({ name: name!, timeZone: timeZone!, area: area! }));

/** Ofcom drama ranges: area code + local prefix; London avoids 0958 (a fixture). */
const GB_CITIES: City[] = [
  ['London', '20 7946 0'],
  ['Leeds', '113 496 0'],
  ['Sheffield', '114 496 0'],
  ['Newcastle upon Tyne', '191 498 0'],
  ['Leicester', '116 496 0'],
  ['Bristol', '117 496 0'],
  ['Reading', '118 496 0'],
  ['Birmingham', '121 496 0'],
  ['Edinburgh', '131 496 0'],
  ['Glasgow', '141 496 0'],
  ['Liverpool', '151 496 0'],
  ['Manchester', '161 496 0'],
].map(([name, area]) => ({ name: name!, timeZone: 'Europe/London', area: area! }));

const DE_CITIES: City[] = [
  ['Berlin', '30'],
  ['Hamburg', '40'],
  ['München', '89'],
  ['Köln', '221'],
  ['Frankfurt am Main', '69'],
  ['Stuttgart', '711'],
  ['Düsseldorf', '211'],
  ['Leipzig', '341'],
  ['Nürnberg', '911'],
  ['Bremen', '421'],
].map(([name, area]) => ({ name: name!, timeZone: 'Europe/Berlin', area: area! }));

/** ACMA fictional landline blocks (area digit + 4-digit exchange). */
const AU_CITIES: City[] = [
  ['Sydney', 'Australia/Sydney', '2 5550'],
  ['Newcastle', 'Australia/Sydney', '2 7010'],
  ['Melbourne', 'Australia/Melbourne', '3 7010'],
  ['Geelong', 'Australia/Melbourne', '3 5550'],
  ['Brisbane', 'Australia/Brisbane', '7 5550'],
  ['Gold Coast', 'Australia/Brisbane', '7 7010'],
  ['Perth', 'Australia/Perth', '8 5550'],
  ['Adelaide', 'Australia/Adelaide', '8 7010'],
].map(([name, timeZone, area]) => ({ name: name!, timeZone: timeZone!, area: area! }));

/** ARCEP fictional blocks per region. */
const FR_CITIES: City[] = [
  ['Paris', '1 99 00'],
  ['Versailles', '1 99 00'],
  ['Rennes', '2 61 91'],
  ['Nantes', '2 61 91'],
  ['Lille', '3 53 01'],
  ['Strasbourg', '3 53 01'],
  ['Lyon', '4 65 71'],
  ['Marseille', '4 65 71'],
  ['Bordeaux', '5 36 49'],
  ['Toulouse', '5 36 49'],
].map(([name, area]) => ({ name: name!, timeZone: 'Europe/Paris', area: area! }));

const pairs = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.digits(2)).join(' ');

export const COUNTRIES: Record<'US' | 'CA' | 'GB' | 'DE' | 'AU' | 'FR', CountryProfile> = {
  US: {
    code: 'US',
    cities: US_CITIES,
    companySuffixes: ['LLC', 'Inc.', 'Group', 'Partners', ''],
    carriers: [
      { name: 'AT&T', smsGateway: '@txt.att.com' },
      { name: 'Verizon', smsGateway: '@vtext.com' },
      { name: 'T-Mobile', smsGateway: '@tmomail.net' },
    ],
    landline: nanpLandline,
    mobile: (rng) => nanpLandline(rng, rng.pick(US_CITIES)),
  },
  CA: {
    code: 'CA',
    cities: CA_CITIES,
    companySuffixes: ['Ltd.', 'Inc.', 'Corp.', ''],
    carriers: [
      { name: 'Rogers', smsGateway: '@pcs.rogers.com' },
      { name: 'Bell', smsGateway: '@txt.bell.ca' },
      { name: 'Telus', smsGateway: '@msg.telus.com' },
    ],
    landline: nanpLandline,
    mobile: (rng) => nanpLandline(rng, rng.pick(CA_CITIES)),
  },
  GB: {
    code: 'GB',
    cities: GB_CITIES,
    companySuffixes: ['Ltd', 'LLP', 'plc', 'Ltd'],
    carriers: [{ name: 'EE' }, { name: 'Vodafone UK' }, { name: 'O2 UK' }, { name: 'Three' }],
    landline: (rng, city) => {
      const n = `${city.area}${String(rng.int(0, 899)).padStart(3, '0')}`;
      return { national: `0${n}`, international: `+44 ${n}` };
    },
    mobile: (rng) => {
      const n = `7700 900${rng.int(200, 999)}`;
      return { national: `0${n}`, international: `+44 ${n}` };
    },
  },
  DE: {
    code: 'DE',
    cities: DE_CITIES,
    companySuffixes: ['GmbH', 'GmbH & Co. KG', 'AG', 'e.K.'],
    carriers: [{ name: 'Telekom' }, { name: 'Vodafone' }, { name: 'O2 Telefónica' }],
    landline: (rng, city) => {
      const subscriber = `${rng.int(2, 9)}${rng.digits(city.area.length === 2 ? 7 : 6)}`;
      return { national: `0${city.area} ${subscriber}`, international: `+49 ${city.area} ${subscriber}` };
    },
    mobile: (rng) => {
      const [prefix, len] = rng.pick([
        ['151', 8],
        ['160', 7],
        ['170', 7],
        ['171', 7],
        ['176', 8],
      ] as const);
      const n = `${prefix} ${rng.int(2, 9)}${rng.digits(len - 1)}`;
      return { national: `0${n}`, international: `+49 ${n}` };
    },
  },
  AU: {
    code: 'AU',
    cities: AU_CITIES,
    companySuffixes: ['Pty Ltd', 'Pty Ltd', 'Co.'],
    carriers: [{ name: 'Telstra' }, { name: 'Optus' }, { name: 'Vodafone AU' }],
    landline: (rng, city) => {
      const [d, exch] = city.area.split(' ') as [string, string];
      const line = rng.digits(4);
      return {
        national: rng.chance(0.7) ? `(0${d}) ${exch} ${line}` : `0${d} ${exch} ${line}`,
        international: `+61 ${d} ${exch} ${line}`,
      };
    },
    mobile: (rng) => {
      const n = `491 57${rng.int(0, 9)} ${rng.digits(3)}`;
      return { national: `0${n}`, international: `+61 ${n}` };
    },
  },
  FR: {
    code: 'FR',
    cities: FR_CITIES,
    companySuffixes: ['SARL', 'SAS', 'SA'],
    carriers: [{ name: 'Orange' }, { name: 'SFR' }, { name: 'Bouygues Telecom' }, { name: 'Free Mobile' }],
    landline: (rng, city) => {
      const tail = pairs(rng, 2);
      return { national: `0${city.area} ${tail}`, international: `+33 ${city.area} ${tail}` };
    },
    mobile: (rng) => {
      const n = `6 00 0${rng.int(0, 9)} ${pairs(rng, 2)}`;
      return { national: `0${n}`, international: `+33 ${n}` };
    },
  },
};

/** Country mix of generated sites (weights). */
export const COUNTRY_WEIGHTS: ReadonlyArray<readonly [keyof typeof COUNTRIES, number]> = [
  ['US', 40],
  ['GB', 15],
  ['CA', 12],
  ['DE', 12],
  ['AU', 11],
  ['FR', 10],
];
