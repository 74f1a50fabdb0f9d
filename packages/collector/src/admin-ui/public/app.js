// The collector's admin page: exemption decisions, aggregate activity charts and deletion
// requests. Counts only: no view lists one person's activity.
/* global document */
import { h, render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { ApiError, api, token } from './api.js';
import { CategoryChart, DayChart } from './charts.js';
import { daysBetween, deletionScope, exemptionScope, number, utcDay, when } from './format.js';

const html = htm.bind(h);
const DAY_MS = 86_400_000;

const PERIODS = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: 'all', label: 'Everything' },
];

function SignIn({ onSignedIn, notice }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState(notice ?? '');
  const [busy, setBusy] = useState(false);
  const input = useRef(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e) => {
    e.preventDefault();
    const candidate = value.trim();
    if (!candidate) {
      setError('Enter an admin token.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await api.check(candidate);
      token.set(candidate);
      onSignedIn();
    } catch (err) {
      setError(err.message);
      setBusy(false);
      input.current?.focus();
    }
  };

  return html`<main id="main" class="signin">
    <h1>Codetrail administration</h1>
    <form onSubmit=${submit} novalidate>
      <label for="token">Admin token</label>
      <input
        id="token"
        ref=${input}
        type="password"
        autocomplete="off"
        spellcheck="false"
        value=${value}
        aria-describedby="token-help${error ? ' token-error' : ''}"
        aria-invalid=${error ? 'true' : 'false'}
        onInput=${(e) => setValue(e.currentTarget.value)}
      />
      <p id="token-help" class="help">
        Made with <code>codetrail-admin token create --admin</code>. It is kept in this tab only and sent to this collector alone.
      </p>
      ${error ? html`<p id="token-error" class="error" role="alert">${error}</p>` : null}
      <button type="submit" disabled=${busy}>${busy ? 'Checking…' : 'Sign in'}</button>
    </form>
  </main>`;
}

function PendingExemption({ exemption, onDecided }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const noteId = `note-${exemption.id}`;
  const headingId = `exemption-${exemption.id}`;

  const decide = async (decision) => {
    setBusy(true);
    setError('');
    try {
      const e = await api.decide(exemption.id, decision, note.trim());
      onDecided(`Exemption request from ${e.userId} ${e.status}.`);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 404)
        onDecided('That request was already decided elsewhere; the list is up to date now.');
      else setError(err.message);
    }
  };

  return html`<li class="card" aria-labelledby=${headingId}>
    <h3 id=${headingId}>Request from <span class="who">${exemption.userId}</span></h3>
    <dl class="facts">
      <dt>Requested</dt>
      <dd>${when(exemption.requestedAt)}</dd>
      <dt>Scope</dt>
      <dd>${exemptionScope(exemption.scope)}</dd>
      <dt>Reason</dt>
      <dd class="reason">${exemption.reason}</dd>
    </dl>
    <label for=${noteId}>Note to the requester (optional)</label>
    <textarea id=${noteId} rows="2" maxlength="2000" value=${note} onInput=${(e) => setNote(e.currentTarget.value)}></textarea>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <div class="actions">
      <button type="button" class="approve" disabled=${busy} onClick=${() => decide('approve')} aria-describedby=${headingId}>
        Approve
      </button>
      <button type="button" class="deny" disabled=${busy} onClick=${() => decide('deny')} aria-describedby=${headingId}>Deny</button>
    </div>
  </li>`;
}

