// Reference peer for the whole-file hash of /wotid/file/ (since 4.0.0) (tests/WotId.Node.Tests/Files/FileContentHashInteropTests):
// BLAKE3-256 from @noble/hashes 2.4.0, an implementation independent of the C# `Blake3` package. JSON lines over
// stdin → stdout: {"data": hex, "parts": [n, ...]} is hashed with one update per part (the sizes must add up to the
// data's length; no parts: one update) and answered {"ok":true,"hash":hex}, or {"ok":false,"error":...}.
import { createInterface } from 'node:readline';
import { blake3 } from '@noble/hashes/blake3.js';

const hex = (b) => Buffer.from(b).toString('hex');

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  let answer;
  try {
    const r = JSON.parse(line);
    const data = new Uint8Array(Buffer.from(r.data ?? '', 'hex'));
    const parts = r.parts && r.parts.length > 0 ? r.parts : [data.length];
    if (parts.reduce((a, b) => a + b, 0) !== data.length) throw new Error('parts do not add up to the data length');
    const h = blake3.create();
    let at = 0;
    for (const n of parts) {
      h.update(data.subarray(at, at + n));
      at += n;
    }
    answer = { ok: true, hash: hex(h.digest()) };
  } catch (e) {
    answer = { ok: false, error: String(e && e.message ? e.message : e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
