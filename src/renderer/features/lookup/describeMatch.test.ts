import { describe, expect, it } from 'vitest';
import { describeMatch } from './describeMatch.js';

const site = {
  id: 's1',
  name: 'Seattle',
  companyName: 'Northwind',
  mainPhones: [],
  noClientEmailDomain: false,
  rmmAgentOptIn: false,
  country: 'US',
};
const profile = {
  id: 'p1',
  siteId: 's1',
  firstName: 'Dana',
  lastName: 'Reyes',
  thinClient: false,
  psaContact: false,
  phones: [
    { number: '(206) 555-0102', type: 'office' as const },
    { number: '+1 206 555 0101', type: 'mobile' as const },
  ],
};

describe('describeMatch', () => {
  it('names the phone type and shows the number internationally', () => {
    const d = describeMatch(
      { siteId: 's1', profileId: 'p1', matched: 'profile_phone', confidence: 3, value: '+12065550101' },
      site,
      profile,
    );
    expect(d).toEqual({ key: 'lookup.match.profilePhone', values: { phoneType: 'mobile', number: '+1 206 555 0101' } });
    const o = describeMatch(
      { siteId: 's1', profileId: 'p1', matched: 'profile_phone', confidence: 3, value: '+12065550102' },
      site,
      profile,
    );
    expect(o.values.phoneType).toBe('office');
  });
  it('describes site and domain matches', () => {
    expect(
      describeMatch(
        { siteId: 's1', matched: 'site_domain', confidence: 1, value: 'northwindtraders.com' },
        site,
        undefined,
      ).values,
    ).toEqual({ domain: 'northwindtraders.com' });
    expect(
      describeMatch({ siteId: 's1', matched: 'site_phone', confidence: 2, value: '+13125550199' }, site, undefined)
        .values.number,
    ).toBe('+1 312 555 0199');
  });
});
