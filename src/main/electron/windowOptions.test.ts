import { describe, expect, it } from 'vitest';
import { mainWindowOptions, RENDERER_CSP } from './windowOptions.js';
import {
  isAppUrl,
  isExternalLinkAllowed,
  isPermissionAllowed,
  isTrustedSender,
  rendererDevUrl,
  type AppPages,
} from './urlPolicy.js';

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

const INDEX = '/opt/Callsign/resources/app.asar/out/renderer/index.html';
const packaged: AppPages = { indexFile: INDEX };
const dev: AppPages = { indexFile: INDEX, devServerUrl: 'http://localhost:5173' };

describe('url policy', () => {
  it('allows only the app page and the loopback dev server', () => {
    expect(isAppUrl('file:///opt/Callsign/resources/app.asar/out/renderer/index.html', packaged)).toBe(true);
    expect(isAppUrl('file:///opt/Callsign/resources/app.asar/out/renderer/index.html#/lookup', packaged)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/lookup', dev)).toBe(true);
    expect(isAppUrl('http://evil.example:5173/', { indexFile: INDEX, devServerUrl: 'http://evil.example:5173' })).toBe(
      false,
    );
    expect(isAppUrl('http://localhost:5173/', packaged)).toBe(false);
    expect(isAppUrl('https://example.com/', packaged)).toBe(false);
    expect(isAppUrl('not a url', packaged)).toBe(false);
  });
  it('trusts no other renderer/index.html: a downloaded or extracted copy is not the app', () => {
    expect(isAppUrl('file:///home/u/Downloads/evil/renderer/index.html', packaged)).toBe(false);
    expect(isAppUrl('file:///tmp/out/renderer/index.html', packaged)).toBe(false);
    expect(isAppUrl('file://remote-host/opt/Callsign/resources/app.asar/out/renderer/index.html', packaged)).toBe(
      false,
    );
    expect(isAppUrl('file:///opt/Callsign/resources/app.asar/out/renderer/x/../index.html', packaged)).toBe(true);
    expect(isAppUrl('file:///opt/Callsign/resources/app.asar/out/renderer/index.html%2F..', packaged)).toBe(false);
  });
  it('honours ELECTRON_RENDERER_URL only in a development (unpackaged) run, and only on loopback', () => {
    expect(rendererDevUrl(false, 'http://localhost:5173')).toBe('http://localhost:5173');
    expect(rendererDevUrl(true, 'http://localhost:5173')).toBeUndefined();
    expect(rendererDevUrl(false, 'https://evil.example/')).toBeUndefined();
    expect(rendererDevUrl(false, undefined)).toBeUndefined();
    expect(rendererDevUrl(false, 'nonsense')).toBeUndefined();
  });
  it('opens only https links without credentials externally', () => {
    expect(isExternalLinkAllowed('https://docs.example.com/kb/1')).toBe(true);
    expect(isExternalLinkAllowed('http://docs.example.com/')).toBe(false);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('https://user:pw@example.com/')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
  });
  it('trusts IPC only from the app page', () => {
    expect(isTrustedSender(undefined, packaged)).toBe(false);
    expect(isTrustedSender('https://attacker.example/', packaged)).toBe(false);
    expect(isTrustedSender(`file://${INDEX}`, packaged)).toBe(true);
    expect(isTrustedSender('file:///x/out/renderer/index.html', packaged)).toBe(false);
  });
  it('grants only clipboard writes, only to the app page; every other permission is denied', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', `file://${INDEX}`, packaged)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://attacker.example/', packaged)).toBe(false);
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
      'serial',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(p, `file://${INDEX}`, packaged), p).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, packaged)).toBe(false);
  });
});