function Exemptions({ exemptions, onDecided }) {
  const pending = exemptions.filter((e) => e.status === 'pending').sort((a, b) => a.requestedAt - b.requestedAt);
  const decided = exemptions
    .filter((e) => e.status !== 'pending')
    .sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0))
    .slice(0, 50);
  return html`<section aria-labelledby="exemptions-h">
    <h2 id="exemptions-h">Exemption requests</h2>
    <h3 class="sub">Pending <span class="count" data-testid="pending-count">${pending.length}</span></h3>
    ${
      pending.length === 0
        ? html`<p class="quiet">No request is waiting for a decision.</p>`
        : html`<ul class="cards" aria-label="Pending exemption requests">
            ${pending.map((e) => html`<${PendingExemption} key=${e.id} exemption=${e} onDecided=${onDecided} />`)}
          </ul>`
    }
    <h3 class="sub">Decided</h3>
    ${
      decided.length === 0
        ? html`<p class="quiet">No decision yet.</p>`
        : html`<div class="table-wrap">
            <table class="list" aria-label="Decided exemption requests">
              <thead>
                <tr>
                  <th scope="col">Requester</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Decided</th>
                  <th scope="col">By</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                ${decided.map(
                  (e) =>
                    html`<tr key=${e.id} data-exemption=${e.id}>
                      <td>${e.userId}</td>
                      <td>${exemptionScope(e.scope)}</td>
                      <td><span class=${`badge ${e.status}`}>${e.status}</span></td>
                      <td>${when(e.decidedAt)}</td>
                      <td>${e.decidedBy ?? '—'}</td>
                      <td class="note">${e.note || '—'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

function Totals({ totals }) {
  const items = [
    ['Events', totals.events, 'events'],
    ['Sessions', totals.sessions, 'sessions'],
    ['Contributors', totals.users, 'users'],
    ['Awaiting deletion', totals.tombstoned, 'tombstoned'],
  ];
  return html`<dl class="totals">
    ${items.map(
      ([label, n, key]) =>
        html`<div key=${key}>
          <dt>${label}</dt>
          <dd data-testid=${`total-${key}`}>${number(n)}</dd>
        </div>`,
    )}
  </dl>`;
}

/** Rows of {day, key, count} folded into Map(day → {key: count}). */
function byDay(rows, keyOf) {
  const m = new Map();
  for (const r of rows) {
    const cell = m.get(r.day) ?? {};
    cell[keyOf(r)] = (cell[keyOf(r)] ?? 0) + r.count;
    m.set(r.day, cell);
  }
  return m;
}

function Activity({ stats, days }) {
  const reasons = [...new Set(stats.rejectionsPerDay.map((r) => r.reason))].sort();
  return html`<section aria-labelledby="activity-h">
    <h2 id="activity-h">Activity <span class="quiet">(counts only, days in UTC)</span></h2>
    <${Totals} totals=${stats.totals} />
    <div class="grid">
      <${DayChart}
        id="events-day"
        title="Events per day"
        days=${days}
        series=${[{ key: 'events', label: 'Events' }]}
        counts=${byDay(stats.eventsPerDay, () => 'events')}
      />
      <${CategoryChart}
        id="events-kind"
        title="Events by kind"
        labelHead="Kind"
        items=${stats.eventsPerKind.map((r) => ({ label: r.kind, count: r.count }))}
      />
      <${CategoryChart}
        id="events-language"
        title="File events by language"
        labelHead="Language"
        items=${stats.eventsPerLanguage.map((r) => ({ label: r.language, count: r.count }))}
      />
      <${DayChart}
        id="pauses-day"
        title="Pauses started per day"
        days=${days}
        series=${[{ key: 'pauses', label: 'Pauses' }]}
        counts=${byDay(stats.pausesPerDay, () => 'pauses')}
      />
      <${DayChart}
        id="exemptions-day"
        title="Exemption requests per day"
        days=${days}
        series=${[
          { key: 'approved', label: 'Approved', tone: 0 },
          { key: 'denied', label: 'Denied', tone: 2 },
          { key: 'pending', label: 'Pending', tone: 1 },
        ]}
        counts=${byDay(stats.exemptionsPerDay, (r) => r.status)}
      />
      <${DayChart}
        id="rejections-day"
        title="Events refused at ingest per day"
        days=${days}
        series=${reasons.length ? reasons.map((r) => ({ key: r, label: r })) : [{ key: 'none', label: 'Refused' }]}
        counts=${byDay(stats.rejectionsPerDay, (r) => r.reason)}
      />
    </div>
  </section>`;
}

function Deletions({ deletions, onRunJobs, busy }) {
  const rows = [...deletions].sort((a, b) => b.requestedAt - a.requestedAt).slice(0, 100);
  const open = deletions.filter((d) => d.status !== 'done').length;
  return html`<section aria-labelledby="deletions-h">
    <h2 id="deletions-h">Deletion requests</h2>
    <p class="quiet">
      A request hides the data at once; the deletion job then removes it for good (it also runs on its own schedule). ${' '}<span
        data-testid="deletions-open"
        >${number(open)}</span
      >
      still to complete.
    </p>
    <button type="button" onClick=${onRunJobs} disabled=${busy}>Run deletion and retention now</button>
    ${
      rows.length === 0
        ? html`<p class="quiet">No deletion request.</p>`
        : html`<div class="table-wrap">
            <table class="list" aria-label="Deletion requests">
              <thead>
                <tr>
                  <th scope="col">Requested</th>
                  <th scope="col">Requester</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Status</th>
                  <th scope="col">Completed</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (d) =>
                    html`<tr key=${d.id} data-deletion=${d.id}>
                      <td>${when(d.requestedAt)}</td>
                      <td>${d.userId}</td>
                      <td>${deletionScope(d.scope)}</td>
                      <td><span class=${`badge ${d.status}`}>${d.status === 'done' ? 'deleted' : 'hidden, deletion pending'}</span></td>
                      <td>${when(d.completedAt)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

function periodRange(period, now) {
  if (period === 'all') return {};
  const days = Number(period);
  return { from: Date.parse(`${utcDay(now - (days - 1) * DAY_MS)}T00:00:00Z`) };
}

function shownDays(period, stats, now) {
  const today = utcDay(now);
  if (period !== 'all') return daysBetween(utcDay(now - (Number(period) - 1) * DAY_MS), today);
  const seen = [...stats.eventsPerDay, ...stats.pausesPerDay, ...stats.exemptionsPerDay, ...stats.rejectionsPerDay]
    .map((r) => r.day)
    .sort();
  return daysBetween(seen[0] ?? today, today);
}

function Dashboard({ onSignOut }) {
  const [period, setPeriod] = useState('30');
  const [data, setData] = useState(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (message) => {
      setBusy(true);
      try {
        const now = Date.now();
        const [stats, exemptions, deletions] = await Promise.all([api.stats(periodRange(period, now)), api.exemptions(), api.deletions()]);
        setData({ stats, exemptions, deletions, days: shownDays(period, stats, now), at: now });
        setError('');
        if (message) setStatus(message);
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) onSignOut(err.message);
        else setError(err.message);
      } finally {
        setBusy(false);
      }
    },
    [period, onSignOut],
  );

  useEffect(() => {
    load();
  }, [load]);

  const runJobs = async () => {
    setBusy(true);
    try {
      const r = await api.runJobs();
      await load(
        `Deletion job ran: ${number(r.deletionsCompleted)} request(s) completed, ${number(r.retentionPurged)} event(s) past retention removed.`,
      );
    } catch (err) {
      setError(err.message);
      setBusy(false);
    }
  };

  return html`<div class="page">
    <header class="top">
      <h1>Codetrail administration</h1>
      <div class="controls">
        <label for="period">Period</label>
        <select id="period" value=${period} onChange=${(e) => setPeriod(e.currentTarget.value)}>
          ${PERIODS.map((p) => html`<option key=${p.value} value=${p.value}>${p.label}</option>`)}
        </select>
        <button type="button" onClick=${() => load('Refreshed.')} disabled=${busy}>Refresh</button>
        <button type="button" class="quiet-button" onClick=${() => onSignOut()}>Sign out</button>
      </div>
    </header>
    <p class="status" role="status" aria-live="polite" data-testid="status">${status}</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <main id="main" aria-busy=${busy ? 'true' : 'false'}>
      ${
        data === null
          ? html`<p class="quiet">Loading…</p>`
          : html` <${Exemptions} exemptions=${data.exemptions} onDecided=${(m) => load(m)} />
              <${Activity} stats=${data.stats} days=${data.days} />
              <${Deletions} deletions=${data.deletions} onRunJobs=${runJobs} busy=${busy} />
              <p class="quiet footer">Updated ${when(data.at)}.</p>`
      }
    </main>
  </div>`;
}

function App() {
  const [signedIn, setSignedIn] = useState(() => token.get() !== null);
  const [notice, setNotice] = useState('');
  const signOut = useCallback((message) => {
    token.clear();
    setNotice(message ?? '');
    setSignedIn(false);
  }, []);
  return signedIn
    ? html`<${Dashboard} onSignOut=${signOut} />`
    : html`<${SignIn}
        notice=${notice}
        onSignedIn=${() => {
          setNotice('');
          setSignedIn(true);
        }}
      />`;
}

const root = document.getElementById('app');
// Preact renders beside existing children; the loading line must go.
root.replaceChildren();
render(html`<${App} />`, root);
