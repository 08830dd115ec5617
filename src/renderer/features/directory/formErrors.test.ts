import { describe, expect, it } from 'vitest';
import { ClientProfile, Site } from '../../../shared/domain/index.js';
import { errorKey, hasError, validate } from './formErrors.js';

describe('form validation with the shared schemas', () => {
  it('keys every problem by its field path, and passes a valid record through parsed', () => {
    const bad = validate(ClientProfile, {
      id: 'p1',
      siteId: 's1',
      firstName: '',
      lastName: 'Reyes',
      phones: [{ number: '206 555 0100', country: 'us' }],
    });
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.errors).sort()).toEqual(['firstName', 'phones.0.country']);
    expect(hasError(bad.errors, 'phones.0')).toBe(true);
    expect(hasError(bad.errors, 'phones.1')).toBe(false);
    const good = validate(Site, { id: 's1', name: 'HQ', companyName: 'Acme', country: 'US' });
    expect(good.ok && good.data.mainPhones).toEqual([]);
  });

  it('reports a rule across fields on the field the schema names', () => {
    const both = validate(Site, {
      id: 's1',
      name: 'HQ',
      companyName: 'Acme',
      country: 'US',
      emailDomain: 'acme.com',
      noClientEmailDomain: true,
    });
    expect(Object.keys(both.errors)).toEqual(['emailDomain']);
  });

  it('maps a path to one catalogue key per field, whatever the row', () => {
    expect(errorKey('profile', 'phones.3.smsGateway')).toBe('directory.errors.profile.phones_smsGateway');
    expect(errorKey('site', 'name')).toBe('directory.errors.site.name');
    expect(errorKey('policy', '')).toBe('directory.errors.policy.record');
  });
});
