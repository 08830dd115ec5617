import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../i18n/locales.js';
import { PROFILE_COLUMNS } from './columns.js';
import { headerFor, matchHeader, matchPhoneType, matchYesNo } from './headers.js';

describe('profile sheet headers', () => {
  it('reads back every header of every language as its own column', () => {
    for (const lang of SUPPORTED_LOCALES) {
      const seen = new Set<string>();
      for (const column of PROFILE_COLUMNS) {
        const header = headerFor(lang, column);
        expect(seen.has(header), `${lang} ${header} twice`).toBe(false);
        seen.add(header);
        expect(matchHeader(header)?.column, `${lang} ${header}`).toBe(column);
      }
    }
  });

  it('forgives case, accents, spacing and notes in parentheses', () => {
    expect(matchHeader('  TELEFONO 2 PAIS ')?.column).toBe('phone2.country');
    // A note in parentheses is only a note: "(pays)" does not make it the country column.
    expect(matchHeader('Téléphone 3 (pays)')?.column).toBe('phone3.number');
    expect(matchHeader('Telephone 3 pays')?.column).toBe('phone3.country');
    expect(matchHeader('Delete')?.column).toBe('delete');
    expect(matchHeader('E-Mail Address')?.column).toBe('email');
    expect(matchHeader('Phone 4 number')?.column).toBe('phone4.number');
    expect(matchHeader('Vorname')).toEqual({ column: 'firstName', lang: 'de' });
    expect(matchHeader('Nom')?.column).toBe('lastName');
    expect(matchHeader('Nome')?.column).toBe('firstName');
    expect(matchHeader('Shoe size')).toBeUndefined();
  });

  it('reads phone types and yes/no in any language', () => {
    expect(matchPhoneType('Mobil')).toBe('mobile');
    expect(matchPhoneType('BUREAU')).toBe('office');
    expect(matchPhoneType('cell')).toBe('mobile');
    expect(matchPhoneType('Cellulare')).toBe('mobile');
    expect(matchPhoneType('pager')).toBeUndefined();
    expect(matchYesNo('y')).toBe(true);
    expect(matchYesNo('Yes')).toBe(true);
    expect(matchYesNo('ja')).toBe(true);
    expect(matchYesNo('N')).toBe(false);
    expect(matchYesNo('maybe')).toBeUndefined();
  });
});
