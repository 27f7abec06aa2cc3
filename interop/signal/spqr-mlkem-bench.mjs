// Reference timing for docs/benchmarks-spqr.md: @noble/post-quantum ml_kem768 keygen / encapsulate / decapsulate.
// Run: node interop/signal/spqr-mlkem-bench.mjs
import { ml_kem768 } from '@noble/post-quantum/ml-kem.js';
import { randomBytes } from 'node:crypto';

function time(name, fn, n) {
  for (let i = 0; i < 50; i++) fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
  console.log(`${name}: ${us.toFixed(1)} us`);
}

const { publicKey, secretKey } = ml_kem768.keygen();
const { cipherText } = ml_kem768.encapsulate(publicKey);
for (let round = 0; round < 3; round++) {
  time('noble ml_kem768 keygen', () => ml_kem768.keygen(randomBytes(64)), 300);
  time('noble ml_kem768 encapsulate', () => ml_kem768.encapsulate(publicKey), 300);
  time('noble ml_kem768 decapsulate', () => ml_kem768.decapsulate(cipherText, secretKey), 300);
}
