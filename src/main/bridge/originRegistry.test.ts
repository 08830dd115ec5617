import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OriginRegistry } from './originRegistry.js';

const dir = () => mkdtempSync(join(tmpdir(), 'cs-origins-'));

describe('OriginRegistry', () => {
  it('remembers every origin the bridge has served, across launches, in the data folder (0600)', () => {
    const d = dir();
    new OriginRegistry(d).record('http://127.0.0.1:4318');
    const r = new OriginRegistry(d);
    r.record('http://127.0.0.1:50123');
    r.record('http://127.0.0.1:4318');
    expect(r.list()).toEqual(['http://127.0.0.1:4318', 'http://127.0.0.1:50123']);
    expect(statSync(join(d, 'bridge-origins.json')).mode & 0o777).toBe(0o600);
  });

  it('on wipe marks every known origin; each is cleared once when next served', () => {
    const d = dir();
    const r = new OriginRegistry(d);
    r.record('http://127.0.0.1:4318');
    r.record('http://127.0.0.1:50123');
    r.wiped();
    expect(new OriginRegistry(d).pendingWipes()).toEqual(['http://127.0.0.1:4318', 'http://127.0.0.1:50123']);
    expect(r.takePendingWipe('http://127.0.0.1:4318')).toBe(true);
    expect(r.takePendingWipe('http://127.0.0.1:4318')).toBe(false);
    expect(new OriginRegistry(d).pendingWipes()).toEqual(['http://127.0.0.1:50123']);
  });

  it('starts empty from a missing or corrupt file rather than failing the launch', () => {
    const d = dir();
    writeFileSync(join(d, 'bridge-origins.json'), '{nope');
    const warnings: string[] = [];
    const r = new OriginRegistry(d, (m) => warnings.push(m));
    expect(r.list()).toEqual([]);
    expect(warnings[0]).toMatch(/bridge-origins\.json/);
    r.record('http://127.0.0.1:4318');
    expect(JSON.parse(readFileSync(join(d, 'bridge-origins.json'), 'utf8'))).toMatchObject({
      origins: ['http://127.0.0.1:4318'],
    });
  });
});
