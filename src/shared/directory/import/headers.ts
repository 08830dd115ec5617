/**
 * The profile spreadsheet's headers and cell words in the six app languages. Export writes the
 * requested language; import recognises a header or word in any of them (and a few common
 * variants), ignoring case, accents, punctuation and anything in parentheses ("Delete (Y)").
 */
import type { Locale } from '../../i18n/locales.js';
import { SUPPORTED_LOCALES } from '../../i18n/locales.js';
import type { PhoneType } from '../../domain/phone.js';
import { PROFILE_COLUMNS, parsePhoneColumn, type PhoneField, type ProfileColumn } from './columns.js';

type Fixed = Exclude<ProfileColumn, `phone${number}.${string}`>;

interface LanguageTable {
  fixed: Record<Fixed, string>;
  /** `{n}` is the phone slot (1–4). */
  phone: Record<PhoneField, string>;
  types: Record<PhoneType, string>;
}

const EN: LanguageTable = {
  fixed: {
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    thinClient: 'Thin client (Y/N)',
    title: 'Title',
    psaContact: 'PSA contact (read-only)',
    delete: 'Delete (Y)',
    id: 'Id (do not edit)',
  },
  phone: {
    number: 'Phone {n}',
    country: 'Phone {n} country',
    type: 'Phone {n} type',
    provider: 'Phone {n} mobile provider',
    smsGateway: 'Phone {n} SMS gateway',
  },
  types: { mobile: 'Mobile', office: 'Office', home: 'Home', other: 'Other' },
};

export const SHEET_HEADERS: Readonly<Record<Locale, LanguageTable>> = {
  'en-US': EN,
  'en-GB': EN,
  de: {
    fixed: {
      firstName: 'Vorname',
      lastName: 'Nachname',
      email: 'E-Mail',
      thinClient: 'Thin Client (Y/N)',
      title: 'Position',
      psaContact: 'PSA-Kontakt (schreibgeschützt)',
      delete: 'Löschen (Y)',
      id: 'ID (nicht ändern)',
    },
    phone: {
      number: 'Telefon {n}',
      country: 'Telefon {n} Land',
      type: 'Telefon {n} Art',
      provider: 'Telefon {n} Mobilfunkanbieter',
      smsGateway: 'Telefon {n} SMS-Gateway',
    },
    types: { mobile: 'Mobil', office: 'Büro', home: 'Privat', other: 'Sonstige' },
  },
  es: {
    fixed: {
      firstName: 'Nombre',
      lastName: 'Apellidos',
      email: 'Correo electrónico',
      thinClient: 'Cliente ligero (Y/N)',
      title: 'Cargo',
      psaContact: 'Contacto PSA (solo lectura)',
      delete: 'Eliminar (Y)',
      id: 'ID (no modificar)',
    },
    phone: {
      number: 'Teléfono {n}',
      country: 'Teléfono {n} país',
      type: 'Teléfono {n} tipo',
      provider: 'Teléfono {n} operador móvil',
      smsGateway: 'Teléfono {n} pasarela SMS',
    },
    types: { mobile: 'Móvil', office: 'Oficina', home: 'Casa', other: 'Otro' },
  },
  fr: {
    fixed: {
      firstName: 'Prénom',
      lastName: 'Nom',
      email: 'E-mail',
      thinClient: 'Client léger (Y/N)',
      title: 'Fonction',
      psaContact: 'Contact PSA (lecture seule)',
      delete: 'Supprimer (Y)',
      id: 'ID (ne pas modifier)',
    },
    phone: {
      number: 'Téléphone {n}',
      country: 'Téléphone {n} pays',
      type: 'Téléphone {n} type',
      provider: 'Téléphone {n} opérateur mobile',
      smsGateway: 'Téléphone {n} passerelle SMS',
    },
    types: { mobile: 'Mobile', office: 'Bureau', home: 'Domicile', other: 'Autre' },
  },
  it: {
    fixed: {
      firstName: 'Nome',
      lastName: 'Cognome',
      email: 'E-mail',
      thinClient: 'Thin client (Y/N)',
      title: 'Qualifica',
      psaContact: 'Contatto PSA (sola lettura)',
      delete: 'Elimina (Y)',
      id: 'ID (non modificare)',
    },
    phone: {
      number: 'Telefono {n}',
      country: 'Telefono {n} paese',
      type: 'Telefono {n} tipo',
      provider: 'Telefono {n} operatore mobile',
      smsGateway: 'Telefono {n} gateway SMS',
    },
    types: { mobile: 'Cellulare', office: 'Ufficio', home: 'Casa', other: 'Altro' },
  },
};

