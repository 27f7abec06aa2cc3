// Reference peer for the did:iota document tests (tests/WotId.Identity.Tests/Interop and
// tests/WotId.Node.Tests/Iota), on @iota/identity-wasm 1.9.7-beta.1 with @iota/iota-sdk 1.15.1.
//   node identity/iota-document.mjs samples
//       → {"samples":[{"name","did","packed":hex,"doc":<doc.toJSON().doc>}...]}: documents built by the library
//         (Ed25519, ML-DSA-44/65/87 via generateMethodPQC, id-MLDSA44/65-Ed25519 via generateMethodHybrid, and
//         one with controller, alsoKnownAs, service, custom properties and deactivated metadata), packed with
//         IotaDocument.pack().
//   node identity/iota-document.mjs resolve <rpc-url> <identity-package-id> <did>
//       → {"packed":hex,"doc":...,"meta":...,"deactivated":bool}: the library's own resolver
//         (IdentityClientReadOnly.createWithPkgId + resolveDid over a real IotaClient on <rpc-url>) and its
//         re-pack of what it read. This build of identity-wasm exposes no offline IotaDocument.unpack; resolution
//         through JSON-RPC is its unpack path.
import * as id from '@iota/identity-wasm/node/index.js';
import { IotaClient } from '@iota/iota-sdk/client';

const hex = (b) => Buffer.from(b).toString('hex');
const CREATED = '2026-01-02T03:04:05Z';
const UPDATED = '2026-01-02T03:04:06Z';

async function makeDoc(network, objectIdByte, build) {
  const did = id.IotaDID.fromObjectId('0x' + objectIdByte.repeat(32), network);
  const doc = id.IotaDocument.newWithId(did);
  const storage = new id.Storage(new id.JwkPqMemStore(), new id.KeyIdMemStore());
  await build(doc, storage, did);
  doc.setMetadataCreated(id.Timestamp.parse(CREATED));
  doc.setMetadataUpdated(id.Timestamp.parse(UPDATED));
  return doc;
}

const assertion = () => id.MethodScope.AssertionMethod();
const pqc = (alg) => async (doc, storage) =>
  doc.generateMethodPQC(storage, id.JwkPqMemStore.mldsaKeyType(), alg, '#' + alg.toLowerCase(), assertion());
const hybrid = (alg, frag) => async (doc, storage) => doc.generateMethodHybrid(storage, alg, frag, assertion());
const ed25519 = async (doc, storage) =>
  doc.generateMethod(storage, id.JwkMemStore.ed25519KeyType(), id.JwsAlgorithm.EdDSA, '#ed', assertion());

async function samples() {
  const specs = [
    ['ed25519', 'iota', '01', ed25519],
    ['ml-dsa-44', 'iota', '02', pqc('ML-DSA-44')],
    ['ml-dsa-65', 'iota', '03', pqc('ML-DSA-65')],
    ['ml-dsa-87', 'iota', '04', pqc('ML-DSA-87')],
    ['id-MLDSA44-Ed25519', 'iota', '05', hybrid(id.CompositeAlgId.IdMldsa44Ed25519, '#hybrid44')],
    ['id-MLDSA65-Ed25519', 'iota', '06', hybrid(id.CompositeAlgId.IdMldsa65Ed25519, '#hybrid65')],
    ['everything', 'a9c98038', '07', async (doc, storage, did) => {
      await ed25519(doc, storage);
      await pqc('ML-DSA-65')(doc, storage);
      await hybrid(id.CompositeAlgId.IdMldsa65Ed25519, '#hybrid65')(doc, storage);
      doc.insertService(new id.Service({ id: did.join('#mailbox'), type: 'WotIdMailbox', serviceEndpoint: 'https://mailbox.example/ü' }));
      doc.setController([id.IotaDID.fromObjectId('0x' + 'cd'.repeat(32), 'a9c98038'), did]);
      doc.setAlsoKnownAs(['did:example:wot']);
      doc.setPropertyUnchecked('zeta', { b: 'quote " backslash \\ tab \t', a: [1, 2.5, null, true] });
      doc.setPropertyUnchecked('alpha', 'first');
      doc.setMetadataDeactivated(true);
      doc.setMetadataPropertyUnchecked('note', 'custom');
    }],
  ];
  const out = [];
  for (const [name, network, byte, build] of specs) {
    const doc = await makeDoc(network, byte, build);
    out.push({ name, did: doc.id().toString(), packed: hex(doc.pack()), doc: doc.toJSON().doc });
  }
  return { samples: out };
}

async function resolve(url, pkg, didText) {
  const client = new IotaClient({ url });
  const reader = await id.IdentityClientReadOnly.createWithPkgId(client, pkg);
  const doc = await reader.resolveDid(id.IotaDID.parse(didText));
  const json = doc.toJSON();
  return { packed: hex(doc.pack()), doc: json.doc, meta: json.meta, deactivated: doc.metadataDeactivated() ?? false };
}

const [cmd, ...args] = process.argv.slice(2);
try {
  const result = cmd === 'samples' ? await samples() : cmd === 'resolve' ? await resolve(...args) : null;
  if (result === null) throw new Error('usage: samples | resolve <rpc-url> <package-id> <did>');
  process.stdout.write(JSON.stringify({ ok: true, ...result }) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(e) }) + '\n');
  process.exitCode = 1;
}
