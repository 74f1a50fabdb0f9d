import assert from 'node:assert/strict';
import { validateCollectorUrl } from '../../../src/send/url';

describe('validateCollectorUrl', () => {
  it('accepts https anywhere and derives the OTLP logs endpoint', () => {
    const r = validateCollectorUrl('https://collect.example.com/base/');
    assert.ok(r.ok);
    assert.equal(r.logsEndpoint, 'https://collect.example.com/base/v1/logs');
  });

  for (const u of ['http://127.0.0.1:4318', 'http://localhost:8080', 'http://[::1]:4318', 'http://127.10.0.3/', 'http://a.localhost']) {
    it(`allows plain http to this machine: ${u}`, () => assert.ok(validateCollectorUrl(u).ok));
  }

  for (const u of [
    'http://collect.example.com',
    'http://10.0.0.1:4318',
    'http://128.0.0.1',
    'http://localhost.example.com',
    'http://[::2]/',
  ]) {
    it(`refuses plain http to another machine: ${u}`, () => {
      const r = validateCollectorUrl(u);
      assert.equal(r.ok, false);
      assert.match(!r.ok ? r.error : '', /https/);
    });
  }

  it('refuses other schemes, credentials, queries, junk and emptiness', () => {
    for (const u of [
      'ftp://x.example',
      'file:///etc/passwd',
      'https://u:p@x.example',
      'https://x.example/?a=1',
      'not a url',
      '',
      undefined,
    ]) {
      assert.equal(validateCollectorUrl(u).ok, false, String(u));
    }
  });
});