/** The header a person sees for `column` in `lang`. */
export function headerFor(lang: Locale, column: ProfileColumn): string {
  const table = SHEET_HEADERS[lang];
  const phone = parsePhoneColumn(column);
  if (phone) return table.phone[phone.field].replace('{n}', String(phone.slot));
  return table.fixed[column as Fixed];
}

export function phoneTypeLabel(lang: Locale, type: PhoneType): string {
  return SHEET_HEADERS[lang].types[type];
}

/** Lower case, no accents, no parenthesised notes, letters and digits only: "Téléphone 1 (pays)" → "telephone1". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Other spellings people use for a column (English; keys as `headerKey` makes them). */
const HEADER_ALIASES: Record<string, ProfileColumn> = {
  first: 'firstName',
  firstname: 'firstName',
  givenname: 'firstName',
  last: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  emailaddress: 'email',
  mail: 'email',
  jobtitle: 'title',
  thinclient: 'thinClient',
  psacontact: 'psaContact',
  delete: 'delete',
  id: 'id',
  phone: 'phone1.number',
};

interface HeaderMatch {
  column: ProfileColumn;
  lang: Locale | null;
}

const HEADER_INDEX: ReadonlyMap<string, HeaderMatch> = (() => {
  const index = new Map<string, HeaderMatch>();
  for (const [alias, column] of Object.entries(HEADER_ALIASES)) index.set(alias, { column, lang: null });
  for (const lang of SUPPORTED_LOCALES) {
    for (const column of PROFILE_COLUMNS) {
      const key = headerKey(headerFor(lang, column));
      // The first language to claim a spelling keeps it (fr "Nom" is a last name, it "Nome" a first name).
      if (!index.has(key) || index.get(key)!.lang === null) index.set(key, { column, lang });
      const phone = parsePhoneColumn(column);
      // "Phone 1 number" / "Telefon 1 Nummer" are read as the number column too.
      if (phone?.field === 'number') index.set(`${key}number`, { column, lang });
    }
  }
  return index;
})();

/** The column a header names, in any app language; undefined for a column import does not know. */
export function matchHeader(text: string): HeaderMatch | undefined {
  const key = headerKey(text);
  return key ? HEADER_INDEX.get(key) : undefined;
}

const TYPE_INDEX: ReadonlyMap<string, PhoneType> = (() => {
  const index = new Map<string, PhoneType>([
    ['cell', 'mobile'],
    ['cellphone', 'mobile'],
    ['work', 'office'],
    ['business', 'office'],
    ['landline', 'office'],
    ['handy', 'mobile'],
  ]);
  for (const lang of SUPPORTED_LOCALES) {
    for (const [type, label] of Object.entries(SHEET_HEADERS[lang].types))
      index.set(headerKey(label), type as PhoneType);
    for (const type of ['mobile', 'office', 'home', 'other'] as const) index.set(type, type);
  }
  return index;
})();

/**
 * An import reads the same few words ("Y", "Mobile") in every row; headerKey's Unicode
 * normalisation costs ~4 µs, so answers are remembered, for a bounded number of distinct texts.
 */
function remembered<T>(match: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = match(text);
    if (seen.size < 1000) seen.set(text, value);
    return value;
  };
}

/** A phone type written in any app language ("Mobil", "Bureau", "cell"), or undefined. */
export const matchPhoneType = remembered((text: string): PhoneType | undefined => TYPE_INDEX.get(headerKey(text)));

const YES = new Set(['y', 'yes', 'j', 'ja', 's', 'si', 'o', 'oui', 'true', '1', 'x']);
const NO = new Set(['n', 'no', 'nein', 'non', 'false', '0']);

/** Y/N in any case and the six languages' yes/no words; undefined when it is neither. */
export const matchYesNo = remembered((text: string): boolean | undefined => {
  const key = headerKey(text);
  return YES.has(key) ? true : NO.has(key) ? false : undefined;
});
