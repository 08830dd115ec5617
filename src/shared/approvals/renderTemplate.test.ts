import { describe, expect, it } from 'vitest';
import { loginPart, renderTemplate } from './renderTemplate.js';

const person = (firstName: string, lastName: string) => ({ firstName, lastName });

describe('renderTemplate', () => {
  it('renders {first}, {last}, {f} and {l}', () => {
    expect(renderTemplate('{first}.{last}', person('Dana', 'Reyes'))).toBe('dana.reyes');
    expect(renderTemplate('{f}{last}', person('Dana', 'Reyes'))).toBe('dreyes');
    expect(renderTemplate('{first}{l}', person('Dana', 'Reyes'))).toBe('danar');
    expect(renderTemplate('{first}.{last}@acme.com', person('Dana', 'Reyes'))).toBe('dana.reyes@acme.com');
    expect(renderTemplate('{First}_{LAST}', person('Dana', 'Reyes'))).toBe('dana_reyes');
  });
  it('strips diacritics and apostrophes', () => {
    expect(renderTemplate('{first}.{last}', person('José', "O'Brien"))).toBe('jose.obrien');
    expect(renderTemplate('{first}.{last}', person('Zoë', 'D’Angelo'))).toBe('zoe.dangelo');
    expect(renderTemplate('{f}{last}', person('Élodie', 'Müller'))).toBe('emuller');
    expect(renderTemplate('{first}.{last}', person('Søren', 'Łukasz'))).toBe('soren.lukasz');
    expect(renderTemplate('{last}', person('X', 'Straße'))).toBe('strasse');
  });
  it('keeps hyphens, drops spaces', () => {
    expect(renderTemplate('{first}.{last}', person('Mary-Jane', 'Smith-Jones'))).toBe('mary-jane.smith-jones');
    expect(renderTemplate('{first}.{last}', person('Anne Marie', 'van der Berg'))).toBe('annemarie.vanderberg');
    expect(renderTemplate('{last}', person('X', 'Smith – Jones'))).toBe('smith-jones');
    expect(renderTemplate('{f}{l}', person('-Ann', "'Obi"))).toBe('ao');
  });
  it('returns null for an unknown placeholder or an empty name part', () => {
    expect(renderTemplate('{first}.{middle}', person('Dana', 'Reyes'))).toBeNull();
    expect(renderTemplate('{first}.{last}', person('Dana', ''))).toBeNull();
    expect(renderTemplate('{first}', person('王', 'Wei'))).toBeNull();
    expect(renderTemplate('   ', person('Dana', 'Reyes'))).toBeNull();
  });
  it('loginPart yields only a-z, 0-9 and inner hyphens', () => {
    for (const name of ["D'Arcy-Ó Súilleabháin", '  --Ann--  ', 'José Ñúñez 3rd'])
      expect(loginPart(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
