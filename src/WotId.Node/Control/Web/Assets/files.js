// @ts-check
// File transfer on the chat page (docs/node.md "Chat in the browser", docs/files.md): drop a file on the conversation
// or pick one with the button; the browser cannot name a path on the node's machine, so the bytes are uploaded to the
// node (POST /v1/files/upload, streamed into the profile) and offered from there. Every transfer is listed with a
// progress bar driven by the node's file.* events, accept/decline buttons for incoming offers and cancel for running
// ones. Untrusted text (file names, reasons) only ever goes into textContent.

/** @typedef {{id: string, contact: string, direction: string, name: string, size: number, mediaType: string, transferred: number, state: string, path?: string|null, reason?: string|null}} Transfer */
/** @typedef {{call: (method: string, path: string, body?: unknown) => Promise<any>, csrf: () => string, current: () => string|null, activity: (text: string, cls?: string, at?: string) => HTMLElement}} Page */

const ENDED = new Set(['completed', 'declined', 'cancelled', 'failed']);

/** @type {Map<string, Transfer>} */
const transfers = new Map();

/** @type {Page} */
let page;

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** "2.1 MB": SI units, three significant digits, as `wotid files` prints them. */
export function size(/** @type {number} */ bytes) {
  if (bytes < 1000) return bytes + ' B';
  const units = ['kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let v = bytes, u = -1;
  while (v >= 999.5 && u < units.length - 1) { v /= 1000; u++; }
  return (v >= 99.95 ? v.toFixed(0) : v.toFixed(1)) + ' ' + units[u];
}

function el(/** @type {string} */ tag, /** @type {string} */ text = '', /** @type {string} */ cls = '') {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function button(/** @type {string} */ text, /** @type {string} */ action, /** @type {() => void} */ onClick) {
  const b = /** @type {HTMLButtonElement} */ (el('button', text));
  b.type = 'button';
  b.dataset.action = action;
  b.addEventListener('click', onClick);
  return b;
}

/** The list item of a transfer (created on first sight), redrawn from its record. */
function render(/** @type {Transfer} */ t) {
  let li = /** @type {HTMLElement|null} */ ($('transfers').querySelector(`li[data-id="${CSS.escape(t.id)}"]`));
  if (!li) {
    li = el('li', '', t.direction === 'incoming' ? 'in' : 'out');
    li.dataset.id = t.id;
    $('transfers').prepend(li);
  }
  li.dataset.state = t.state;
  li.dataset.contact = t.contact;
  const bar = /** @type {HTMLProgressElement} */ (el('progress'));
  bar.max = Math.max(t.size, 1);
  bar.value = t.size === 0 && t.state === 'completed' ? 1 : t.transferred;
  const pct = t.size > 0 ? Math.floor(t.transferred * 100 / t.size) : (t.state === 'completed' ? 100 : 0);
  const title = el('span', (t.direction === 'incoming' ? t.contact + ' → you: ' : 'you → ' + t.contact + ': ') + t.name, 'name');
  const status = el('span', stateText(t, pct), 'progress-text');
  const actions = el('span', '', 'actions');
  if (t.direction === 'incoming' && t.state === 'offered') {
    actions.append(button('Accept', 'accept', () => { void act(t.id, 'accept', {}); }), button('Decline', 'decline', () => { void act(t.id, 'decline'); }));
  } else if (!ENDED.has(t.state)) {
    actions.append(button('Cancel', 'cancel', () => { void act(t.id, 'cancel'); }));
  }
  li.replaceChildren(title, bar, status, actions);
}

function stateText(/** @type {Transfer} */ t, /** @type {number} */ pct) {
  const amount = size(t.transferred) + ' / ' + size(t.size) + ' (' + pct + '%)';
  switch (t.state) {
    case 'queued': return 'waiting until ' + t.contact + ' is reachable · ' + size(t.size);
    case 'offered': return t.direction === 'incoming' ? 'offered · ' + size(t.size) : 'waiting for ' + t.contact + ' to accept · ' + size(t.size);
    case 'transferring': return amount;
    case 'interrupted': return (t.reason === 'disk_full' ? 'paused, no space left on this disk · '
      : t.reason === 'receiver_disk_full' ? 'paused, ' + t.contact + '\'s disk is full · '
      : t.reason === 'destination_full' ? 'verified, waiting for space in its destination folder · '
      : t.reason === 'receiver_destination_full' ? 'verified by ' + t.contact + ', waiting for space in their destination folder · '
      : t.reason === 'destination_unwritable' ? 'verified, waiting for its destination folder to be writable · '
      : t.reason === 'receiver_destination_unwritable' ? 'verified by ' + t.contact + ', waiting for their destination folder to be writable · '
      : 'interrupted, resumes when connected · ') + amount;
    case 'completed': return 'completed and verified · ' + size(t.size);
    default: return t.state + (t.reason ? ': ' + t.reason : '');
  }
}

async function act(/** @type {string} */ id, /** @type {string} */ verb, /** @type {unknown} */ body = undefined) {
  try {
    /** @type {Transfer} */
    const t = await page.call('POST', '/v1/files/' + encodeURIComponent(id) + '/' + verb, body);
    transfers.set(t.id, t);
    render(t);
  } catch (e) {
    page.activity('Could not ' + verb + ' the file: ' + (e instanceof Error ? e.message : String(e)), 'refused');
  }
}

/** Reloads every transfer from the node (at start and whenever the event stream reopens). */
export async function loadTransfers() {
  /** @type {Transfer[]} */
  const list = await page.call('GET', '/v1/files');
  $('transfers').replaceChildren();
  transfers.clear();
  for (const t of [...list].reverse()) { transfers.set(t.id, t); render(t); }
}

/** Applies a file.* event; returns false for other kinds. */
export function onFileEvent(/** @type {{kind: string, at: string, contact?: string, fileId?: string, bytes?: number, size?: number, text?: string, reason?: string}} */ e) {
  if (!e.kind.startsWith('file.') || !e.fileId) return false;
  const t = transfers.get(e.fileId);
  switch (e.kind) {
    case 'file.offered':
      page.activity((e.contact ?? 'A contact') + ' offers ' + (e.text ?? 'a file') + ' (' + size(e.size ?? 0) + ')', 'file', e.at);
      void loadTransfers().catch(() => { /* shown by call() */ });
      return true;
    case 'file.accepted':
    case 'file.progress':
      if (t) {
        t.state = 'transferring';
        if (typeof e.bytes === 'number') t.transferred = e.bytes;
        if (typeof e.size === 'number') t.size = e.size;
        render(t);
      } else {
        void loadTransfers().catch(() => { /* shown by call() */ });
      }
      return true;
    case 'file.interrupted':
      if (t) {
        t.state = 'interrupted';
        t.reason = e.reason ?? null;
        if (typeof e.bytes === 'number') t.transferred = e.bytes;
        render(t);
      }
      if (e.reason === 'disk_full') page.activity((t ? t.name : 'A file') + ' is paused: no space left on this disk for the rest; it goes on once there is space', 'refused', e.at);
      if (e.reason === 'receiver_disk_full') page.activity((t ? t.name : 'A file') + ' is paused: ' + (e.contact ?? 'the contact') + '\'s disk has no space for the rest', 'refused', e.at);
      if (e.reason === 'destination_full') page.activity((t ? t.name : 'A file') + ' arrived whole and verified, but its destination folder has no space for it; it is kept and moved there once there is space', 'refused', e.at);
      if (e.reason === 'receiver_destination_full') page.activity((e.contact ?? 'The contact') + ' has ' + (t ? t.name : 'the file') + ' verified, but their destination folder has no space for it', 'refused', e.at);
      if (e.reason === 'destination_unwritable') page.activity((t ? t.name : 'A file') + ' arrived whole and verified, but its destination folder cannot be written; it is kept and moved there once it can be', 'refused', e.at);
      if (e.reason === 'receiver_destination_unwritable') page.activity((e.contact ?? 'The contact') + ' has ' + (t ? t.name : 'the file') + ' verified, but their destination folder cannot be written', 'refused', e.at);
      return true;
    case 'file.completed':
    case 'file.ended':
      page.activity((t ? t.name : 'A file') + (e.kind === 'file.completed' ? ' arrived whole and verified' : ' ended: ' + (e.reason ?? 'no reason given')), e.kind === 'file.completed' ? 'file' : 'refused', e.at);
      void loadTransfers().catch(() => { /* shown by call() */ });
      return true;
    default:
      return true;
  }
}

/** Uploads one file to the node and offers it to the open contact; the upload's own progress is shown meanwhile. */
export function upload(/** @type {File} */ file) {
  const to = page.current();
  if (to === null) return;
  const li = el('li', '', 'out uploading');
  li.dataset.state = 'uploading';
  const bar = /** @type {HTMLProgressElement} */ (el('progress'));
  bar.max = Math.max(file.size, 1);
  bar.value = 0;
  const status = el('span', 'uploading to your node · 0 B / ' + size(file.size), 'progress-text');
  li.append(el('span', 'you → ' + to + ': ' + file.name, 'name'), bar, status);
  $('transfers').prepend(li);

  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/v1/files/upload?contact=' + encodeURIComponent(to) + '&name=' + encodeURIComponent(file.name));
  xhr.setRequestHeader('X-Wotid-Csrf', page.csrf());
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.upload.onprogress = p => {
    bar.value = p.loaded;
    status.textContent = 'uploading to your node · ' + size(p.loaded) + ' / ' + size(file.size);
  };
  xhr.onload = () => {
    li.remove();
    if (xhr.status === 200) {
      /** @type {Transfer} */
      const t = JSON.parse(xhr.responseText);
      transfers.set(t.id, t);
      render(t);
      return;
    }
    let message = xhr.statusText;
    try { message = JSON.parse(xhr.responseText).message; } catch { /* not the error shape */ }
    page.activity('Not sent to ' + to + ': ' + file.name + ': ' + message, 'refused');
  };
  xhr.onerror = () => {
    li.remove();
    page.activity('Not sent to ' + to + ': the upload of ' + file.name + ' broke off', 'refused');
  };
  xhr.send(file);
}

/** Wires the file button, the drop zone (the conversation) and the list. */
export function initFiles(/** @type {Page} */ p) {
  page = p;
  const input = /** @type {HTMLInputElement} */ ($('file-input'));
  $('file-button').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    for (const f of input.files ?? []) upload(f);
    input.value = '';
  });
  const zone = $('chat');
  const dragging = (/** @type {DragEvent} */ d) => page.current() !== null && !!d.dataTransfer && [...d.dataTransfer.types].includes('Files');
  zone.addEventListener('dragover', d => {
    if (!dragging(d)) return;
    d.preventDefault();
    if (d.dataTransfer) d.dataTransfer.dropEffect = 'copy';
    zone.classList.add('dropping');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dropping'));
  zone.addEventListener('drop', d => {
    zone.classList.remove('dropping');
    if (!dragging(d)) return;
    d.preventDefault();
    for (const f of d.dataTransfer?.files ?? []) upload(f);
  });
}
