import { describe, expect, it } from 'vitest';
import { mainWindowOptions, RENDERER_CSP } from './windowOptions.js';
import { isAppUrl, isExternalLinkAllowed, isTrustedSender } from './urlPolicy.js';

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer', () => {
    const w = mainWindowOptions('/app/preload/index.cjs').webPreferences!;
    expect(w).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(w.preload).toBe('/app/preload/index.cjs');
  });
  it('has a strict CSP', () => {
    expect(RENDERER_CSP).toContain("default-src 'self'");
    expect(RENDERER_CSP).toContain("object-src 'none'");
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
  });
});

describe('url policy', () => {
  it('allows only the app page and the loopback dev server', () => {
    expect(isAppUrl('file:///opt/Callsign/resources/app.asar/out/renderer/index.html')).toBe(true);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/lookup', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://evil.example:5173/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
  it('opens only https links without credentials externally', () => {
    expect(isExternalLinkAllowed('https://docs.example.com/kb/1')).toBe(true);
    expect(isExternalLinkAllowed('http://docs.example.com/')).toBe(false);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('https://user:pw@example.com/')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
  });
  it('trusts IPC only from the app page', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('https://attacker.example/')).toBe(false);
    expect(isTrustedSender('file:///x/out/renderer/index.html')).toBe(true);
  });
});
