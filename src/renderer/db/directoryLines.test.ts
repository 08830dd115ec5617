import { describe, expect, it } from 'vitest';
import { DirectoryLines } from './directoryLines.js';

const person = (i: number, siteId = 's1') => ({ id: `p${i}`, siteId, email: `P${i}@Acme.com`, phones: [] });

describe('directory lines kept by the sync worker', () => {
  it('are due again after one page of changes, then after a quarter of the directory (linear in total)', () => {
    const lines = new DirectoryLines();
    for (let i = 0; i < 4999; i++) lines.putProfile(person(i), { phones: [] });
    expect(lines.due).toBe(false);
    lines.putProfile(person(4999), { phones: [] });
    expect(lines.due).toBe(true);
    for (let i = 5000; i < 40_000; i++) lines.putProfile(person(i), { phones: [] });
    lines.lines(() => 'US');
    expect(lines.due).toBe(false);
    for (let i = 0; i < 7000; i++) lines.deleteProfile(`p${i}`);
    expect(lines.due).toBe(false); // 7,000 changes < a quarter of 33,000 profiles
    for (let i = 0; i < 2000; i++) lines.putProfile(person(i), { phones: [] });
    expect(lines.due).toBe(true); // 9,000 ≥ a quarter of 35,000
  });

  it('reads a national number again with the country its site arrives with', () => {
    const lines = new DirectoryLines();
    lines.putProfile({ ...person(1, 's9'), phones: [{ number: '(206) 555-0101', type: 'office' }] }, { phones: [''] });
    expect(lines.lines(() => undefined)?.profiles).toBe('p1\ts9\tp1@acme.com\t');
    lines.putSite({ id: 's9' }, { phones: ['+12065550100'] });
    expect(lines.lines((id) => (id === 's9' ? 'US' : undefined))).toEqual({
      sites: 's9\t+12065550100',
      profiles: 'p1\ts9\tp1@acme.com\t+12065550101',
    });
  });
});
