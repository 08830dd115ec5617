import { describe, expect, it } from 'vitest';
import { ClientProfile, Reference, Site } from '../../shared/domain/index.js';
import { normalizePhone } from '../../shared/phone/normalizePhone.js';
import { generateDirectory } from './generate.js';
import { mulberry32 } from './prng.js';

const options = { sites: 60, profiles: 1500, references: 200, seed: 7 };

describe('generateDirectory', () => {
  it('is deterministic: same seed, same output; another seed, another output', () => {
    expect(generateDirectory(options)).toEqual(generateDirectory(options));
    expect(generateDirectory({ ...options, seed: 'seven' })).toEqual(generateDirectory({ ...options, seed: 'seven' }));
    expect(generateDirectory({ ...options, seed: 8 }).profiles).not.toEqual(generateDirectory(options).profiles);
    expect(mulberry32(1).next()).toBe(mulberry32(1).next());
  });

  it('produces records valid by the shared schemas (parsing changes nothing), with unique ids', () => {
    const d = generateDirectory(options);
    expect(d.sites).toHaveLength(60 + 5);
    expect(d.profiles).toHaveLength(1500 + 3);
    expect(d.references).toHaveLength(200 + 5);
    for (const s of d.sites) expect(Site.parse(s)).toEqual(s);
    for (const p of d.profiles) expect(ClientProfile.parse(p)).toEqual(p);
    for (const r of d.references) expect(Reference.parse(r)).toEqual(r);
    for (const list of [d.sites, d.profiles, d.references])
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    const siteIds = new Set(d.sites.map((s) => s.id));
    expect(d.profiles.every((p) => siteIds.has(p.siteId))).toBe(true);
    expect(d.references.every((r) => r.siteIds.every((id) => siteIds.has(id)))).toBe(true);
  });

  it('writes every phone so that it normalises with its own or the site country', () => {
    const d = generateDirectory(options);
    const country = new Map(d.sites.map((s) => [s.id, s.country]));
    const failures: string[] = [];
    for (const s of d.sites)
      for (const n of s.mainPhones) if (!normalizePhone(n, s.country).ok) failures.push(`${s.country} ${n}`);
    for (const p of d.profiles) {
      for (const ph of p.phones)
        if (!normalizePhone(ph.number, ph.country ?? country.get(p.siteId)).ok)
          failures.push(`${ph.country} ${ph.number}`);
    }
    expect(failures).toEqual([]);
  });

  it('has the variety the UI and lookups need', () => {
    const d = generateDirectory({ sites: 300, profiles: 5000, references: 600, seed: 1 });
    const phones = d.profiles.flatMap((p) => p.phones);
    expect(new Set(d.sites.map((s) => s.country))).toEqual(new Set(['US', 'CA', 'GB', 'DE', 'AU', 'FR']));
    expect(phones.some((p) => p.number.startsWith('+'))).toBe(true);
    expect(phones.some((p) => !p.number.startsWith('+'))).toBe(true);
    expect(phones.some((p) => p.smsGateway === '@vtext.com' && p.provider === 'Verizon')).toBe(true);
    expect(d.profiles.some((p) => /[éëøØ']/.test(p.firstName + p.lastName))).toBe(true);
    expect(d.sites.filter((s) => s.noClientEmailDomain).length).toBeGreaterThan(0);
    const generatedSites = d.sites.filter((s) => /^site-\d/.test(s.id));
    expect(generatedSites.every((s) => s.noClientEmailDomain || s.emailDomain?.endsWith('.example'))).toBe(true);
    expect(new Set(d.references.map((r) => r.kind))).toEqual(new Set(['known_error', 'how_to', 'other']));
    expect(d.references.some((r) => r.tags.includes('Security-Related Requests'))).toBe(true);
    expect(d.references.some((r) => r.tags.includes('rmm-preapproved'))).toBe(true);
    expect(d.references.some((r) => r.allSites)).toBe(true);
    // US numbers stay in the fictional 555-01xx range.
    const us = phones
      .map((p) => normalizePhone(p.number, 'US'))
      .flatMap((n) => (n.ok && n.e164.startsWith('+1') ? [n.e164] : []));
    expect(us.length).toBeGreaterThan(100);
    expect(us.every((e) => /^\+1\d{3}55501\d\d$/.test(e))).toBe(true);
  });

  it('gives demo references the variety of a real knowledge base: no title ten times, body fits the title', () => {
    const d = generateDirectory({ sites: 50, profiles: 100, references: 300, seed: 'callsign-demo' });
    const generated = d.references.filter((r) => /^ref-\d/.test(r.id));
    const base = (r: { subject: string }) => r.subject.split(' — ')[0]!;
    const counts = new Map<string, number>();
    for (const r of generated) counts.set(base(r), (counts.get(base(r)) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    expect(counts.size).toBeGreaterThan(150);
    for (const r of generated) {
      expect(r.body.summary.startsWith(base(r))).toBe(true);
      expect(new Set(r.body.steps).size).toBe(r.body.steps.length); // no step repeated within an article
    }
    // MFA articles talk about MFA, printer articles about printers.
    const mfa = generated.find((r) => r.subject.startsWith("Reset a user's MFA"))!;
    expect(mfa.tags).toEqual(expect.arrayContaining(['MFA', 'Security-Related Requests']));
    expect(mfa.body.steps.join(' ')).toContain('Entra ID');
  });

  it('always includes the fixtures with their exact values and never reuses their numbers', () => {
    const d = generateDirectory({ ...options, seed: 99 });
    expect(d.sites.find((s) => s.id === 'site-northwind')).toMatchObject({
      name: 'Northwind Traders — Seattle',
      mainPhones: ['+1 206 555 0100'],
      emailDomain: 'northwindtraders.com',
      siteMessage: 'Email is down tonight 22:00–23:00 for maintenance. Do not reset passwords for the finance team.',
      rmmAgentOptIn: true,
    });
    expect(d.profiles.find((p) => p.id === 'prof-dana')!.phones[1]).toEqual({
      number: '(206) 555-0102',
      type: 'office',
    });
    const fixtureNumbers = [
      '+12065550100',
      '+12065550101',
      '+12065550102',
      '+442079460958',
      '+447700900123',
      '+13125550199',
      '+61293744000',
      '+61412345678',
    ];
    const generated = d.profiles
      .filter((p) => /^prof-\d/.test(p.id))
      .flatMap((p) => p.phones.map((ph) => normalizePhone(ph.number, ph.country ?? 'US')));
    expect(generated.filter((n) => n.ok && fixtureNumbers.includes(n.e164))).toEqual([]);
  });
});
