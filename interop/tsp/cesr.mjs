// Minimal, independent CESR/TSP codec for cross-checking the C# implementation. Follows the Rust TSP SDK layout
// (tsp_sdk/src/cesr/{encode,decode,packet}.rs at 950ba90).
const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const val = (s) => [...s].reduce((acc, c) => acc * 64 + ALPHA.indexOf(c), 0);
const w3 = (x) => Uint8Array.of((x >>> 16) & 255, (x >>> 8) & 255, x & 255);
const rd3 = (b, i) => (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
export const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
};

export function count(code, n) {
  if (n < 4096) return w3((62 << 18) | (val(code) << 12) | n);
  return concat(w3((62 << 18) | (52 << 12) | (val(code) << 6) | (n >>> 24)), w3(n & 0xffffff));
}
export function fixed(code, raw) {
  const hdr = Math.ceil((raw.length + 1) / 3) * 3 - raw.length;
  const word = hdr === 1 ? val(code) << 18 : hdr === 2 ? (52 << 18) | (val(code.slice(1)) << 12) : (53 << 18) | val(code.slice(1));
  return concat(w3(word).slice(0, hdr), raw);
}
export function variable(type, raw) {
  const padded = Math.ceil(raw.length / 3) * 3;
  const lead = padded - raw.length;
  const size = padded / 3;
  const id = val(type);
  const head = type.length === 1 && size < 4096
    ? w3(((56 + lead) << 18) | (id << 12) | size)
    : concat(w3(((59 + lead) << 18) | id), w3(size));
  return concat(head, new Uint8Array(lead), raw);
}
export const tag = (four) => w3(val(four));
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

export function envelopeFields({ sender, receiver, ncd }) {
  const parts = [tag('YTSP'), count('A', 1), variable('B', enc.encode(sender))];
  if (receiver != null) parts.push(variable('B', enc.encode(receiver)));
  parts.push(fixed('X', new Uint8Array(2)));
  if (ncd != null) parts.push(variable('B', ncd));
  const fields = concat(...parts);
  return concat(count('S', fields.length / 3), fields);
}
export function signatureAttachment(sig) {
  const n = Math.ceil(sig.length / 3);
  const code = sig.length === 64 ? '0B' : '1QDM';
  return concat(count('C', n), count('K', n), fixed(code, sig));
}
export function payload(sender, body) {
  const t = concat(sender ? variable('B', enc.encode(sender)) : new Uint8Array(0), body);
  return concat(count('Z', t.length / 3), t);
}

// Reader: strict, throws Error on anything unexpected.
export class Reader {
  constructor(b) { this.b = b; this.p = 0; }
  get rest() { return this.b.length - this.p; }
  count(code) {
    const w = rd3(this.b, this.p);
    if (this.rest < 3) throw new Error('truncated count');
    if (w >> 12 === ((62 << 6) | val(code))) { this.p += 3; return w & 0xfff; }
    if (w >> 6 === ((62 << 12) | (52 << 6) | val(code))) { const n = ((w & 63) << 24) | rd3(this.b, this.p + 3); this.p += 6; return n; }
    return null;
  }
  tag(four) { if (this.rest >= 3 && rd3(this.b, this.p) === val(four)) { this.p += 3; return true; } return false; }
  variable(type) {
    if (this.rest < 3) return null;
    const w = rd3(this.b, this.p);
    const sel = w >> 18;
    let id, size, hdr, lead;
    if (sel >= 56 && sel <= 58) { id = (w >> 12) & 63; size = w & 0xfff; hdr = 3; lead = sel - 56; }
    else if (sel >= 59 && sel <= 61) { id = w & 0x3ffff; size = rd3(this.b, this.p + 3); hdr = 6; lead = sel - 59; }
    else return null;
    if (id !== val(type)) return null;
    const end = this.p + hdr + size * 3;
    if (end > this.b.length) throw new Error('truncated variable');
    const raw = this.b.slice(this.p + hdr + lead, end);
    this.p = end;
    return raw;
  }
  fixed(code, n) {
    const hdr = Math.ceil((n + 1) / 3) * 3 - n;
    const expect = fixed(code, new Uint8Array(n)).slice(0, hdr);
    for (let i = 0; i < hdr; i++) if (this.b[this.p + i] !== expect[i]) return null;
    const raw = this.b.slice(this.p + hdr, this.p + hdr + n);
    if (raw.length !== n) throw new Error('truncated fixed');
    this.p += hdr + n;
    return raw;
  }
}

// Parses a signed-only TSP message; returns the fields and the signed bytes RE-ENCODED from those fields.
export function parseSigned(wire) {
  const r = new Reader(wire);
  const n = r.count('S');
  if (n == null) throw new Error('not a -S envelope');
  if (!r.tag('YTSP') || r.count('A') !== 1) throw new Error('version');
  const sender = dec.decode(r.variable('B'));
  const rec = r.variable('B');
  const receiver = rec ? dec.decode(rec) : null;
  if (!r.fixed('X', 2)) throw new Error('XAAA placeholder missing');
  const ncd = r.variable('B');
  const signedLength = r.p;
  const a = r.count('C'); const k = r.count('K');
  const sig = r.fixed('1QDM', 3309) ?? r.fixed('0B', 64);
  if (!sig) throw new Error('signature code');
  if (a !== Math.ceil(sig.length / 3) || k !== a) throw new Error(`attachment counts ${a}/${k}`);
  if (r.rest !== 0) throw new Error('trailing');
  const rebuilt = envelopeFields({ sender, receiver, ncd });
  return { sender, receiver, ncd, sig, signedLength, rebuilt };
}

export function parsePayload(bytes) {
  const r = new Reader(bytes);
  const n = r.count('Z');
  if (n == null || n * 3 !== r.rest) throw new Error('payload count');
  const s = r.variable('B');
  const sender = s ? dec.decode(s) : null;
  const type = ALPHA[bytes[r.p] >> 2] + ALPHA[((bytes[r.p] & 3) << 4) | (bytes[r.p + 1] >> 4)]
    + ALPHA[((bytes[r.p + 1] & 15) << 2) | (bytes[r.p + 2] >> 6)] + ALPHA[bytes[r.p + 2] & 63];
  r.p += 3;
  return { sender, type, reader: r };
}
