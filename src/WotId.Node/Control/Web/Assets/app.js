// @ts-check
// The wot.id chat page (docs/node.md "Chat in the browser"). Plain JavaScript, no framework, no build step, nothing
// loaded from elsewhere: the node serves this file, index.html and app.css from its own assembly. Everything the page
// shows comes from the node's control API (/v1/...) on the same origin; live updates from its event stream.
// Untrusted text (names, messages, reasons) only ever goes into textContent, never into HTML. File transfer is in
// files.js.

import { initFiles, loadTransfers, onFileEvent } from './files.js';

/** @typedef {{kind: string, at: string, contact?: string, peerId?: string, messageId?: string, text?: string, via?: string, reason?: string, fingerprint?: string, fileId?: string, bytes?: number, size?: number}} NodeEvent */
/** @typedef {{id: string, outgoing: boolean, text: string, at: string, state: string, via?: string|null}} Entry */
/** @typedef {{name: string, did: string, fingerprint: string, peerId: string, verification: string, safetyNumber?: string|null, hasMailbox: boolean}} Contact */

/** Why a handshake was refused, by reason token (docs/node.md "Handshake"). */
const REASONS = /** @type {Record<string, string>} */ ({
  bad_signature: 'a signature did not verify',
  untrusted_issuer: 'the credential was issued by an issuer this node does not trust',
  expired: 'the credential has expired',
  not_yet_valid: 'the credential is not valid yet',
  revoked: 'the credential was revoked by its issuer',
  status_unavailable: 'the revocation status could not be checked',
  subject_mismatch: 'the credential belongs to someone else',
  binding_mismatch: 'the proof is not bound to this connection',
  replayed_presentation: 'a credential presentation was replayed',
  missing_credential: 'no VerifiedHuman credential was presented',
  malformed_message: 'a handshake message was malformed',
  version_not_supported: 'the peer speaks another handshake version',
  timeout: 'the handshake timed out',
});

/** Order of message states: a later event never moves a message back. */
const RANK = /** @type {Record<string, number>} */ ({ sending: 0, queued: 1, held: 1, sent: 2, deposited: 2, delivered: 3, read: 4, received: 1 });

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

let csrf = '';
/** @type {Map<string, Contact>} */
let contacts = new Map();
/** @type {string|null} */
let current = null;
/** States that arrived before their message was on screen. @type {Map<string, {state: string, via?: string}>} */
const early = new Map();
/** @type {Map<string, number>} */
const unread = new Map();
/** @type {EventSource|null} */
let events = null;
let sessionLost = false;

class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

/** Calls the control API with the session cookie and the anti-CSRF header. */
async function call(/** @type {string} */ method, /** @type {string} */ path, /** @type {unknown} */ body = undefined) {
  /** @type {Record<string, string>} */
  const headers = { 'X-Wotid-Csrf': csrf };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'same-origin' });
  if (response.status === 401) lose('This page is not signed in to the running node (it restarted or the address was opened elsewhere). Open the address `wotid run --web` printed.');
  if (!response.ok) {
    let code = 'failed', message = response.statusText;
    try { const e = await response.json(); code = e.error; message = e.message; } catch { /* not the error shape */ }
    throw new ApiError(response.status, code, message);
  }
  return response.status === 204 ? null : response.json();
}

