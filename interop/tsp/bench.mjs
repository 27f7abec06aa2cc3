// Node reference figures for docs/benchmarks-tsp.md: TSP sign (encode + deterministic ML-DSA-65) and open
// (parse + re-encode + verify) per second with @noble/post-quantum 0.7.1; median of 5 one-second runs.
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { concat, envelopeFields, parseSigned, payload, signatureAttachment, tag, variable } from './cesr.mjs';

const enc = new TextEncoder();
const seed = Uint8Array.from({ length: 32 }, (_, i) => i);
const { secretKey, publicKey } = ml_dsa65.keygen(seed);
const json = enc.encode('{"id":"0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b","type":"chat.text","timestamp":"2026-11-25T19:30:00.000Z","payload":{"content":"Hi Bob"}}');

function sign() {
  const ncd = payload('did:example:alice', concat(tag('XSCS'), variable('B', json)));
  const signed = envelopeFields({ sender: 'did:example:alice', receiver: 'did:example:bob', ncd });
  return concat(signed, signatureAttachment(ml_dsa65.sign(signed, secretKey, { extraEntropy: false })));
}
const wire = sign();
function open() {
  const m = parseSigned(wire);
  if (!ml_dsa65.verify(m.sig, m.rebuilt, publicKey)) throw new Error('bad signature');
}

function rate(fn) {
  for (let i = 0; i < 3; i++) fn();
  const runs = [];
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 1000) { fn(); n++; }
    runs.push(n / ((performance.now() - start) / 1000));
  }
  runs.sort((a, b) => a - b);
  return runs[2];
}
console.log(JSON.stringify({ node: process.version, wireBytes: wire.length, signPerSec: Math.round(rate(sign)), openPerSec: Math.round(rate(open)) }));
