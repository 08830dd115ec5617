import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../shared/domain/index.js';
import { appliesToSite, filterReferences, sortReferences } from './filterReferences.js';

const ref = (id: string, subject: string, extra: Partial<Reference> = {}): Reference => ({
  id,
  subject,
  tags: [],
  allSites: false,
  siteIds: ['s1'],
  kind: 'other',
  body: { summary: '', symptoms: [], steps: [] },
  ...extra,
});

const refs = [
  ref('r1', 'Outlook keeps asking for a password', {
    kind: 'known_error',
    tags: ['Email'],
    body: {
      summary: 'Cached credentials',
      symptoms: ['Prompt every few minutes'],
      steps: ['Clear Credential Manager'],
    },
  }),
  ref('r2', 'Map the shared drive', { kind: 'how_to', tags: ['Network'] }),
  ref('r3', 'Verify the caller', { kind: 'other', allSites: true, siteIds: [], tags: ['Security-Related Requests'] }),
  ref('r4', 'Printer offline', { kind: 'known_error', siteIds: ['s2'] }),
];
const ids = (rs: Reference[]) => rs.map((r) => r.id);

describe('references for a site', () => {
  it("includes the site's own and all-site references, site ones first", () => {
    const forS1 = refs.filter((r) => appliesToSite(r, 's1'));
    expect(ids(forS1)).toEqual(['r1', 'r2', 'r3']);
    expect(ids(sortReferences([refs[2]!, refs[1]!, refs[0]!], 'en-US'))).toEqual(['r2', 'r1', 'r3']);
  });
});

describe('filterReferences', () => {
  it('filters by kind; no kinds selected shows all', () => {
    expect(ids(filterReferences(refs, { kinds: [], text: '' }))).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(ids(filterReferences(refs, { kinds: ['known_error'], text: '' }))).toEqual(['r1', 'r4']);
    expect(ids(filterReferences(refs, { kinds: ['how_to', 'other'], text: '' }))).toEqual(['r2', 'r3']);
  });

  it('matches every word in subject, tags and body, case- and accent-insensitively', () => {
    expect(ids(filterReferences(refs, { kinds: [], text: 'OUTLOOK' }))).toEqual(['r1']);
    expect(ids(filterReferences(refs, { kinds: [], text: 'credential manager' }))).toEqual(['r1']);
    expect(ids(filterReferences(refs, { kinds: [], text: 'security' }))).toEqual(['r3']);
    expect(ids(filterReferences(refs, { kinds: [], text: 'network drivé' }))).toEqual(['r2']);
    expect(ids(filterReferences(refs, { kinds: ['how_to'], text: 'outlook' }))).toEqual([]);
  });
});
