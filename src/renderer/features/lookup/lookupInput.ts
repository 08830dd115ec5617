/** When the lookup runs by itself as the technician types (Enter always runs it). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

export function looksLikeFullEmail(input: string): boolean {
  return EMAIL.test(input.trim());
}

export function digitCount(input: string): number {
  return input.replace(/\D/g, '').length;
}

/** A phone with at least 7 digits, or a complete email address. */
export function shouldRunAsYouType(input: string): boolean {
  const text = input.trim();
  if (!text) return false;
  if (text.includes('@')) return looksLikeFullEmail(text);
  return digitCount(text) >= 7;
}

/** Reads `?phone=` / `?email=` from the lookup route into the box's text. */
export function inputFromSearchParams(params: URLSearchParams): string | undefined {
  return params.get('phone') ?? params.get('email') ?? params.get('q') ?? undefined;
}
