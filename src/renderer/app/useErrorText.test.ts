import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n/createI18n.js';
import { errorText } from './useErrorText.js';

describe('errorText', () => {
  const server = { code: 'rate_limited', message: 'Too many check-outs: 30 an hour per user. Try again at 10:42.' };
  const show = (language: string, err: { code?: string; message: string } | null) => {
    const i18n = createI18n(language);
    return errorText(
      err,
      (k) => i18n.t(k),
      (k) => i18n.exists(k),
      language,
    );
  };

  it('in English shows the exact sentence the server wrote (it names the field and what to do)', () => {
    expect(show('en-US', server)).toBe(server.message);
    expect(show('en-GB', server)).toBe(server.message);
  });

  it('in German, Spanish, French and Italian shows the translated sentence for the error code', () => {
    for (const language of ['de', 'es', 'fr', 'it']) {
      const text = show(language, server)!;
      expect(text).not.toBe(server.message);
      expect(text).toBe(createI18n(language).t('errors.rate_limited'));
      expect(text.length).toBeGreaterThan(10);
    }
    expect(show('de', server)).toMatch(/Versuche/);
  });

  it('falls back to the message when the code has no sentence, and shows nothing for no error', () => {
    expect(show('de', { code: 'some_new_code', message: 'A new server message.' })).toBe('A new server message.');
    expect(show('de', { message: 'A plain error.' })).toBe('A plain error.');
    expect(show('de', null)).toBeUndefined();
  });
});
