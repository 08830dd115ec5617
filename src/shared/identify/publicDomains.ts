/**
 * Free and ISP mail providers. Anyone can have an address there, so such a domain never identifies a
 * client site (an exact profile email on one still identifies that person). This is the one list;
 * add providers here, lower-case, without "www.". Subdomains count as the provider
 * (`eu.gmx.net`, `mail.yahoo.co.uk`).
 */
const PUBLIC_DOMAINS: ReadonlySet<string> = new Set([
  // Google, Microsoft, Apple, AOL/Yahoo, Proton, Zoho, Fastmail, Tutanota, Mail.com, Hey
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'msn.com',
  'passport.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aim.com',
  'ymail.com',
  'rocketmail.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'zoho.com',
  'zohomail.com',
  'fastmail.com',
  'fastmail.fm',
  'tutanota.com',
  'tuta.io',
  'mail.com',
  'email.com',
  'hey.com',
  'inbox.com',
  'hushmail.com',
  'mailfence.com',
  // Germany, Austria, Switzerland
  'web.de',
  't-online.de',
  'freenet.de',
  'arcor.de',
  'posteo.de',
  'mailbox.org',
  'bluewin.ch',
  'gmx.at',
  'chello.at',
  // France, Belgium
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'neuf.fr',
  'bbox.fr',
  'skynet.be',
  'telenet.be',
  // Italy, Spain, Netherlands, Nordics
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'alice.it',
  'tin.it',
  'telefonica.net',
  'terra.es',
  'ziggo.nl',
  'kpnmail.nl',
  'planet.nl',
  'home.nl',
  'telia.com',
  'online.no',
  // UK and Ireland
  'btinternet.com',
  'btopenworld.com',
  'sky.com',
  'virginmedia.com',
  'ntlworld.com',
  'blueyonder.co.uk',
  'talktalk.net',
  'tiscali.co.uk',
  'eircom.net',
  // North America
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'bellsouth.net',
  'cox.net',
  'charter.net',
  'earthlink.net',
  'optonline.net',
  'frontier.com',
  'windstream.net',
  'juno.com',
  'netzero.net',
  'shaw.ca',
  'rogers.com',
  'sympatico.ca',
  'videotron.ca',
  'telus.net',
  // Australia, New Zealand
  'bigpond.com',
  'bigpond.net.au',
  'optusnet.com.au',
  'iinet.net.au',
  'tpg.com.au',
  'internode.on.net',
  'xtra.co.nz',
  // Russia, China, Korea, India, Latin America
  'mail.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'rambler.ru',
  'ya.ru',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'sohu.com',
  'aliyun.com',
  'naver.com',
  'daum.net',
  'hanmail.net',
  'rediffmail.com',
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
]);

/** Providers with a domain per country (`hotmail.co.uk`, `yahoo.fr`, `gmx.net`, `yandex.ru`). */
const PUBLIC_BRANDS: ReadonlySet<string> = new Set([
  'hotmail',
  'live',
  'windowslive',
  'yahoo',
  'gmx',
  'yandex',
  'outlook',
  'aol',
]);
/** Second-level labels under which those brands register per country (`.co.uk`, `.com.au`, `.ne.jp`). */
const COUNTRY_SECOND_LEVEL: ReadonlySet<string> = new Set(['co', 'com', 'net', 'org', 'ne', 'or']);

/** brand.tld (hotmail.fr, gmx.net) or brand.sld.cc (yahoo.co.uk, hotmail.com.au). */
function isBrandDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (!PUBLIC_BRANDS.has(labels[0]!)) return false;
  if (labels.length === 2) return /^[a-z]{2,3}$/.test(labels[1]!);
  return labels.length === 3 && COUNTRY_SECOND_LEVEL.has(labels[1]!) && /^[a-z]{2}$/.test(labels[2]!);
}

/** True when `domain` (any case, with or without a trailing dot) is or is under a public mail provider. */
export function isPublicDomain(domain: string): boolean {
  let name = domain.trim().toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (!name || name.includes('..') || name.startsWith('.')) return false;
  // Every suffix with at least two labels: mail.yahoo.co.uk, yahoo.co.uk, co.uk.
  for (let at = 0; at >= 0 && name.indexOf('.', at) > 0; at = name.indexOf('.', at) + 1) {
    const suffix = at === 0 ? name : name.slice(at);
    if (
      PUBLIC_DOMAINS.has(suffix) ||
      (PUBLIC_BRANDS.has(suffix.slice(0, suffix.indexOf('.'))) && isBrandDomain(suffix))
    )
      return true;
  }
  return false;
}
