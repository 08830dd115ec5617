import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, linkFromClipboardText } from './screenPopRules.js';

describe('screen pop rules', () => {
  it('finds the callsign:// URL in a second instance argv', () => {
    expect(deepLinkFromArgv(['/opt/Callsign/callsign', '--no-sandbox', 'callsign://lookup?phone=1'])).toBe(
      'callsign://lookup?phone=1',
    );
    expect(deepLinkFromArgv(['/opt/Callsign/callsign'])).toBeUndefined();
  });
  it('turns clipboard text into a lookup, refusing multi-line text', () => {
    expect(linkFromClipboardText('  (206) 555-0101 ')).toEqual({ kind: 'lookup', phone: '(206) 555-0101' });
    expect(linkFromClipboardText('dana@northwindtraders.com')).toEqual({
      kind: 'lookup',
      email: 'dana@northwindtraders.com',
    });
    expect(linkFromClipboardText('')).toBeUndefined();
    expect(linkFromClipboardText('line1\nline2')).toBeUndefined();
  });
});