/** Exchanges the one-time token of the address for the session cookie, or resumes the session of this node run. */
async function signIn() {
  const match = /^#token=([A-Za-z0-9_-]{1,256})$/.exec(location.hash);
  history.replaceState(null, '', '/');
  if (match) {
    const response = await fetch('/web/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: match[1] }), cache: 'no-store' });
    if (response.ok) return (await response.json()).csrf;
  }
  const resumed = await fetch('/web/session', { cache: 'no-store' });
  return resumed.ok ? (await resumed.json()).csrf : null;
}

function banner(/** @type {string} */ text) {
  const b = $('banner');
  b.textContent = text;
  b.hidden = text === '';
}

function lose(/** @type {string} */ text) {
  sessionLost = true;
  banner(text);
  setLive('down', 'signed out');
  if (events) { events.close(); events = null; }
}

function setLive(/** @type {string} */ state, /** @type {string} */ text) {
  const live = $('live');
  live.dataset.state = state;
  live.textContent = text;
}

function el(/** @type {string} */ tag, /** @type {string} */ text = '', /** @type {string} */ cls = '') {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function time(/** @type {string} */ at) {
  const t = el('time', new Date(at).toLocaleTimeString());
  t.setAttribute('datetime', at);
  return t;
}

async function loadStatus() {
  const s = await call('GET', '/v1/status');
  $('me-name').textContent = s.name;
  $('me-fingerprint').textContent = s.fingerprint;
  const c = $('me-credential');
  if (s.credential) {
    const until = s.credential.validUntil ? ' until ' + new Date(s.credential.validUntil).toLocaleDateString() : '';
    c.textContent = (s.credential.valid ? 'credential valid' : 'credential NOT valid') + until + ' · issuer ' + s.credential.issuerFingerprint;
    c.className = s.credential.valid ? 'valid' : 'invalid';
  } else {
    c.textContent = 'no credential';
    c.className = 'invalid';
  }
}

async function loadContacts() {
  /** @type {Contact[]} */
  const list = await call('GET', '/v1/contacts');
  contacts = new Map(list.map(c => [c.name, c]));
  try {
    /** @type {{from: string, read: boolean}[]} */
    const inbox = await call('GET', '/v1/inbox');
    unread.clear();
    for (const m of inbox) if (!m.read) unread.set(m.from, (unread.get(m.from) ?? 0) + 1);
  } catch { /* counts are a convenience */ }
  renderContacts();
  if (current !== null) renderContactCard();
}

function renderContacts() {
  const ul = $('contacts');
  ul.replaceChildren();
  for (const c of contacts.values()) {
    const button = el('button');
    button.type = 'button';
    button.dataset.contact = c.name;
    button.append(el('span', c.name), el('span', c.verification.replace('_', ' '), 'badge ' + c.verification));
    const n = unread.get(c.name) ?? 0;
    if (n > 0 && c.name !== current) button.append(el('span', String(n), 'badge unread'));
    if (c.name === current) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => { void open(c.name); });
    const li = el('li');
    li.append(button);
    ul.append(li);
  }
}

function renderContactCard() {
  const c = current === null ? undefined : contacts.get(current);
  $('contact-card').hidden = !c;
  $('compose').hidden = !c;
  $('no-contact').hidden = !!c;
  if (!c) return;
  $('contact-name').textContent = c.name;
  $('contact-fingerprint').textContent = c.fingerprint;
  const v = $('contact-verification');
  v.textContent = { verified: 'verified (a VerifiedHuman handshake passed)', unverified: 'not verified yet (added from an invitation, no handshake yet)', key_changed: 'KEY CHANGED: messages are held until you accept the new key' }[c.verification] ?? c.verification;
  v.dataset.verification = c.verification;
  $('contact-safety').textContent = c.safetyNumber ?? 'not known yet';
  $('contact-mailbox').textContent = c.hasMailbox ? 'known: messages reach them while they are offline' : 'unknown: messages wait until they are online';
  $('accept-key').hidden = c.verification !== 'key_changed';
}

async function open(/** @type {string} */ name) {
  current = name;
  unread.delete(name);
  renderContacts();
  renderContactCard();
  await loadConversation();
}

async function loadConversation() {
  if (current === null) return;
  const name = current;
  /** @type {Entry[]} */
  const entries = await call('GET', '/v1/conversations/' + encodeURIComponent(name));
  if (name !== current) return;
  $('messages').replaceChildren();
  for (const entry of entries) show(entry);
}

/** Adds a message to the open conversation, or updates it when it is there already. */
function show(/** @type {Entry} */ entry) {
  const existing = messageElement(entry.id);
  if (existing) { setState(existing, entry.state, entry.via ?? undefined); return; }
  const li = el('li', '', entry.outgoing ? 'out' : 'in');
  li.dataset.id = entry.id;
  li.dataset.state = entry.state;
  if (entry.via) li.dataset.via = entry.via;
  li.append(el('span', entry.text, 'text'), el('span', '', 'state'));
  li.lastElementChild?.prepend(time(entry.at), ' ');
  $('messages').append(li);
  const e = early.get(entry.id);
  if (e) { early.delete(entry.id); setState(li, e.state, e.via); }
  label(li);
  li.scrollIntoView({ block: 'nearest' });
  if (!entry.outgoing && entry.state === 'received') void markRead(li);
}

function messageElement(/** @type {string} */ id) {
  for (const li of $('messages').children) if (/** @type {HTMLElement} */ (li).dataset.id === id) return /** @type {HTMLElement} */ (li);
  return null;
}

function setState(/** @type {HTMLElement} */ li, /** @type {string} */ state, /** @type {string|undefined} */ via) {
  if ((RANK[state] ?? 0) >= (RANK[li.dataset.state ?? ''] ?? 0)) li.dataset.state = state;
  if (via) li.dataset.via = via;
  label(li);
}

function label(/** @type {HTMLElement} */ li) {
  const mailbox = li.dataset.via === 'mailbox';
  const text = {
    sending: 'sending…',
    queued: 'queued: not sent yet',
    held: 'held: the contact\'s key changed',
    sent: 'sent ✓',
    deposited: 'in their mailbox ✓',
    delivered: mailbox ? 'claimed from their mailbox · delivered ✓✓' : 'delivered ✓✓',
    read: 'read ✓✓',
    received: mailbox ? 'received via your mailbox' : 'received',
  }[li.dataset.state ?? ''] ?? li.dataset.state ?? '';
  const span = li.querySelector('.state');
  if (!span) return;
  const t = span.querySelector('time');
  span.replaceChildren(...(t ? [t, ' '] : []), text);
}

async function markRead(/** @type {HTMLElement} */ li) {
  if (document.visibilityState === 'hidden' || current === null || li.dataset.state !== 'received') return;
  li.dataset.reading = '1';
  try {
    await call('POST', '/v1/messages/' + encodeURIComponent(li.dataset.id ?? '') + '/read', { contact: current });
    setState(li, 'read', undefined);
    li.classList.add('seen');
  } catch (e) {
    activity('Could not mark a message read: ' + (e instanceof Error ? e.message : String(e)));
  }
}

async function send() {
  const box = /** @type {HTMLTextAreaElement} */ ($('compose-text'));
  const text = box.value;
  if (current === null || text.trim() === '') return;
  const to = current;
  box.value = '';
  const placeholder = el('li', '', 'out');
  placeholder.dataset.state = 'sending';
  placeholder.append(el('span', text, 'text'), el('span', 'sending…', 'state'));
  $('messages').append(placeholder);
  try {
    const sent = await call('POST', '/v1/messages', { to, text });
    placeholder.remove();
    if (to === current) show({ id: sent.id, outgoing: true, text, at: new Date().toISOString(), state: sent.delivered === 'mailbox' ? 'deposited' : 'sent', via: sent.delivered });
  } catch (e) {
    placeholder.remove();
    activity('Not sent to ' + to + ': ' + (e instanceof Error ? e.message : String(e)));
    await loadConversation();
  }
}

function activity(/** @type {string} */ text, /** @type {string} */ cls = '', /** @type {string} */ at = new Date().toISOString()) {
  const li = el('li', '', cls);
  li.append(time(at), text);
  const list = $('activity');
  list.prepend(li);
  while (list.children.length > 200) list.lastElementChild?.remove();
  return li;
}

function who(/** @type {NodeEvent} */ e) {
  return e.contact ?? (e.fingerprint ? 'fingerprint ' + e.fingerprint : e.peerId ? 'peer ' + e.peerId.slice(0, 16) + '…' : 'a peer');
}

/** Applies one event of the node's stream. */
function onEvent(/** @type {NodeEvent} */ e) {
  if (onFileEvent(e)) return;
  switch (e.kind) {
    case 'message.received':
      if (e.contact === current && e.messageId) {
        show({ id: e.messageId, outgoing: false, text: e.text ?? '', at: e.at, state: 'received', via: e.via });
      } else if (e.contact) {
        unread.set(e.contact, (unread.get(e.contact) ?? 0) + 1);
        renderContacts();
        activity('New message from ' + e.contact + (e.via === 'mailbox' ? ' (via your mailbox)' : ''), '', e.at);
      }
      break;
    case 'message.sent':
    case 'receipt.delivered':
    case 'receipt.read':
    case 'message.queued': {
      if (!e.messageId) break;
      const state = { 'message.sent': e.via === 'mailbox' ? 'deposited' : 'sent', 'receipt.delivered': 'delivered', 'receipt.read': 'read', 'message.queued': 'queued' }[e.kind] ?? '';
      const li = messageElement(e.messageId);
      if (li) setState(li, state, e.kind === 'message.sent' ? e.via : undefined);
      else early.set(e.messageId, { state, via: e.kind === 'message.sent' ? e.via : undefined });
      if (e.kind === 'message.sent' && e.via === 'mailbox') activity('Message to ' + who(e) + ' deposited in their mailbox', '', e.at);
      if (e.kind === 'message.queued') activity('Message to ' + who(e) + ' queued' + (e.reason ? ': ' + e.reason : ''), '', e.at);
      break;
    }
    case 'mailbox.claimed':
      activity((e.reason ?? 'Some') + ' message(s) claimed from your mailbox', 'claimed', e.at);
      break;
    case 'message.refused':
      activity('A message from ' + who(e) + ' was refused: your node refused their credential (' + (e.reason ?? 'unknown') + ')', 'refused', e.at);
      break;
    case 'handshake.failed': {
      const reason = e.reason ?? 'unknown';
      const li = activity('Connection refused with ' + who(e) + ': ' + (REASONS[reason] ?? 'reason not known to this page') + ' (' + reason + ')', 'refused', e.at);
      li.dataset.reason = reason;
      break;
    }
    case 'handshake.verified':
      activity('Verified ' + who(e) + ' (VerifiedHuman handshake passed)', 'verified', e.at);
      void loadContacts();
      break;
    case 'contact.key_changed':
      activity('The key of ' + who(e) + ' changed: its messages are held until you accept it', 'refused', e.at);
      void loadContacts();
      break;
    case 'peer.disconnected':
      activity('Disconnected from ' + who(e), '', e.at);
      break;
    case 'node.started':
      activity('Node listening', '', e.at);
      break;
    default:
      activity(e.kind + (e.contact ? ' ' + e.contact : ''), '', e.at);
  }
}

const KINDS = ['node.started', 'handshake.verified', 'handshake.failed', 'peer.disconnected', 'message.received', 'message.refused', 'message.sent',
  'message.queued', 'receipt.delivered', 'receipt.read', 'mailbox.claimed', 'contact.key_changed',
  'file.offered', 'file.accepted', 'file.progress', 'file.interrupted', 'file.completed', 'file.ended'];

/** Opens the event stream; after a drop it probes the node and says what happened (docs/node.md "Chat in the browser"). */
function listen() {
  if (sessionLost) return;
  const source = new EventSource('/v1/events?csrf=' + encodeURIComponent(csrf));
  events = source;
  const handler = (/** @type {MessageEvent} */ m) => { try { onEvent(JSON.parse(m.data)); } catch (err) { activity('Unreadable event: ' + String(err)); } };
  for (const kind of KINDS) source.addEventListener(kind, handler);
  source.onmessage = handler;
  source.onopen = () => {
    setLive('live', 'live');
    if (!sessionLost) banner('');
    // Whatever happened while the stream was down is in the node's history: reload it.
    void loadContacts().then(loadConversation).then(loadTransfers).catch(() => { /* shown by call() */ });
  };
  source.onerror = () => {
    if (sessionLost) return;
    setLive('down', 'disconnected');
    void probe(source);
  };
}

async function probe(/** @type {EventSource} */ source) {
  try {
    const response = await fetch('/web/session', { cache: 'no-store' });
    if (response.status === 401) {
      lose('The node restarted: this page belongs to its previous run. Open the new address `wotid run --web` printed (your history is kept by the node).');
      return;
    }
    if (source.readyState === EventSource.CLOSED && events === source) setTimeout(listen, 2000);
  } catch {
    banner('The node is not reachable: it stopped, or restarted at a new address. Open the address `wotid run --web` printed; your history is kept by the node.');
  }
}

async function showInvitation() {
  $('invite-result').textContent = 'making a signed invitation…';
  try {
    const q = await call('GET', '/v1/invitation/qr');
    const codes = $('invite-codes');
    codes.replaceChildren();
    q.svgs.forEach((/** @type {string} */ svg, /** @type {number} */ i) => {
      const img = /** @type {HTMLImageElement} */ (el('img'));
      img.src = 'data:image/svg+xml;base64,' + btoa(svg);
      img.alt = 'QR code ' + (i + 1) + ' of ' + q.svgs.length;
      codes.append(img);
    });
    /** @type {HTMLTextAreaElement} */ ($('invite-uri')).value = q.uri;
    $('invite-result').textContent = q.svgs.length > 1 ? 'Scan all ' + q.svgs.length + ' codes, in any order, or copy the text.' : 'Scan the code or copy the text.';
  } catch (e) {
    // Without the codes the text still works: ask for the invitation alone.
    const why = e instanceof Error ? e.message : String(e);
    $('invite-codes').replaceChildren();
    try {
      const plain = await call('GET', '/v1/invitation');
      /** @type {HTMLTextAreaElement} */ ($('invite-uri')).value = plain.uri;
      $('invite-result').textContent = 'No QR codes (' + why + '); copy the text.';
    } catch (e2) {
      $('invite-result').textContent = 'No invitation: ' + (e2 instanceof Error ? e2.message : String(e2));
    }
  }
}

async function copyInvitation() {
  const box = /** @type {HTMLTextAreaElement} */ ($('invite-uri'));
  try {
    await navigator.clipboard.writeText(box.value);
    $('invite-result').textContent = 'Copied.';
  } catch {
    box.select();
    $('invite-result').textContent = 'Selected: copy it with Ctrl+C.';
  }
}

async function addContact() {
  const invitation = /** @type {HTMLTextAreaElement} */ ($('add-invitation')).value.trim();
  const name = /** @type {HTMLInputElement} */ ($('add-name')).value.trim();
  const result = $('add-result');
  result.textContent = 'verifying…';
  try {
    const added = await call('POST', '/v1/contacts', { invitation, name: name === '' ? null : name });
    result.textContent = 'Added ' + added.name + '.';
    /** @type {HTMLTextAreaElement} */ ($('add-invitation')).value = '';
    /** @type {HTMLInputElement} */ ($('add-name')).value = '';
    await loadContacts();
    await open(added.name);
  } catch (e) {
    result.textContent = 'Not added: ' + (e instanceof Error ? e.message : String(e));
  }
}

async function acceptKey() {
  if (current === null) return;
  try {
    await call('POST', '/v1/contacts/' + encodeURIComponent(current) + '/accept-key');
    await loadContacts();
    await loadConversation();
  } catch (e) {
    activity('Key not accepted: ' + (e instanceof Error ? e.message : String(e)));
  }
}

async function main() {
  $('send').addEventListener('click', () => { void send(); });
  $('compose-text').addEventListener('keydown', k => { if (k.key === 'Enter' && !k.shiftKey) { k.preventDefault(); void send(); } });
  $('add-button').addEventListener('click', () => { void addContact(); });
  $('invite-button').addEventListener('click', () => { void showInvitation(); });
  $('invite-copy').addEventListener('click', () => { void copyInvitation(); });
  $('accept-key').addEventListener('click', () => { void acceptKey(); });
  document.addEventListener('visibilitychange', () => {
    for (const li of $('messages').querySelectorAll('li.in[data-state="received"]')) void markRead(/** @type {HTMLElement} */ (li));
  });
  const token = await signIn();
  if (!token) {
    lose('Not signed in: open the address `wotid run --web` printed. It works once; after a node restart there is a new one.');
    return;
  }
  csrf = token;
  initFiles({ call, csrf: () => csrf, current: () => current, activity });
  await loadStatus();
  await loadContacts();
  listen();
  document.body.dataset.ready = 'true';
}

void main();
