// One libsignal 0.103 party, driven over JSON lines (stdin → stdout), for the C# Signal interop tests.
// Each request is one JSON object with "cmd"; each answer is one JSON line {"ok":true,...} or
// {"ok":false,"code":...,"error":...}. Byte strings are lowercase hex. In-memory stores, trust on first use.
// Commands: init, bundle, process, encrypt, decrypt, epoch, fingerprint, selftest-bench.
import { createInterface } from 'node:readline';
import * as S from '@signalapp/libsignal-client';

const hex = (b) => Buffer.from(b).toString('hex');
const unhex = (s) => new Uint8Array(Buffer.from(s, 'hex'));

class Stores {
  constructor(identity, registrationId) {
    this.identity = identity;
    this.registrationId = registrationId;
    this.sessions = new Map();
    this.identities = new Map();
    this.preKeys = new Map();
    this.signedPreKeys = new Map();
    this.kyberPreKeys = new Map();
    this.usedKyber = new Set();
    const self = this;
    this.sessionStore = new (class extends S.SessionStore {
      async saveSession(a, r) { self.sessions.set(a.toString(), r.serialize()); }
      async getSession(a) { const b = self.sessions.get(a.toString()); return b ? S.SessionRecord.deserialize(b) : null; }
      async getExistingSessions(as) { return as.map((a) => S.SessionRecord.deserialize(self.sessions.get(a.toString()))); }
    })();
    this.identityStore = new (class extends S.IdentityKeyStore {
      async getIdentityKey() { return self.identity.privateKey; }
      async getLocalRegistrationId() { return self.registrationId; }
      async saveIdentity(a, k) {
        const old = self.identities.get(a.toString());
        self.identities.set(a.toString(), k.serialize());
        return old && hex(old) !== hex(k.serialize()) ? S.IdentityChange.ReplacedExisting : S.IdentityChange.NewOrUnchanged;
      }
      async isTrustedIdentity(a, k) {
        const old = self.identities.get(a.toString());
        return !old || hex(old) === hex(k.serialize());
      }
      async getIdentity(a) { const b = self.identities.get(a.toString()); return b ? S.PublicKey.deserialize(b) : null; }
    })();
    this.preKeyStore = new (class extends S.PreKeyStore {
      async savePreKey(id, r) { self.preKeys.set(id, r); }
      async getPreKey(id) { const r = self.preKeys.get(id); if (!r) throw new Error('no prekey ' + id); return r; }
      async removePreKey(id) { self.preKeys.delete(id); }
    })();
    this.signedPreKeyStore = new (class extends S.SignedPreKeyStore {
      async saveSignedPreKey(id, r) { self.signedPreKeys.set(id, r); }
      async getSignedPreKey(id) { const r = self.signedPreKeys.get(id); if (!r) throw new Error('no signed prekey ' + id); return r; }
    })();
    this.kyberPreKeyStore = new (class extends S.KyberPreKeyStore {
      async saveKyberPreKey(id, r) { self.kyberPreKeys.set(id, r); }
      async getKyberPreKey(id) { const r = self.kyberPreKeys.get(id); if (!r) throw new Error('no kyber prekey ' + id); return r; }
      async markKyberPreKeyUsed(id, spk, baseKey) {
        const key = `${id}/${spk}/${hex(baseKey.serialize())}`;
        if (self.usedKyber.has(key)) throw new Error('reused base key');
        self.usedKyber.add(key);
      }
    })();
  }
}

