import { describe, expect, it } from 'vitest';
import { findUnlicensedEntry, softwareKey } from './softwareName.js';

describe('softwareKey (choice: case-insensitive, version suffixes ignored)', () => {
  it.each([
    ['Zoom', 'zoom'],
    ['ZOOM 5.17.2', 'zoom'],
    ['zoom v6', 'zoom'],
    ['Zoom Version 6.1', 'zoom'],
    ['Zoom (x64)', 'zoom'],
    ['Zoom 5.17.2 (64-bit)', 'zoom'],
    ['Zoom-5.x', 'zoom'],
    ['7-Zip 23.01 x64', '7-zip'],
    ['Notepad++ 8.6.2', 'notepad++'],
    ['Office 365', 'office 365'],
    ['  Adobe   Acrobat  Reader DC  ', 'adobe acrobat reader dc'],
  ])('%s → %s', (name, key) => expect(softwareKey(name)).toBe(key));
});

describe('findUnlicensedEntry', () => {
  const list = [
    { name: 'Zoom', action: 'install' as const },
    { name: 'zoom (x86)', action: 'never' as const },
    { name: 'Slack 4.x', action: 'call_approver' as const },
  ];
  it('matches either side with or without a version', () => {
    expect(findUnlicensedEntry(list, 'Slack')?.action).toBe('call_approver');
    expect(findUnlicensedEntry(list, 'slack 4.36.140')?.action).toBe('call_approver');
  });
  it('takes the most restrictive entry when several match', () => {
    expect(findUnlicensedEntry(list, 'Zoom 6.0')?.action).toBe('never');
  });
  it('does no prefix or fuzzy matching', () => {
    expect(findUnlicensedEntry(list, 'Zoom Workplace')).toBeUndefined();
    expect(findUnlicensedEntry(list, 'Slac')).toBeUndefined();
    expect(findUnlicensedEntry(list, '(x64)')).toBeUndefined();
  });
});
