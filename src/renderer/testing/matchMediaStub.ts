/**
 * Test support: jsdom has no `window.matchMedia`, which MUI's theme (prefers-color-scheme) and
 * media queries call. Importing this module installs a stub that never matches, once per window.
 */
window.matchMedia ??= ((q: string) => ({
  matches: false,
  media: q,
  addEventListener() {},
  removeEventListener() {},
  addListener() {},
  removeListener() {},
  onchange: null,
  dispatchEvent: () => false,
})) as unknown as typeof window.matchMedia;

export {};
