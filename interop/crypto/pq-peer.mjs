// Reference peer for the C# crypto interop tests (tests/WotId.Crypto.Tests/Interop). JSON lines over
// stdin → stdout; every request {"cmd":...} gets one answer {"ok":true,...} or {"ok":false,"error":...}.
// Byte strings are lowercase hex. Implementations: @noble/post-quantum 0.7.1 (ML-KEM, ML-DSA, Falcon-512),
// @noble/hashes 2.4.0 (SHAKE256, SHA3-256 for the Kyber round-3 KDF) and @signalapp/libsignal-client 0.103.0
// (XEdDSA identity-key signatures, Kyber-1024 key serialisation).
import { createInterface } from 'node:readline';
import { ml_kem512, ml_kem768, ml_kem1024 } from '@noble/post-quantum/ml-kem.js';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { falcon512, falcon512padded } from '@noble/post-quantum/falcon.js';
import { sha3_256, shake256 } from '@noble/hashes/sha3.js';
import * as S from '@signalapp/libsignal-client';

const hex = (b) => Buffer.from(b).toString('hex');
const unhex = (s) => new Uint8Array(Buffer.from(s ?? '', 'hex'));
const kem = { 512: ml_kem512, 768: ml_kem768, 1024: ml_kem1024 };
const dsa = { 44: ml_dsa44, 65: ml_dsa65, 87: ml_dsa87 };

// libsignal Kyber1024 (round 3) from ML-KEM-1024: ss = SHAKE256(K̄ ‖ SHA3-256(ct), 32) (libsignal rust/protocol/src/kem/kyber1024.rs).
const kyberKdf = (kBar, ct) => shake256(new Uint8Array([...kBar, ...sha3_256(ct)]), { dkLen: 32 });

const commands = {
  'mlkem-keygen': (r) => {
    const k = kem[r.alg].keygen(unhex(r.seed));
    return { pk: hex(k.publicKey), sk: hex(k.secretKey) };
  },
  'mlkem-encaps': (r) => {
    const e = r.m ? kem[r.alg].encapsulate(unhex(r.pk), unhex(r.m)) : kem[r.alg].encapsulate(unhex(r.pk));
    return { ct: hex(e.cipherText), ss: hex(e.sharedSecret) };
  },
  'mlkem-decaps': (r) => ({ ss: hex(kem[r.alg].decapsulate(unhex(r.ct), unhex(r.sk))) }),
  'kyber-encaps': (r) => {
    const e = r.m ? ml_kem1024.encapsulate(unhex(r.pk), unhex(r.m)) : ml_kem1024.encapsulate(unhex(r.pk));
    return { ct: hex(e.cipherText), ss: hex(kyberKdf(e.sharedSecret, e.cipherText)) };
  },
  'kyber-decaps': (r) => {
    const ct = unhex(r.ct);
    return { ss: hex(kyberKdf(ml_kem1024.decapsulate(ct, unhex(r.sk)), ct)) };
  },
  'libsignal-kem-keypair': () => {
    const kp = S.KEMKeyPair.generate();
    return { pk: hex(kp.getPublicKey().serialize()), sk: hex(kp.getSecretKey().serialize()) };
  },
  'mldsa-keygen': (r) => {
    const k = dsa[r.alg].keygen(unhex(r.seed));
    return { pk: hex(k.publicKey), sk: hex(k.secretKey) };
  },
  'mldsa-sign': (r) => {
    const opts = { context: unhex(r.ctx), extraEntropy: r.deterministic ? false : undefined };
    return { sig: hex(dsa[r.alg].sign(unhex(r.msg), unhex(r.sk), opts)) };
  },
  'mldsa-verify': (r) => ({ valid: dsa[r.alg].verify(unhex(r.sig), unhex(r.msg), unhex(r.pk), { context: unhex(r.ctx) }) }),
  'falcon-keygen': (r) => {
    const k = r.seed ? falcon512.keygen(unhex(r.seed)) : falcon512.keygen();
    return { pk: hex(k.publicKey), sk: hex(k.secretKey) };
  },
  'falcon-sign': (r) => ({ sig: hex((r.padded ? falcon512padded : falcon512).sign(unhex(r.msg), unhex(r.sk))) }),
  'falcon-verify': (r) => ({ valid: falcon512.verify(unhex(r.sig), unhex(r.msg), unhex(r.pk)) }),
  'xeddsa-keypair': () => {
    const priv = S.PrivateKey.generate();
    return { priv: hex(priv.serialize()), pub: hex(priv.getPublicKey().serialize()) };
  },
  'xeddsa-sign': (r) => ({ sig: hex(S.PrivateKey.deserialize(unhex(r.priv)).sign(unhex(r.msg))) }),
  'xeddsa-verify': (r) => ({ valid: S.PublicKey.deserialize(unhex(r.pub)).verify(unhex(r.msg), unhex(r.sig)) }),
};

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let answer;
  try {
    const r = JSON.parse(line);
    const f = commands[r.cmd];
    answer = f ? { ok: true, ...f(r) } : { ok: false, error: `unknown cmd ${r.cmd}` };
  } catch (e) {
    answer = { ok: false, error: String(e && e.message ? e.message : e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
