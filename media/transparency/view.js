// @ts-check
// The "Show Collected Data" webview. Builds the DOM from posted data with textContent only
// (never innerHTML), so nothing recorded can run as markup; keyboard first: a listbox with
// arrow keys, Home/End, Enter to open, Delete to remove a pending event.
/* global acquireVsCodeApi, document, window, HTMLSelectElement */
(function () {
  const vscode = acquireVsCodeApi();
  /** @type {{ filter?: any, selected?: string }} */
  const saved = vscode.getState() || {};
  let model = /** @type {any} */ (undefined);
  let selected = saved.selected;

  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const list = $('list');
  const detail = $('detail');
  const fFile = /** @type {HTMLSelectElement} */ ($('f-file'));
  const fKind = /** @type {HTMLSelectElement} */ ($('f-kind'));
  const fStatus = /** @type {HTMLSelectElement} */ ($('f-status'));

  /** @param {string} tag @param {string} [cls] @param {string} [text] */
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  /** @param {string} name */
  function icon(name) {
    const i = el('span', 'codicon codicon-' + name);
    i.setAttribute('aria-hidden', 'true');
    return i;
  }
  /** @param {number} ms */
  function duration(ms) {
    const m = Math.round(ms / 60000);
    return m < 60 ? m + ' min' : Math.floor(m / 60) + ' h ' + String(m % 60).padStart(2, '0') + ' min';
  }
  /** @param {number} t */
  function clock(t) {
    const d = new Date(t);
    const today = new Date();
    const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return d.toDateString() === today.toDateString() ? time : d.toLocaleDateString() + ' ' + time;
  }

  function currentFilter() {
    return { file: fFile.value, kind: fKind.value, status: fStatus.value };
  }
  function persist() {
    vscode.setState({ filter: currentFilter(), selected });
  }

  /** @param {HTMLSelectElement} sel @param {string[]} values @param {string} all @param {string} value */
  function fillSelect(sel, values, all, value) {
    sel.replaceChildren();
    const o = el('option', undefined, all);
    o.setAttribute('value', '');
    sel.append(o);
    for (const v of values) {
      const opt = el('option', undefined, v);
      opt.setAttribute('value', v);
      sel.append(opt);
    }
    sel.value = values.includes(value) ? value : '';
  }

  function renderCounts() {
    const c = model.counts;
    const items = [
      ['calendar', 'Captured today', String(c.capturedToday)],
      ['clock', 'Pending', String(c.pending)],
      ['cloud-upload', 'Sent (kept here)', String(c.sent)],
      ['eye-closed', 'Excluded files today', String(c.excluded)],
      ['debug-pause', 'Paused today', duration(c.pausedMs)],
    ];
    const ul = $('counts');
    ul.replaceChildren();
    for (const [ic, label, value] of items) {
      const li = el('li');
      li.append(icon(ic), el('span', 'count-value', value), el('span', 'count-label', label));
      li.setAttribute('aria-label', label + ': ' + value);
      ul.append(li);
    }
  }

  function rows() {
    return /** @type {HTMLElement[]} */ ([...list.querySelectorAll('[role="option"]')]);
  }

  function renderList() {
    list.replaceChildren();
    let any = false;
    for (const g of model.groups) {
      const section = el('div', 'group');
      const h = el('h2', undefined, g.label + ' (' + (g.rows.length + g.hidden) + ')');
      h.id = 'g-' + g.status;
      section.append(h);
      const box = el('div', 'rows');
      box.setAttribute('role', 'listbox');
      box.setAttribute('aria-labelledby', h.id);
      for (const r of g.rows) {
        any = true;
        const row = el('div', 'row ' + r.status);
        row.setAttribute('role', 'option');
        row.dataset.id = r.id;
        row.dataset.removable = r.removable ? '1' : '';
        row.tabIndex = -1;
        row.setAttribute('aria-selected', String(r.id === selected));
        row.setAttribute('aria-label', r.title + ', ' + r.subtitle + ', ' + r.status + ', ' + clock(r.time));
        const main = el('div', 'row-main');
        main.append(icon(r.icon), el('span', 'row-title', r.title));
        const sub = el('div', 'row-sub');
        sub.append(el('span', 'badge ' + r.status, r.status), el('span', undefined, r.subtitle), el('span', 'row-time', clock(r.time)));
        row.append(main, sub);
        if (r.removable) {
          const b = el('button', 'icon-button');
          b.title = 'Remove before it is sent (Delete)';
          b.setAttribute('aria-label', 'Remove ' + r.title);
          b.tabIndex = -1;
          b.append(icon('trash'));
          b.addEventListener('click', (ev) => {
            ev.stopPropagation();
            vscode.postMessage({ type: 'remove', ids: [r.id] });
          });
          row.append(b);
        }
        row.addEventListener('click', () => select(r.id, true));
        box.append(row);
      }
      if (g.hidden) box.append(el('p', 'more', g.hidden + ' more not shown — narrow the filters.'));
      if (!g.rows.length) box.append(el('p', 'empty', g.status === 'pending' ? 'Nothing waiting to be sent.' : 'No sent copies kept on this machine.'));
      section.append(box);
      list.append(section);
    }
    const all = rows();
    const focusRow = all.find((r) => r.dataset.id === selected) || all[0];
    if (focusRow) focusRow.tabIndex = 0;
    if (!any) selected = undefined;
    ($('remove-shown')).toggleAttribute('disabled', !model.groups.some((/** @type {any} */ g) => g.status === 'pending' && g.rows.length));
  }

  /** @param {string} id @param {boolean} focus */
  function select(id, focus) {
    selected = id;
    persist();
    for (const r of rows()) {
      const on = r.dataset.id === id;
      r.setAttribute('aria-selected', String(on));
      r.tabIndex = on ? 0 : -1;
      if (on && focus) {
        r.focus();
        r.scrollIntoView({ block: 'nearest' });
      }
    }
    vscode.postMessage({ type: 'select', id });
  }

  /** @param {any} d */
  function renderDetail(d) {
    detail.replaceChildren();
    const h = el('h2', undefined, d.title);
    detail.append(h);
    const dl = el('dl', 'fields');
    for (const [k, v] of d.fields) dl.append(el('dt', undefined, k), el('dd', undefined, v));
    detail.append(dl);
    if (d.diff) {
      const table = el('table', 'diff');
      table.setAttribute('aria-label', 'Diff of this step');
      for (const l of d.diff) {
        const tr = el('tr', 'd-' + l.type);
        const mark = l.type === 'add' ? '+' : l.type === 'del' ? '−' : '';
        tr.append(
          el('td', 'ln', l.oldLine === undefined ? '' : String(l.oldLine)),
          el('td', 'ln', l.newLine === undefined ? '' : String(l.newLine)),
          el('td', 'mark', mark),
          el('td', 'code', l.text),
        );
        if (l.type === 'add') tr.setAttribute('aria-label', 'added: ' + l.text);
        if (l.type === 'del') tr.setAttribute('aria-label', 'removed: ' + l.text);
        table.append(tr);
      }
      detail.append(table);
    }
    if (d.text) {
      detail.append(el('h3', undefined, d.text.label), el('pre', 'text', d.text.value));
    }
    const json = el('details', 'json');
    json.append(el('summary', undefined, 'The event exactly as sent (JSON)'), el('pre', undefined, d.json));
    detail.append(json);
  }

  function onFilter() {
    persist();
    vscode.postMessage({ type: 'filter', filter: currentFilter() });
  }
  fFile.addEventListener('change', onFilter);
  fKind.addEventListener('change', onFilter);
  fStatus.addEventListener('change', onFilter);
  $('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  $('remove-shown').addEventListener('click', () => vscode.postMessage({ type: 'removeShown', filter: currentFilter() }));
  $('export').addEventListener('click', () => vscode.postMessage({ type: 'command', name: 'export' }));
  $('delete').addEventListener('click', () => vscode.postMessage({ type: 'command', name: 'delete' }));

  list.addEventListener('keydown', (ev) => {
    const all = rows();
    if (!all.length) return;
    const i = Math.max(0, all.findIndex((r) => r.dataset.id === selected));
    let next;
    switch (ev.key) {
      case 'ArrowDown': next = Math.min(all.length - 1, i + 1); break;
      case 'ArrowUp': next = Math.max(0, i - 1); break;
      case 'Home': next = 0; break;
      case 'End': next = all.length - 1; break;
      case 'PageDown': next = Math.min(all.length - 1, i + 10); break;
      case 'PageUp': next = Math.max(0, i - 10); break;
      case 'Enter':
      case ' ':
        if (all[i]) select(/** @type {string} */ (all[i].dataset.id), true);
        ev.preventDefault();
        return;
      case 'Delete':
      case 'Backspace':
        if (all[i] && all[i].dataset.removable) vscode.postMessage({ type: 'remove', ids: [all[i].dataset.id] });
        ev.preventDefault();
        return;
      default:
        return;
    }
    ev.preventDefault();
    select(/** @type {string} */ (all[next].dataset.id), true);
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'r' && !ev.ctrlKey && !ev.metaKey && !(ev.target instanceof HTMLSelectElement)) vscode.postMessage({ type: 'refresh' });
  });

  window.addEventListener('message', (ev) => {
    const m = ev.data;
    if (m.type === 'model') {
      model = m.model;
      fillSelect(fFile, model.files, 'All files', model.filter.file);
      fillSelect(fKind, model.kinds, 'All kinds', model.filter.kind);
      fStatus.value = model.filter.status;
      renderCounts();
      renderList();
      document.body.dataset.ready = '1';
    } else if (m.type === 'detail') {
      if (m.detail && m.detail.id === selected) renderDetail(m.detail);
      if (!m.detail) {
        detail.replaceChildren(el('p', 'hint', 'This event is no longer held on this machine.'));
      }
    }
  });

  vscode.postMessage({ type: 'ready', filter: saved.filter, selected });
})();
