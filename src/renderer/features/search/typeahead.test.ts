import { describe, expect, it } from 'vitest';
import { hitRoute } from './hitRoute.js';
import { shouldShowTypeahead } from './typeaheadInput.js';

describe('shouldShowTypeahead', () => {
  it('shows for 2+ characters that are not a complete phone or email', () => {
    expect(shouldShowTypeahead('n')).toBe(false);
    expect(shouldShowTypeahead('no')).toBe(true);
    expect(shouldShowTypeahead('206 555')).toBe(true);
    expect(shouldShowTypeahead('+1 206 555 0101')).toBe(false);
    expect(shouldShowTypeahead('dana.reyes@north')).toBe(true);
    expect(shouldShowTypeahead('dana.reyes@northwindtraders.com')).toBe(false);
  });
});

describe('hitRoute', () => {
  it('opens sites, people (highlighted on their site) and references', () => {
    expect(hitRoute({ kind: 'site', id: 'site-1' })).toBe('/sites/site-1');
    expect(hitRoute({ kind: 'person', id: 'p 1', siteId: 'site-1' })).toBe('/sites/site-1?tab=people&person=p+1');
    expect(hitRoute({ kind: 'reference', id: 'ref-1' })).toBe('/references/ref-1');
  });
});
