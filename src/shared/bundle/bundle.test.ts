import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, bundleJsonSchema, formatPath } from './bundle.js';
import { checkBundle, recordOf } from './checkBundle.js';

const site = (id: string) => ({ id, name: `Site ${id}`, companyName: 'Co', country: 'US' });
const profile = (id: string, siteId: string, extra: object = {}) => ({
  id,
  siteId,
  firstName: 'A',
  lastName: 'B',
  ...extra,
});
const bundle = (parts: object = {}) => ({
  format: BUNDLE_FORMAT,
  version: 1,
  sites: [site('s1'), site('s2')],
  profiles: [],
  references: [],
  policies: [],
  ...parts,
});

describe('directory bundle', () => {
  it('formats issue paths as profiles[12].phones[0].country', () => {
    expect(formatPath(['profiles', 12, 'phones', 0, 'country'])).toBe('profiles[12].phones[0].country');
    expect(formatPath([])).toBe('(bundle)');
    expect(recordOf('profiles[12].phones[0].country')).toBe('profiles[12]');
    expect(recordOf('format')).toBe('format');
  });

  it('reports every schema failure with its path, and counts failed records', () => {
    const profiles = Array.from({ length: 14 }, (_, i) => profile(`p${i}`, 's1'));
    profiles[12] = profile('p12', 's1', { phones: [{ number: '555', country: 'usa' }], email: 'nope' });
    profiles[3] = profile('p3', 's1', { firstName: '' });
    const r = checkBundle(bundle({ profiles }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failures.map((f) => f.path)).toEqual([
      'profiles[3].firstName',
      'profiles[12].email',
      'profiles[12].phones[0].country',
    ]);
    expect(r.failures[2]!.message).toMatch(/two-letter ISO 3166/);
    expect(r.failedRecords).toBe(2);
  });

  it('refuses a file that is not a bundle, or misses a list (which would delete everything of that kind)', () => {
    const r = checkBundle({ sites: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failures.map((f) => f.path)).toEqual(['format', 'version', 'profiles', 'references', 'policies']);
    expect(r.failures[0]!.message).toMatch(/not a Callsign directory bundle/);
  });

  it('checks links: unique ids, sites of profiles, policies and references', () => {
    const r = checkBundle(
      bundle({
        sites: [site('s1'), site('s2'), site('s1')],
        profiles: [profile('p1', 's1'), profile('p2', 'gone')],
        references: [{ id: 'r1', subject: 'VPN', kind: 'how_to', body: {}, siteIds: ['s2', 'nowhere'] }],
        policies: [{ siteId: 's9', policies: {} }],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failures).toEqual([
      { path: 'sites[2].id', message: 'duplicate id "s1" (also sites[0])' },
      { path: 'profiles[1].siteId', message: expect.stringContaining('no site "gone"') },
      { path: 'policies[0].siteId', message: expect.stringContaining('no site "s9"') },
      { path: 'references[0].siteIds[1]', message: expect.stringContaining('no site "nowhere"') },
    ]);
    expect(r.failedRecords).toBe(4);
  });

  it('accepts a valid bundle, applying schema defaults', () => {
    const r = checkBundle(bundle({ profiles: [profile('p1', 's2')] }));
    expect(r.ok && r.bundle.profiles[0]).toMatchObject({ phones: [], thinClient: false });
  });

  it('docs/bundle.schema.json is the current JSON Schema (update: npx vitest run -u src/shared/bundle)', async () => {
    const schema = bundleJsonSchema();
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['format', 'version', 'sites', 'profiles', 'references', 'policies'],
    });
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../../../docs/bundle.schema.json');
  });
});
