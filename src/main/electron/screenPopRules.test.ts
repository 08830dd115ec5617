import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, linkFromClipboardText } from './screenPopRules.js';

describe('screen pop rules', () => {
  it('finds the callsign:// URL in a second instance argv', () => {
    expect(deepLinkFromArgv(['/opt/Callsign/callsign', '--no-sandbox', 'callsign://lookup?phone=1'])).toBe(
      'callsign://lookup?phone=1',
    );
    expect(deepLinkFromArgv(['/opt/Callsign/callsign'])).toBeUndefined();
  });
  it('turns a copied signature into a text lookup (every number in it), with the hint', () => {
    const signature = 'Dana Reyes\nP: +1 (949) 431 0000 F: +1 (949) 431 0001';
    expect(linkFromClipboardText(signature)).toEqual({ kind: 'lookup', text: signature });
    expect(linkFromClipboardText('Tel 09422 1000', 'DE')).toEqual({
      kind: 'lookup',
      text: 'Tel 09422 1000',
      country: 'DE',
    });
    expect(linkFromClipboardText('030 1234567', 'DE')).toEqual({ kind: 'lookup', phone: '030 1234567', country: 'DE' });
    expect(linkFromClipboardText(`+1 206 555 0101 ${'x'.repeat(3000)}`)).toMatchObject({ text: expect.any(String) });
    expect((linkFromClipboardText(`+1 206 555 0101 ${'x'.repeat(3000)}`) as { text: string }).text).toHaveLength(2000);
  });

  it('turns clipboard text into a lookup; text without digits pops nothing', () => {
    expect(linkFromClipboardText('  (206) 555-0101 ')).toEqual({ kind: 'lookup', phone: '(206) 555-0101' });
    expect(linkFromClipboardText('dana@northwindtraders.com')).toEqual({
      kind: 'lookup',
      email: 'dana@northwindtraders.com',
    });
    expect(linkFromClipboardText('')).toBeUndefined();
    expect(linkFromClipboardText('line one\nline two')).toBeUndefined();
    expect(linkFromClipboardText('Best regards, Dana')).toBeUndefined();
  });
});
