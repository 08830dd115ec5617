import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../shared/phone/normalizePhone.js';
import { rememberPhoneParses } from './phoneParses.js';

describe('phone parses remembered for one import', () => {
  it('parses each (text, country) once and answers exactly what normalizePhone answers', () => {
    const normalize = rememberPhoneParses();
    const first = normalize('020 7946 0958', 'GB');
    expect(first).toEqual(normalizePhone('020 7946 0958', 'GB'));
    expect(normalize('020 7946 0958', 'GB')).toBe(first);
    expect(normalize('020 7946 0958', 'DE')).toEqual(normalizePhone('020 7946 0958', 'DE'));
    expect(normalize('020 7946 0958', 'DE')).not.toBe(first);
    expect(normalize('12', undefined)).toEqual(normalizePhone('12', undefined));
    // A new import starts empty: nothing read from one file is kept for the next.
    expect(rememberPhoneParses()('020 7946 0958', 'GB')).not.toBe(first);
  });
});
