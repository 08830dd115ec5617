import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBundle } from './checkBundle.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle.js';

describe('checkBundle (property)', () => {
  it('never throws: any JSON is a bundle or a list of failures, each with a path and a message', () => {
    const anyBundleish = fc.oneof(
      fc.jsonValue(),
      fc.record({
        format: fc.constant(BUNDLE_FORMAT),
        version: fc.constant(BUNDLE_VERSION),
        sites: fc.array(fc.jsonValue(), { maxLength: 3 }),
        profiles: fc.array(fc.jsonValue(), { maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(anyBundleish, (value) => {
        const r = checkBundle(value);
        if (!r.ok) {
          expect(r.failures.length).toBeGreaterThan(0);
          for (const f of r.failures) expect(typeof f.message).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });
});
