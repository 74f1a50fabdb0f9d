// The collection service URL: HTTPS everywhere, plain HTTP only to this machine (tests, a local
// collector, or an OpenTelemetry Collector sidecar on loopback).
import { isIP } from 'node:net';

export type UrlCheck = { ok: true; url: URL; logsEndpoint: string } | { ok: false; error: string };

function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.split('.')[0] === '127';
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1';
  return false;
}

/** Checks a configured collector URL and derives the OTLP/HTTP logs endpoint from it. */
export function validateCollectorUrl(raw: string | undefined): UrlCheck {
  const text = (raw ?? '').trim();
  if (!text) return { ok: false, error: 'No collection service URL is set (setting codetrail.collector.url).' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `The collection service URL "${text}" is not a valid URL.` };
  }
  if (url.username || url.password) {
    return { ok: false, error: 'The collection service URL must not contain a user name or password; sign in instead.' };
  }
  if (url.search || url.hash) {
    return { ok: false, error: 'The collection service URL must not contain a query or fragment.' };
  }
  if (url.protocol === 'https:') {
    // fine anywhere
  } else if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      return {
        ok: false,
        error: `The collection service URL must use https:// (plain http is allowed only for this machine): ${url.origin}`,
      };
    }
  } else {
    return { ok: false, error: `The collection service URL must use https://, not ${url.protocol}` };
  }
  const base = url.href.replace(/\/+$/, '');
  return { ok: true, url, logsEndpoint: base + '/v1/logs' };
}
