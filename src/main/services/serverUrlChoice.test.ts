import { describe, expect, it } from 'vitest';
import { chooseServerUrl } from './serverUrlChoice.js';

describe('chooseServerUrl', () => {
  const demo = 'http://127.0.0.1:5317';
  it('a stored loopback address follows the demo server to its current port', () => {
    expect(chooseServerUrl('http://127.0.0.1:4317', 'http://127.0.0.1:4317', demo)).toBe(demo);
    expect(chooseServerUrl('http://localhost:39211', 'x', demo)).toBe(demo);
    expect(chooseServerUrl(undefined, 'http://127.0.0.1:4317', demo)).toBe(demo);
  });
  it('never overrides a real server the user typed', () => {
    expect(chooseServerUrl('https://callsign.example.com', 'x', demo)).toBe('https://callsign.example.com');
  });
  it('without a demo: the stored address, else the default', () => {
    expect(chooseServerUrl('http://127.0.0.1:4317', 'http://127.0.0.1:9', undefined)).toBe('http://127.0.0.1:4317');
    expect(chooseServerUrl(undefined, 'http://127.0.0.1:9')).toBe('http://127.0.0.1:9');
  });
});
