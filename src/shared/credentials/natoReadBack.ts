/**
 * Read-back mode: a password spelled for the phone, one word per character, grouped in fours so the
 * listener can say "got it" between groups. Letters use the ICAO/NATO alphabet with their case said
 * first ("capital Alfa", "lower bravo"); digits and symbols are spelled as words ("seven", "hash").
 *
 * SECRET: the groups are the password in another form; they are shown only on an explicit Read back
 * and never stored.
 */

export const NATO_ALPHABET = [
  'Alfa',
  'Bravo',
  'Charlie',
  'Delta',
  'Echo',
  'Foxtrot',
  'Golf',
  'Hotel',
  'India',
  'Juliett',
  'Kilo',
  'Lima',
  'Mike',
  'November',
  'Oscar',
  'Papa',
  'Quebec',
  'Romeo',
  'Sierra',
  'Tango',
  'Uniform',
  'Victor',
  'Whiskey',
  'X-ray',
  'Yankee',
  'Zulu',
] as const;

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

const SYMBOLS: Readonly<Record<string, string>> = {
  ' ': 'space',
  '!': 'exclamation mark',
  '"': 'double quote',
  '#': 'hash',
  $: 'dollar',
  '%': 'percent',
  '&': 'ampersand',
  "'": 'apostrophe',
  '(': 'open parenthesis',
  ')': 'close parenthesis',
  '*': 'asterisk',
  '+': 'plus',
  ',': 'comma',
  '-': 'dash',
  '.': 'dot',
  '/': 'slash',
  ':': 'colon',
  ';': 'semicolon',
  '<': 'less than',
  '=': 'equals',
  '>': 'greater than',
  '?': 'question mark',
  '@': 'at sign',
  '[': 'open bracket',
  '\\': 'backslash',
  ']': 'close bracket',
  '^': 'caret',
  _: 'underscore',
  '`': 'backtick',
  '{': 'open brace',
  '|': 'pipe',
  '}': 'close brace',
  '~': 'tilde',
};

export const READ_BACK_GROUP_SIZE = 4;

/** The spoken word for one character. Anything without a name is spelled by its code point. */
export function spellCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 65 && code <= 90) return `capital ${NATO_ALPHABET[code - 65]}`;
  if (ch.length === 1 && code >= 97 && code <= 122) return `lower ${NATO_ALPHABET[code - 97]!.toLowerCase()}`;
  if (ch.length === 1 && code >= 48 && code <= 57) return DIGITS[code - 48]!;
  const named = SYMBOLS[ch];
  if (named) return named;
  return `character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The secret as groups of up to four spoken words: `[["capital Alfa", "lower bravo", "seven", "hash"], …]`. */
export function readBackGroups(secret: string): string[][] {
  const words = Array.from(secret, spellCharacter);
  const groups: string[][] = [];
  for (let i = 0; i < words.length; i += READ_BACK_GROUP_SIZE) groups.push(words.slice(i, i + READ_BACK_GROUP_SIZE));
  return groups;
}

/** One group as read out: words joined with a middle dot ("capital Alfa · lower bravo · seven"). */
export function readBackLine(group: readonly string[]): string {
  return group.join(' · ');
}
