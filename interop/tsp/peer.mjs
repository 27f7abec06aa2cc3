// TSP interop peer: verifies C#-made signed TSP messages with @noble/post-quantum ml_dsa65 (re-deriving the signed
// bytes from the parsed CESR fields) and makes signed messages for C# to verify. JSON lines on stdin/stdout.
import { createInterface } from 'node:readline';
import { ml_dsa65 } from '@noble/post-quantum/ml-dsa.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concat, envelopeFields, fixed, parsePayload, parseSigned, payload, signatureAttachment, tag, variable } from './cesr.mjs';

const b64u = (b) => Buffer.from(b).toString('base64url');
const unb64u = (s) => new Uint8Array(Buffer.from(s, 'base64url'));
const hex = (s) => new Uint8Array(Buffer.from(s, 'hex'));
const enc = new TextEncoder();

function sign({ seed, sender, receiver, body }) {
  const { secretKey, publicKey } = ml_dsa65.keygen(hex(seed));
  const ncd = payload(sender, body);
  const signed = envelopeFields({ sender, receiver, ncd });
  const sig = ml_dsa65.sign(signed, secretKey, { extraEntropy: false });
  return { wire: b64u(concat(signed, signatureAttachment(sig))), pub: b64u(publicKey) };
}

function handle(req) {
  switch (req.op) {
    case 'verify': {
      const wire = unb64u(req.wire);
      const m = parseSigned(wire);
      const prefix = wire.slice(0, m.signedLength);
      const rebuiltMatches = Buffer.compare(Buffer.from(prefix), Buffer.from(m.rebuilt)) === 0;
      const ok = ml_dsa65.verify(m.sig, m.rebuilt, unb64u(req.pub));
      const p = m.ncd ? parsePayload(m.ncd) : null;
      let data = null;
      if (p && p.type === 'XSCS') data = Buffer.from(p.reader.variable('B')).toString('utf8');
      return { ok, rebuiltMatches, sender: m.sender, receiver: m.receiver, payloadSender: p?.sender ?? null, payloadType: p?.type ?? null, data };
    }
    case 'sign':
      return sign({ seed: req.seed, sender: req.sender, receiver: req.receiver, body: concat(tag('XSCS'), variable('B', enc.encode(req.json))) });
    case 'rfi': {
      // Direct RFI as the SDK computes it: hash(-Z## sender XRFI I<zero32> A<nonce> 4BAA), then re-encode.
      const nonce = hex(req.nonce);
      const body = (digest) => concat(tag('XRFI'), fixed('I', digest), fixed('A', nonce), variable('B', new Uint8Array(0)));
      const digest = sha256(payload(req.sender, body(new Uint8Array(32))));
      const out = sign({ seed: req.seed, sender: req.sender, receiver: req.receiver, body: body(digest) });
      return { ...out, digest: b64u(digest) };
    }
    case 'keygen': {
      const { publicKey } = ml_dsa65.keygen(hex(req.seed));
      return { pub: b64u(publicKey) };
    }
    default:
      throw new Error('unknown op ' + req.op);
  }
}

const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  if (!line.trim()) continue;
  try {
    process.stdout.write(JSON.stringify(handle(JSON.parse(line))) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: String(e?.message ?? e) }) + '\n');
  }
}
