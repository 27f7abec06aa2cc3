// Operations per second of @noble/post-quantum 0.7.1 for the operations that
// bench/WotId.Benchmarks/Crypto/PostQuantumBenchmarks.cs measures in C#. Each figure is the median of 5 timed runs
// of at least RUN_MS milliseconds (and at least 3 operations), after 3 warm-up calls.
// Usage: node interop/crypto/bench-noble.mjs [--json] [--run-ms N]
import { ml_kem768, ml_kem1024 } from '@noble/post-quantum/ml-kem.js';
import { ml_dsa44, ml_dsa65, ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { falcon512 } from '@noble/post-quantum/falcon.js';
import { randomBytes } from '@noble/post-quantum/utils.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runMsIndex = args.indexOf('--run-ms');
const RUN_MS = runMsIndex >= 0 ? Number(args[runMsIndex + 1]) : 500;
const RUNS = 5;

function measure(fn) {
  for (let i = 0; i < 3; i++) fn();
  const rates = [];
  for (let r = 0; r < RUNS; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < RUN_MS || n < 3) {
      fn();
      n++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    }
    rates.push((n * 1000) / elapsed);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(RUNS / 2)];
}

const msg = randomBytes(32);
const results = [];
const add = (name, fn) => results.push({ name, opsPerSecond: measure(fn) });

for (const [name, kem] of [['MLKem768', ml_kem768], ['MLKem1024', ml_kem1024]]) {
  const { publicKey, secretKey } = kem.keygen();
  const { cipherText } = kem.encapsulate(publicKey);
  add(`${name}Keygen`, () => kem.keygen());
  add(`${name}Encaps`, () => kem.encapsulate(publicKey));
  add(`${name}Decaps`, () => kem.decapsulate(cipherText, secretKey));
}
for (const [name, dsa] of [['MLDsa44', ml_dsa44], ['MLDsa65', ml_dsa65], ['MLDsa87', ml_dsa87]]) {
  const { publicKey, secretKey } = dsa.keygen();
  const sig = dsa.sign(msg, secretKey);
  add(`${name}Keygen`, () => dsa.keygen());
  add(`${name}Sign`, () => dsa.sign(msg, secretKey));
  add(`${name}Verify`, () => dsa.verify(sig, msg, publicKey));
}
{
  const { publicKey, secretKey } = falcon512.keygen();
  const sig = falcon512.sign(msg, secretKey);
  add('Falcon512Keygen', () => falcon512.keygen());
  add('Falcon512Sign', () => falcon512.sign(msg, secretKey));
  add('Falcon512Verify', () => falcon512.verify(sig, msg, publicKey));
}

if (json) {
  console.log(JSON.stringify({ node: process.version, runMs: RUN_MS, results }, null, 2));
} else {
  console.log(`@noble/post-quantum 0.7.1 on Node ${process.version} (median of ${RUNS} runs of >= ${RUN_MS} ms)`);
  for (const r of results) console.log(`${r.name.padEnd(18)} ${r.opsPerSecond.toFixed(1).padStart(10)} ops/s`);
}
