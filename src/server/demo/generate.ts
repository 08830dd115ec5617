/**
 * Deterministic demo directory generator: the same options and seed always give the same records,
 * valid by the shared schemas. `sites`, `profiles` and `references` count generated records; the
 * fixed fixtures (fixtures.ts) are always included on top, first.
 */
import type { ClientProfile, Phone, Reference, Site } from '../../shared/domain/index.js';
import { COUNTRIES, COUNTRY_WEIGHTS, type CountryProfile } from './countryProfiles.js';
import { FIXTURE_PROFILES, FIXTURE_REFERENCES, FIXTURE_SITES } from './fixtures.js';
import {
  COMPANY_FIRST,
  COMPANY_SECOND,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  PUBLIC_MAIL_DOMAINS,
  SITE_MESSAGES,
  TRADE_NAMES,
  asciiSlug,
} from './nameData.js';
import { mulberry32, type Rng } from './prng.js';
import { REFERENCE_TOPICS, RMM_TAG, SECURITY_TAG, type ReferenceTopic } from './referenceTemplates.js';

export interface GenerateOptions {
  sites: number;
  profiles: number;
  references: number;
  seed: number | string;
}

export interface GeneratedDirectory {
  sites: Site[];
  profiles: ClientProfile[];
  references: Reference[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function pickCountry(rng: Rng): CountryProfile {
  const total = COUNTRY_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [code, w] of COUNTRY_WEIGHTS) if ((r -= w) < 0) return COUNTRIES[code];
  return COUNTRIES.US;
}

/** Adds "-2", "-3", … until `base` is unused. */
function unique(used: Set<string>, base: string, join = '-'): string {
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${join}${i}`;
  used.add(name);
  return name;
}

function makeSite(rng: Rng, index: number, usedDomains: Set<string>, usedNames: Set<string>): Site {
  const country = pickCountry(rng);
  const city = rng.pick(country.cities);
  const trades = TRADE_NAMES[country.code];
  const base =
    trades && rng.chance(0.35)
      ? `${rng.pick(trades)} ${rng.pick(LAST_NAMES)}`
      : `${rng.pick(COMPANY_FIRST)} ${rng.pick(COMPANY_SECOND)}`;
  const core = unique(usedNames, usedNames.has(base) ? `${base} ${city.name}` : base, ' ');
  const suffix = rng.pick(country.companySuffixes);
  const companyName = suffix ? `${core} ${suffix}` : core;
  const noClientEmailDomain = rng.chance(0.06);
  const main = country.landline(rng, city);
  const mainPhones = [rng.chance(0.6) ? main.national : main.international];
  if (rng.chance(0.15)) mainPhones.push(country.landline(rng, city).national);
  return {
    id: `site-${pad(index, 5)}`,
    name: `${companyName} — ${city.name}`,
    companyName,
    ...(rng.chance(0.3) ? { callerGreeting: `${core} IT Help Desk` } : {}),
    mainPhones,
    ...(noClientEmailDomain ? {} : { emailDomain: unique(usedDomains, asciiSlug(core, '-'), '') + '.example' }),
    noClientEmailDomain,
    ...(rng.chance(0.1) ? { siteMessage: rng.pick(SITE_MESSAGES) } : {}),
    rmmAgentOptIn: rng.chance(0.4),
    country: country.code,
    timeZone: city.timeZone,
  };
}

function makePhones(rng: Rng, site: Site): Phone[] {
  const home = COUNTRIES[site.country as keyof typeof COUNTRIES];
  const phones: Phone[] = [];
  const count = rng.pick([0, 1, 1, 1, 2, 2, 2, 2, 3, 3]);
  for (let i = 0; i < count; i++) {
    const type = i === 0 ? 'office' : i === 1 ? 'mobile' : rng.pick(['home', 'mobile', 'other'] as const);
    if (type === 'mobile') {
      const abroad = rng.chance(0.1);
      const country = abroad ? pickCountry(rng) : home;
      const written = country.mobile(rng);
      const carrier = rng.chance(0.7) ? rng.pick(country.carriers) : undefined;
      phones.push({
        // Abroad in national format only works with an explicit country: exactly the case to test.
        number: rng.chance(0.5) ? written.national : written.international,
        type,
        ...(abroad || rng.chance(0.3) ? { country: country.code } : {}),
        ...(carrier
          ? { provider: carrier.name, ...(carrier.smsGateway ? { smsGateway: carrier.smsGateway } : {}) }
          : {}),
      });
    } else {
      const written = home.landline(rng, rng.pick(home.cities));
      const ext = type === 'office' && rng.chance(0.1) ? ` ext. ${rng.int(100, 499)}` : '';
      phones.push({ number: (rng.chance(0.65) ? written.national : written.international) + ext, type });
    }
  }
  return phones;
}

function makeProfile(rng: Rng, index: number, sites: readonly Site[], usedEmails: Set<string>): ClientProfile {
  // Skewed: a few large sites, many small ones.
  const site = sites[Math.floor(rng.next() ** 2 * sites.length)]!;
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const domain = site.emailDomain ?? rng.pick(PUBLIC_MAIL_DOMAINS);
  const local = `${asciiSlug(firstName, '-')}.${asciiSlug(lastName, '-')}`;
  let email: string | undefined;
  if (rng.chance(0.92)) {
    email = `${local}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
    usedEmails.add(email);
  }
  return {
    id: `prof-${pad(index, 6)}`,
    siteId: site.id,
    firstName,
    lastName,
    ...(email ? { email } : {}),
    phones: makePhones(rng, site),
    thinClient: rng.chance(0.08),
    psaContact: rng.chance(0.55),
    ...(rng.chance(0.5) ? { title: rng.pick(JOB_TITLES) } : {}),
  };
}

