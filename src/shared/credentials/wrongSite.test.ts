import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWrongSite, wrongSiteFields } from './wrongSite.js';

describe('wrong-site guard', () => {
  it('asks for confirmation only when an identified caller belongs to another site', () => {
    expect(isWrongSite('s1', undefined)).toBe(false);
    expect(isWrongSite('s1', 's1')).toBe(false);
    expect(isWrongSite('s1', 's2')).toBe(true);
    expect(wrongSiteFields('s1', 's2', false)).toEqual({ blocked: true });
    expect(wrongSiteFields('s1', 's2', true)).toEqual({ callerSiteId: 's2', wrongSiteConfirmed: true });
    expect(wrongSiteFields('s1', 's1', false)).toEqual({ callerSiteId: 's1' });
    expect(wrongSiteFields('s1', undefined, false)).toEqual({});
  });

  it('never sends a confirmation flag for the caller’s own site, and never lets another site through unconfirmed', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        fc.boolean(),
        (site, caller, ok) => {
          const r = wrongSiteFields(site, caller, ok);
          if (caller !== undefined && caller !== site)
            expect(r).toEqual(ok ? { callerSiteId: caller, wrongSiteConfirmed: true } : { blocked: true });
          else expect(r).not.toHaveProperty('wrongSiteConfirmed');
        },
      ),
    );
  });
});
