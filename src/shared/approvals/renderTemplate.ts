/**
 * Renders a site's username/email format (`{first}.{last}`, `{f}{last}@acme.com`) for a person.
 * Names become ASCII login parts: diacritics are stripped (José → jose), letters with no
 * decomposition are spelled out (ß → ss, Ø → o, Ł → l), apostrophes, spaces and dots vanish
 * (O'Brien → obrien, Van der Berg → vanderberg) and hyphens stay (Smith-Jones → smith-jones).
 * Literal text in the format (".", "@acme.com") is kept as typed.
 */

const SPELLED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

/** A name as a lower-case ASCII login part; "" when nothing usable is left (e.g. a non-Latin name). */
export function loginPart(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþıħ]/g, (c) => SPELLED[c] ?? '')
    .replace(/[‐‑–]/g, '-')
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface TemplateName {
  firstName: string;
  lastName: string;
}

/** Placeholders: `{first}`, `{last}`, `{f}` (first initial), `{l}` (last initial); case-insensitive. */
const PLACEHOLDER = /\{([a-z]+)\}/gi;

/**
 * The rendered template, or null when the format uses an unknown placeholder or a name part it needs
 * is empty — a half-rendered username ("jose.") is worse than none, so the wizard asks instead.
 */
export function renderTemplate(format: string, person: TemplateName): string | null {
  const first = loginPart(person.firstName);
  const last = loginPart(person.lastName);
  const values: Record<string, string> = { first, last, f: first.slice(0, 1), l: last.slice(0, 1) };
  let ok = true;
  const out = format.trim().replace(PLACEHOLDER, (_, key: string) => {
    const value = values[key.toLowerCase()];
    if (!value) ok = false;
    return value ?? '';
  });
  return ok && out !== '' ? out : null;
}
