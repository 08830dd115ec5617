import { describe, expect, it } from 'vitest';
import { inputFromSearchParams, shouldRunAsYouType } from './lookupInput.js';

describe('shouldRunAsYouType', () => {
  it('runs for 7+ digits in any format', () => {
    expect(shouldRunAsYouType('(206) 555')).toBe(false);
    expect(shouldRunAsYouType('(206) 555-0')).toBe(true);
    expect(shouldRunAsYouType('+1 206 555 0101')).toBe(true);
  });
  it('runs for a complete email only', () => {
    expect(shouldRunAsYouType('dana.reyes@north')).toBe(false);
    expect(shouldRunAsYouType('dana.reyes@northwindtraders.com')).toBe(true);
    expect(shouldRunAsYouType('   ')).toBe(false);
  });
});

describe('inputFromSearchParams', () => {
  it('reads phone or email', () => {
    expect(inputFromSearchParams(new URLSearchParams('phone=%2B1%20206'))).toBe('+1 206');
    expect(inputFromSearchParams(new URLSearchParams('email=a@b.com'))).toBe('a@b.com');
    expect(inputFromSearchParams(new URLSearchParams(''))).toBeUndefined();
  });
});
