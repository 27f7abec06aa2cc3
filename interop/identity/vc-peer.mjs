// Reference peer for the C# identity interop tests (tests/WotId.Identity.Tests/Interop). JSON lines over
// stdin → stdout; each request {"cmd":...} gets one answer {"ok":true,...} or {"ok":false,"error":...}.
// Written independently of the C# code: did:key (multicodec varint + base58btc via multiformats), VC 2.0
// VerifiedHumanCredential / Bitstring Status List / presentation JSON, VC-JOSE-COSE compact JWS whose
// signing input ASCII(b64url(header) "." b64url(payload)) is recomputed here, signed and verified with
// @noble/post-quantum 0.7.1 (ML-DSA-44/65/87 pure with empty context per RFC 9964; Falcon-512 experimental).
// Also Argon2id (@noble/hashes 2.4.0) for the key-file KDF. Seeds are hex; ML-DSA keygen takes the 32-byte ξ, Falcon the 48-byte NIST seed.
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { falcon512 } from '@noble/post-quantum/falcon.js';
import { base58btc } from 'multiformats/bases/base58';
import { argon2id } from '@noble/hashes/argon2.js';

const ALGS = {
  'ML-DSA-44': { impl: ml_dsa44, codec: 0x1210 },
  'ML-DSA-65': { impl: ml_dsa65, codec: 0x1211 },
  'ML-DSA-87': { impl: ml_dsa87, codec: 0x1212 },
  FALCON512: { impl: falcon512, codec: 0x122c },
};

const unhex = (s) => new Uint8Array(Buffer.from(s ?? '', 'hex'));
const b64u = (b) => Buffer.from(b).toString('base64url');
const unb64u = (s) => new Uint8Array(Buffer.from(s, 'base64url'));
const utf8 = (s) => new TextEncoder().encode(s);

function varint(n) {
  const out = [];
  while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n = Math.floor(n / 128); }
  out.push(n);
  return out;
}

function readVarint(bytes) {
  let value = 0; let shift = 1;
  for (let i = 0; i < bytes.length && i < 9; i++) {
    value += (bytes[i] & 0x7f) * shift;
    if ((bytes[i] & 0x80) === 0) return [value, i + 1];
    shift *= 128;
  }
  throw new Error('bad varint');
}

function keyFor(alg, seedHex) {
  const a = ALGS[alg];
  if (!a) throw new Error('unknown alg ' + alg);
  const keys = a.impl.keygen(unhex(seedHex));
  const did = 'did:key:' + base58btc.encode(new Uint8Array([...varint(a.codec), ...keys.publicKey]));
  return { ...keys, did, kid: did + '#' + did.slice('did:key:'.length), alg };
}

function publicKeyOfDidKey(didUrl) {
  const did = didUrl.split('#')[0];
  if (!did.startsWith('did:key:z')) throw new Error('not a base58btc did:key');
  const bytes = base58btc.decode(did.slice('did:key:'.length));
  const [codec, used] = readVarint(bytes);
  const alg = Object.keys(ALGS).find((k) => ALGS[k].codec === codec);
  if (!alg) throw new Error('unknown codec ' + codec.toString(16));
  return { alg, publicKey: bytes.slice(used) };
}

function signJws(key, header, payloadObject, deterministic) {
  const input = b64u(utf8(JSON.stringify(header))) + '.' + b64u(utf8(JSON.stringify(payloadObject)));
  const opts = deterministic && key.alg !== 'FALCON512' ? { extraEntropy: false } : undefined;
  const sig = ALGS[key.alg].impl.sign(utf8(input), key.secretKey, opts);
  return input + '.' + b64u(sig);
}

function verifyJws(jws) {
  const parts = jws.split('.');
  if (parts.length !== 3) throw new Error('not compact JWS');
  const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  const { alg, publicKey } = publicKeyOfDidKey(header.kid);
  if (alg !== header.alg) return { valid: false, reason: 'alg does not match the key', header, payload };
  const signingInput = utf8(parts[0] + '.' + parts[1]);
  const valid = ALGS[alg].impl.verify(unb64u(parts[2]), signingInput, publicKey);
  return { valid, header, payload };
}

const V2 = 'https://www.w3.org/ns/credentials/v2';

const commands = {
  didkey: (r) => { const k = keyFor(r.alg, r.seed); return { did: k.did, kid: k.kid, pub: b64u(k.publicKey) }; },
  'sign-raw': (r) => {
    const k = keyFor(r.alg, r.seed);
    return { sig: b64u(ALGS[r.alg].impl.sign(utf8(r.input), k.secretKey, { extraEntropy: false })) };
  },
  verify: (r) => verifyJws(r.jws),
  argon2id: (r) => ({ key: Buffer.from(argon2id(unhex(r.password), unhex(r.salt), { t: r.t, m: r.m, p: r.p, dkLen: r.dkLen })).toString('hex') }),
  issue: (r) => {
    const k = keyFor(r.alg, r.seed);
    const vc = {
      '@context': [V2, 'https://wot.id/ns/credentials/v1'],
      id: r.id,
      type: ['VerifiableCredential', 'VerifiedHumanCredential'],
      issuer: k.did,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      credentialSubject: { id: r.subject, type: 'VerifiedHuman', verificationLevel: 'in-person', verifiedAt: r.validFrom },
      credentialStatus: {
        id: r.statusListUrl + '#' + r.index,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(r.index),
        statusListCredential: r.statusListUrl,
      },
    };
    return { did: k.did, jws: signJws(k, { alg: r.alg, kid: k.kid, typ: 'vc+jwt' }, vc, false) };
  },
  'status-list': (r) => {
    const k = keyFor(r.alg, r.seed);
    const bits = new Uint8Array(131072 / 8);
    for (const i of r.revoked ?? []) bits[i >> 3] |= 0x80 >> (i & 7);
    const list = {
      '@context': [V2],
      id: r.url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: k.did,
      validFrom: r.validFrom,
      credentialSubject: { id: r.url + '#list', type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: 'u' + b64u(gzipSync(bits)) },
    };
    return { jws: signJws(k, { alg: r.alg, kid: k.kid, typ: 'vc+jwt' }, list, false) };
  },
  present: (r) => {
    const k = keyFor(r.alg, r.seed);
    const vp = {
      '@context': [V2],
      id: 'urn:uuid:' + crypto.randomUUID(),
      type: ['VerifiablePresentation'],
      holder: k.did,
      verifiableCredential: r.credentials.map((c) => ({ '@context': V2, type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,' + c })),
      nonce: r.nonce,
      aud: r.aud,
      iat: r.iat,
      exp: r.exp,
    };
    vp.jti = vp.id;
    return { did: k.did, jws: signJws(k, { alg: r.alg, kid: k.kid, typ: 'vp+jwt' }, vp, false) };
  },
};

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let answer;
  try {
    const req = JSON.parse(line);
    const fn = commands[req.cmd];
    if (!fn) throw new Error('unknown cmd ' + req.cmd);
    answer = { ok: true, ...fn(req) };
  } catch (e) {
    answer = { ok: false, error: String(e?.message ?? e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
