/** "United Kingdom" for GB in the UI's language (Intl.DisplayNames), or the code itself. */
export function regionName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch (err) {
    console.warn(`Callsign: no region names for language ${language}; showing the country code`, err);
    return code;
  }
}

/** "United Kingdom, Germany, United States" in the UI's language (Intl.ListFormat when available). */
export function regionList(codes: readonly string[], language: string): string {
  const names = codes.map((c) => regionName(c, language));
  try {
    return new Intl.ListFormat([language], { type: 'disjunction' }).format(names);
  } catch (err) {
    console.warn(`Callsign: no list formatting for language ${language}; countries shown comma-separated`, err);
    return names.join(', ');
  }
}
