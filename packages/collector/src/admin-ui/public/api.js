// The admin JSON API of the collector, reached relative to the page so a path prefix works.
/* global location */

const TOKEN_KEY = 'codetrail.adminToken';
const base = new URL('../', location.href);

/** The admin token lives only for this browser tab's session. */
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Plain words for what the collector answered, for people rather than logs. */
function explain(status, body) {
  if (status === 401) return 'The collector refused this token (unknown, expired or revoked).';
  if (status === 403) return 'This token is not an admin token.';
  if (status === 404) return body?.message ?? 'Not found.';
  if (status === 503 || status === 429) return 'The collector is busy or its store is unavailable; try again shortly.';
  return body?.message ?? `The collector answered ${status}.`;
}

async function call(method, path, body, bearer = token.get()) {
  const headers = { Accept: 'application/json' };
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(new URL(path, base), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'The collector cannot be reached.');
  }
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) throw new ApiError(res.status, explain(res.status, json));
  return json;
}

const query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const api = {
  /** Checks a token before it is kept: an admin endpoint must accept it. */
  check: (candidate) => call('GET', 'v1/admin/stats', undefined, candidate),
  stats: (range) => call('GET', `v1/admin/stats${query(range)}`),
  exemptions: () => call('GET', 'v1/admin/exemptions').then((r) => r.exemptions),
  decide: (id, decision, note) => call('POST', `v1/admin/exemptions/${encodeURIComponent(id)}/decision`, { decision, note }),
  deletions: () => call('GET', 'v1/admin/deletions').then((r) => r.deletions),
  runJobs: () => call('POST', 'v1/admin/jobs'),
};
