/**
 * The interface languages Callsign ships (issue 14): each has a full catalogue beside every
 * `i18n/en-US.json` in the renderer. A stored locale outside this list falls back to en-US.
 */
import { z } from 'zod';

export const SUPPORTED_LOCALES = ['en-US', 'en-GB', 'de', 'es', 'fr', 'it'] as const;
export const DEFAULT_LOCALE = 'en-US';

export const Locale = z.enum(SUPPORTED_LOCALES);
export type Locale = z.infer<typeof Locale>;
