import * as id from '@iota/identity-wasm/node/index.js';
const { IotaDID, IotaDocument, Storage, JwkPqMemStore, KeyIdMemStore, MethodScope, Credential, JwsSignatureOptions } = id;
const store = new JwkPqMemStore();
const os = store.sign.bind(store), op = store.signPQ.bind(store);
store.sign = async (k, data, pk) => { console.log('ED data', Buffer.from(data).toString('hex').slice(0, 200), data.length); return os(k, data, pk); };
store.signPQ = async (k, data, pk, ctx) => { console.log('PQ data', Buffer.from(data).toString('hex').slice(0, 200), data.length, 'ctx', ctx && Buffer.from(ctx).toString('hex')); return op(k, data, pk, ctx); };
const did = IotaDID.fromObjectId('0x' + '11'.repeat(32), 'iota');
const doc = IotaDocument.newWithId(did);
const storage = new Storage(store, new KeyIdMemStore());
for (const alg of ['id-MLDSA65-Ed25519']) {
const frag = await doc.generateMethodHybrid(storage, alg, 'k1', MethodScope.VerificationMethod());
const cred = new Credential({ id: 'https://example.com/c/1', type: ['VerifiableCredential'], issuer: doc.id(), credentialSubject: { id: 'did:iota:0x' + '22'.repeat(32) } });
const jwt = (await doc.createCredentialJwtHybrid(storage, frag, cred, new JwsSignatureOptions())).toString();
const [h, p] = jwt.split('.');
console.log('input', Buffer.from(h + '.' + p).toString('hex').slice(0, 200), (h + '.' + p).length);
}
const frag2 = await doc.generateMethodPQC(storage, JwkPqMemStore.mldsaKeyType(), 'ML-DSA-44', 'k2', MethodScope.VerificationMethod());
const cred = new Credential({ id: 'https://example.com/c/1', type: ['VerifiableCredential'], issuer: doc.id(), credentialSubject: { id: 'did:iota:0x' + '22'.repeat(32) } });
const jwt = (await doc.createCredentialJwtPqc(storage, frag2, cred, new JwsSignatureOptions())).toString();
console.log(JSON.stringify(doc.toJSON().doc.verificationMethod[1]).slice(0,300));
