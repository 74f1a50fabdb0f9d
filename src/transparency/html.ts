// The webview's HTML shell: a strict Content-Security-Policy (no inline code, scripts only with
// this load's nonce, styles and the icon font only from the extension's media folder).
import { randomBytes } from 'node:crypto';

export interface ShellUris {
  /** The webview's cspSource (which origins the extension's files come from). */
  cspSource: string;
  script: string;
  style: string;
  codicons: string;
}

export function newNonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
  ].join('; ');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Everything dynamic is filled in by the script from posted data, never written into HTML. */
export function renderShell(u: ShellUris, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(u.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(u.codicons)}">
<link rel="stylesheet" href="${escapeAttr(u.style)}">
<title>Codetrail: Collected Data</title>
</head>
<body>
<header class="top">
  <h1><span class="codicon codicon-eye" aria-hidden="true"></span> What Codetrail holds on this machine</h1>
  <p class="lead">Exactly what leaves (or left) this editor — already redacted. Pending events can be removed before they are sent.</p>
  <ul class="counts" id="counts" aria-label="Counts"></ul>
  <div class="toolbar" role="toolbar" aria-label="Filters and actions">
    <label>File <select id="f-file" aria-label="Filter by file"></select></label>
    <label>Kind <select id="f-kind" aria-label="Filter by kind"></select></label>
    <label>Status <select id="f-status" aria-label="Filter by status">
      <option value="all">All</option><option value="pending">Pending</option><option value="sent">Sent</option>
    </select></label>
    <button id="refresh" class="secondary" title="Refresh (R)"><span class="codicon codicon-refresh" aria-hidden="true"></span> Refresh</button>
    <button id="remove-shown" class="secondary" title="Remove every pending event the filters show"><span class="codicon codicon-trash" aria-hidden="true"></span> Remove shown pending</button>
    <button id="export" class="secondary" title="Export my trajectories"><span class="codicon codicon-export" aria-hidden="true"></span> Export…</button>
    <button id="delete" class="secondary" title="Ask the collection service to delete collected data"><span class="codicon codicon-cloud" aria-hidden="true"></span> Delete collected data…</button>
  </div>
</header>
<main class="split">
  <section class="list" id="list" aria-label="Events" tabindex="-1"></section>
  <section class="detail" id="detail" aria-label="Event detail" aria-live="polite" tabindex="-1">
    <p class="hint">Select an event (↑/↓, Enter) to see it exactly as sent. Delete removes a pending event.</p>
  </section>
</main>
<script nonce="${nonce}" src="${escapeAttr(u.script)}"></script>
</body>
</html>`;
}
