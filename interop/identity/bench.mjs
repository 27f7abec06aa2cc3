// Reference figures for docs/benchmarks-identity.md: the same operations as
// bench/WotId.Benchmarks/Identity/CredentialBenchmarks.cs, done with @noble/post-quantum 0.7.1 on a vc+jwt
// produced by vc-peer.mjs's format: issue (hedged ML-DSA-65 sign of the JWS signing input) and verify
// (base64url split, JSON parse of header and payload, did:key decode, ML-DSA-65 verify). Each figure is the
// median of 5 runs of ~1 s. Prints one JSON line.
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { base58btc } from 'multiformats/bases/base58';

const utf8 = (s) => new TextEncoder().encode(s);
const b64u = (b) => Buffer.from(b).toString('base64url');
const keys = ml_dsa65.keygen(new Uint8Array(32).fill(7));
const did = 'did:key:' + base58btc.encode(new Uint8Array([0x91, 0x24, ...keys.publicKey]));
const header = { alg: 'ML-DSA-65', kid: did + '#' + did.slice(8), typ: 'vc+jwt' };
const vc = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://wot.id/ns/credentials/v1'],
  id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
  type: ['VerifiableCredential', 'VerifiedHumanCredential'],
  issuer: did,
  validFrom: '2026-11-25T12:00:00Z',
  validUntil: '2027-11-25T12:00:00Z',
  credentialSubject: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', type: 'VerifiedHuman', verificationLevel: 'in-person', verifiedAt: '2026-11-25T12:00:00Z' },
};

function issue() {
  const input = b64u(utf8(JSON.stringify(header))) + '.' + b64u(utf8(JSON.stringify(vc)));
  return input + '.' + b64u(ml_dsa65.sign(utf8(input), keys.secretKey));
}

function verify(jws) {
  const [h, p, s] = jws.split('.');
  const head = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  const raw = base58btc.decode(head.kid.split('#')[0].slice(8));
  return ml_dsa65.verify(new Uint8Array(Buffer.from(s, 'base64url')), utf8(h + '.' + p), raw.slice(2));
}

function opsPerSecond(fn) {
  const runs = [];
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    while (elapsed < 1_000_000_000n) {
      fn();
      n++;
      elapsed = process.hrtime.bigint() - start;
    }
    runs.push(n / (Number(elapsed) / 1e9));
  }
  runs.sort((a, b) => a - b);
  return Math.round(runs[2]);
}

const jws = issue();
if (!verify(jws)) throw new Error('self-check failed');
for (let i = 0; i < 3; i++) verify(jws);
console.log(JSON.stringify({ node: process.version, noble: '0.7.1', issuePerSec: opsPerSecond(issue), verifyPerSec: opsPerSecond(() => verify(jws)) }));