// Minimal protobuf reader: returns [[fieldNumber, wireType, value]] (value: bigint for varints, Uint8Array for bytes).
function pbFields(buf) {
  const out = [];
  let i = 0;
  const varint = () => {
    let v = 0n, shift = 0n;
    for (;;) {
      const b = buf[i++];
      v |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return v;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const key = Number(varint());
    const wt = key & 7, fn = key >> 3;
    if (wt === 0) out.push([fn, wt, varint()]);
    else if (wt === 2) { const n = Number(varint()); out.push([fn, wt, buf.subarray(i, i + n)]); i += n; }
    else if (wt === 1) { i += 8; } else if (wt === 5) { i += 4; } else throw new Error('bad wire type');
  }
  return out;
}
const field = (fs, n) => fs.find((f) => f[0] === n)?.[2];

// SPQR epochs from a serialized SessionRecord: RecordStructure.current_session(1) → SessionStructure.pq_ratchet_state(15)
// → PqRatchetState.chain(2).current_epoch(2) and PqRatchetState.v1(3).<state>.uc(1).epoch(1) (the SCKA epoch).
function spqrEpochs(recordBytes) {
  const session = field(pbFields(recordBytes), 1);
  if (!session) return { chainEpoch: null, sckaEpoch: null };
  const pq = field(pbFields(session), 15);
  if (!pq) return { chainEpoch: null, sckaEpoch: null };
  const pqf = pbFields(pq);
  const chain = field(pqf, 2);
  const chainEpoch = chain ? Number(field(pbFields(chain), 2) ?? 0n) : null;
  let sckaEpoch = null;
  const v1 = field(pqf, 3);
  if (v1) {
    const st = pbFields(v1)[0];
    if (st) {
      const uc = field(pbFields(st[2]), 1);
      if (uc) sckaEpoch = Number(field(pbFields(uc), 1) ?? 0n);
    }
  }
  return { chainEpoch, sckaEpoch };
}

let me = null;
let nextId = 1;
let localAddress = null;

async function handle(req) {
  switch (req.cmd) {
    case 'init': {
      const identity = req.identityPrivate
        ? new S.IdentityKeyPair(S.PrivateKey.deserialize(unhex(req.identityPrivate)).getPublicKey(), S.PrivateKey.deserialize(unhex(req.identityPrivate)))
        : S.IdentityKeyPair.generate();
      me = new Stores(identity, req.registrationId ?? 1 + Math.floor(Math.random() * 16380));
      localAddress = S.ProtocolAddress.new(req.name ?? 'js', req.deviceId ?? 1);
      return { identityKey: hex(identity.publicKey.serialize()), registrationId: me.registrationId };
    }
    case 'bundle': {
      const spkId = nextId++, kyberId = nextId++;
      const spk = S.PrivateKey.generate();
      const spkSig = me.identity.privateKey.sign(spk.getPublicKey().serialize());
      await me.signedPreKeyStore.saveSignedPreKey(spkId, S.SignedPreKeyRecord.new(spkId, Date.now(), spk.getPublicKey(), spk, spkSig));
      const kyber = S.KEMKeyPair.generate();
      const kyberSig = me.identity.privateKey.sign(kyber.getPublicKey().serialize());
      await me.kyberPreKeyStore.saveKyberPreKey(kyberId, S.KyberPreKeyRecord.new(kyberId, Date.now(), kyber, kyberSig));
      const b = {
        registrationId: me.registrationId, deviceId: localAddress.deviceId(), identityKey: hex(me.identity.publicKey.serialize()),
        signedPreKeyId: spkId, signedPreKey: hex(spk.getPublicKey().serialize()), signedPreKeySignature: hex(spkSig),
        kyberPreKeyId: kyberId, kyberPreKey: hex(kyber.getPublicKey().serialize()), kyberPreKeySignature: hex(kyberSig),
      };
      if (req.oneTime !== false) {
        const pkId = nextId++;
        const pk = S.PrivateKey.generate();
        await me.preKeyStore.savePreKey(pkId, S.PreKeyRecord.new(pkId, pk.getPublicKey(), pk));
        b.preKeyId = pkId;
        b.preKey = hex(pk.getPublicKey().serialize());
      }
      return { bundle: b };
    }
    case 'process': {
      const b = req.bundle;
      const bundle = S.PreKeyBundle.new(b.registrationId, b.deviceId, b.preKeyId ?? null, b.preKey ? S.PublicKey.deserialize(unhex(b.preKey)) : null,
        b.signedPreKeyId, S.PublicKey.deserialize(unhex(b.signedPreKey)), unhex(b.signedPreKeySignature), S.PublicKey.deserialize(unhex(b.identityKey)),
        b.kyberPreKeyId, S.KEMPublicKey.deserialize(unhex(b.kyberPreKey)), unhex(b.kyberPreKeySignature));
      await S.processPreKeyBundle(bundle, S.ProtocolAddress.new(req.address, b.deviceId), localAddress, me.sessionStore, me.identityStore);
      return {};
    }
    case 'encrypt': {
      const out = [];
      const addr = S.ProtocolAddress.new(req.address, req.deviceId ?? 1);
      if (req.count) {
        // Encrypt `count` messages, returning only those whose index is listed in `keep` (loss simulations).
        const keep = new Set(req.keep ?? []);
        const pt = unhex(req.plaintext ?? '');
        for (let i = 0; i < req.count; i++) {
          const m = await S.signalEncrypt(pt, addr, localAddress, me.sessionStore, me.identityStore);
          if (keep.has(i)) out.push({ index: i, type: m.type(), body: hex(m.serialize()) });
        }
        return { messages: out };
      }
      for (const p of req.plaintexts ?? [req.plaintext]) {
        const m = await S.signalEncrypt(unhex(p), addr, localAddress, me.sessionStore, me.identityStore);
        out.push({ type: m.type(), body: hex(m.serialize()) });
      }
      return { messages: out };
    }
    case 'decrypt': {
      const addr = S.ProtocolAddress.new(req.address, req.deviceId ?? 1);
      const results = [];
      for (const m of req.messages ?? [{ type: req.type, body: req.body }]) {
        try {
          const body = unhex(m.body);
          const pt = m.type === 3
            ? await S.signalDecryptPreKey(S.PreKeySignalMessage.deserialize(body), addr, localAddress, me.sessionStore, me.identityStore,
              me.preKeyStore, me.signedPreKeyStore, me.kyberPreKeyStore)
            : await S.signalDecrypt(S.SignalMessage.deserialize(body), addr, localAddress, me.sessionStore, me.identityStore);
          results.push({ ok: true, plaintext: hex(pt) });
        } catch (e) {
          results.push({ ok: false, code: String(e.code ?? 'Error'), error: String(e.message).slice(0, 200) });
        }
      }
      return { results };
    }
    case 'epoch': {
      const b = me.sessions.get(S.ProtocolAddress.new(req.address, req.deviceId ?? 1).toString());
      if (!b) throw new Error('no session');
      return spqrEpochs(b);
    }
    case 'fingerprint': {
      const f = S.Fingerprint.new(req.iterations ?? 5200, req.version ?? 2, unhex(req.localId), S.PublicKey.deserialize(unhex(req.localKey)),
        unhex(req.remoteId), S.PublicKey.deserialize(unhex(req.remoteKey)));
      return { display: f.displayableFingerprint().toString(), scannable: hex(f.scannableFingerprint().toBuffer()) };
    }
    case 'bench':
      return await bench(req);
    default:
      throw new Error('unknown cmd ' + req.cmd);
  }
}

// libsignal measured in-process (Alice and Bob in this process), for bench/WotId.Benchmarks/Signal.
async function bench(req) {
  const mk = (name) => {
    const s = new Stores(S.IdentityKeyPair.generate(), 1 + Math.floor(Math.random() * 16380));
    s.addr = S.ProtocolAddress.new(name, 1);
    return s;
  };
  const setupOnce = async () => {
    const a = mk('alice'), b = mk('bob');
    const spk = S.PrivateKey.generate();
    const spkSig = b.identity.privateKey.sign(spk.getPublicKey().serialize());
    await b.signedPreKeyStore.saveSignedPreKey(1, S.SignedPreKeyRecord.new(1, 0, spk.getPublicKey(), spk, spkSig));
    const kyber = S.KEMKeyPair.generate();
    const kyberSig = b.identity.privateKey.sign(kyber.getPublicKey().serialize());
    await b.kyberPreKeyStore.saveKyberPreKey(2, S.KyberPreKeyRecord.new(2, 0, kyber, kyberSig));
    const opk = S.PrivateKey.generate();
    await b.preKeyStore.savePreKey(3, S.PreKeyRecord.new(3, opk.getPublicKey(), opk));
    const bundle = S.PreKeyBundle.new(b.registrationId, 1, 3, opk.getPublicKey(), 1, spk.getPublicKey(), spkSig, b.identity.publicKey,
      2, kyber.getPublicKey(), kyberSig);
    const t0 = process.hrtime.bigint();
    await S.processPreKeyBundle(bundle, b.addr, a.addr, a.sessionStore, a.identityStore);
    const m = await S.signalEncrypt(new Uint8Array(1024), b.addr, a.addr, a.sessionStore, a.identityStore);
    await S.signalDecryptPreKey(S.PreKeySignalMessage.deserialize(m.serialize()), a.addr, b.addr, b.sessionStore, b.identityStore,
      b.preKeyStore, b.signedPreKeyStore, b.kyberPreKeyStore);
    const t1 = process.hrtime.bigint();
    return { a, b, ns: Number(t1 - t0) };
  };
  const sessions = req.sessions ?? 200, messages = req.messages ?? 2000;
  await setupOnce();
  let setupNs = 0;
  for (let i = 0; i < sessions; i++) setupNs += (await setupOnce()).ns;
  const { a, b } = await setupOnce();
  const reply = await S.signalEncrypt(new Uint8Array(1), a.addr, b.addr, b.sessionStore, b.identityStore);
  await S.signalDecrypt(S.SignalMessage.deserialize(reply.serialize()), b.addr, a.addr, a.sessionStore, a.identityStore);
  const pt = new Uint8Array(1024);
  const run = async (alternate) => {
    const t0 = process.hrtime.bigint();
    let bytes = 0;
    for (let i = 0; i < messages; i++) {
      const [from, to] = alternate && i % 2 === 1 ? [b, a] : [a, b];
      const m = await S.signalEncrypt(pt, to.addr, from.addr, from.sessionStore, from.identityStore);
      const ser = m.serialize();
      bytes += ser.length - pt.length;
      await S.signalDecrypt(S.SignalMessage.deserialize(ser), from.addr, to.addr, to.sessionStore, to.identityStore);
    }
    return { perSecond: messages / (Number(process.hrtime.bigint() - t0) / 1e9), overhead: bytes / messages };
  };
  const oneWay = await run(false);
  const alternating = await run(true);
  return { setupMs: setupNs / sessions / 1e6, oneWay, alternating };
}

const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  if (!line.trim()) continue;
  let req;
  try {
    req = JSON.parse(line);
    const res = await handle(req);
    process.stdout.write(JSON.stringify({ ok: true, ...res }) + '\n');
  } catch (e) {
    process.stdout.write(JSON.stringify({ ok: false, code: String(e.code ?? 'Error'), error: String(e.message ?? e).slice(0, 300) }) + '\n');
  }
}
