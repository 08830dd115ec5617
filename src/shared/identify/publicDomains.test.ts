import { describe, expect, it } from 'vitest';
import { isPublicDomain } from './publicDomains.js';

describe('isPublicDomain', () => {
  it.each([
    'gmail.com',
    'googlemail.com',
    'outlook.com',
    'hotmail.com',
    'hotmail.co.uk',
    'hotmail.fr',
    'live.com',
    'live.co.uk',
    'msn.com',
    'yahoo.com',
    'yahoo.co.uk',
    'yahoo.co.jp',
    'yahoo.com.au',
    'ymail.com',
    'icloud.com',
    'me.com',
    'mac.com',
    'aol.com',
    'proton.me',
    'protonmail.com',
    'gmx.de',
    'gmx.net',
    'gmx.at',
    'web.de',
    't-online.de',
    'orange.fr',
    'wanadoo.fr',
    'free.fr',
    'laposte.net',
    'libero.it',
    'btinternet.com',
    'sky.com',
    'virginmedia.com',
    'comcast.net',
    'verizon.net',
    'att.net',
    'bigpond.com',
    'zoho.com',
    'yandex.ru',
    'yandex.com',
    'mail.ru',
    'qq.com',
    '163.com',
  ])('%s is a public mail provider', (domain) => expect(isPublicDomain(domain)).toBe(true));

  it('counts subdomains, any case and a trailing dot as the provider', () => {
    expect(isPublicDomain('mail.yahoo.co.uk')).toBe(true);
    expect(isPublicDomain('eu.gmx.net')).toBe(true);
    expect(isPublicDomain('GMail.COM.')).toBe(true);
  });

  it.each([
    'acme.com',
    'mail.acme.com',
    'live.acme.com',
    'gmail.acme.com',
    'acme-gmail.com',
    'notgmail.com',
    'yahoo.acme.co.uk',
    'com',
    '',
  ])('%j is not public', (domain) => expect(isPublicDomain(domain)).toBe(false));
});