/** Every topic × slot once, in a seeded shuffle: references repeat a subject only once all are used. */
function referenceDeck(rng: Rng): { topic: ReferenceTopic; slot: string }[] {
  const deck = REFERENCE_TOPICS.flatMap((topic) => topic.slots.map((slot) => ({ topic, slot })));
  for (let i = deck.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [deck[i], deck[j]] = [deck[j]!, deck[i]!];
  }
  return deck;
}

function makeReference(
  rng: Rng,
  index: number,
  sites: readonly Site[],
  card: { topic: ReferenceTopic; slot: string },
): Reference {
  const { topic, slot } = card;
  const allSites = rng.chance(0.03);
  const assigned = allSites
    ? []
    : [...new Set(Array.from({ length: rng.chance(0.8) ? 1 : rng.int(2, 3) }, () => rng.pick(sites)))];
  const tags = new Set(topic.tags);
  if (topic.security) tags.add(SECURITY_TAG);
  if (topic.subject.includes('RMM agent') && rng.chance(0.5)) tags.add(RMM_TAG);
  const subject = topic.subject.replace('{x}', slot);
  const first = assigned.length === 1 ? assigned[0] : undefined;
  return {
    id: `ref-${pad(index, 5)}`,
    subject: first ? `${subject} — ${first.companyName}` : subject,
    tags: [...tags],
    allSites,
    siteIds: assigned.map((s) => s.id),
    kind: topic.kind,
    body: {
      summary: `${subject}. Follow the steps below; note the outcome in the ticket.`,
      symptoms: [...(topic.symptoms ?? [])],
      steps: [...topic.steps],
      durationMinutes: topic.minutes,
      ...(topic.escalation ? { escalation: { ...topic.escalation } } : {}),
    },
  };
}

const SERVER_ROLES: ReadonlyArray<[string, string]> = [
  ['DC01', 'Domain controller, DNS'],
  ['FS01', 'File server'],
  ['RDS01', 'Terminal server for thin clients'],
  ['APP01', 'Line-of-business application server'],
  ['PRN01', 'Print server'],
  ['BK01', 'Backup appliance'],
];
const NETWORK_NOTES = [
  'Power-cycling the router is allowed; ask the caller to wait 5 minutes before testing.',
  'Guest Wi-Fi password changes every Monday; reception has it.',
  'Shared drives: S: (shared), H: (home). Map with the login script.',
  'Firewall and VPN changes go to the NOC.',
];

/**
 * Network info for a generated site. Uses its own random stream (seeded by the site id) so adding it
 * leaves every other generated value exactly as before.
 */
function withNetwork(site: Site, seed: number | string): Site {
  const rng = mulberry32(`${seed}:network:${site.id}`);
  if (rng.chance(0.2)) return site;
  const prefix = asciiSlug(site.companyName, '').slice(0, 4).toUpperCase() || 'SRV';
  const subnet = `10.${rng.int(1, 250)}.${rng.int(0, 250)}`;
  const servers = SERVER_ROLES.filter((_, i) => i === 0 || rng.chance(0.45)).map(([name, role], i) => ({
    name: `${prefix}-${name}`,
    role,
    address: `${subnet}.${10 + i * 10}`,
  }));
  return {
    ...site,
    network: {
      ...(site.emailDomain ? { domain: `corp.${site.emailDomain}` } : {}),
      servers,
      ...(rng.chance(0.6) ? { notes: rng.pick(NETWORK_NOTES) } : {}),
    },
  };
}

export function generateDirectory(options: GenerateOptions): GeneratedDirectory {
  const rng = mulberry32(options.seed);
  const usedDomains = new Set(
    FIXTURE_SITES.flatMap((s) => (s.emailDomain ? [s.emailDomain.replace(/\.[^.]+$/, '')] : [])),
  );
  const usedNames = new Set<string>();
  const usedEmails = new Set(FIXTURE_PROFILES.flatMap((p) => (p.email ? [p.email] : [])));

  const generatedSites = Array.from({ length: options.sites }, (_, i) => makeSite(rng, i + 1, usedDomains, usedNames));
  const sitesWithNetwork = generatedSites.map((s) => withNetwork(s, options.seed));
  const sites = [...FIXTURE_SITES, ...sitesWithNetwork];
  const pool = generatedSites.length > 0 ? generatedSites : FIXTURE_SITES;
  const profiles = [
    ...FIXTURE_PROFILES,
    ...Array.from({ length: options.profiles }, (_, i) => makeProfile(rng, i + 1, pool, usedEmails)),
  ];
  const deck = referenceDeck(rng);
  const references = [
    ...FIXTURE_REFERENCES,
    ...Array.from({ length: options.references }, (_, i) => makeReference(rng, i + 1, pool, deck[i % deck.length]!)),
  ];
  return { sites, profiles, references };
}
