// Reference peer for the C# IOTA Identity interop tests (tests/WotId.Identity.Tests/Interop/IotaIdentityInteropTests.cs):
// @iota/identity-wasm 1.9.7-beta.1 (the Move-based line; npm's "latest" 1.5.1 is the old ledger), offline. JSON lines
// over stdin → stdout; each request {"cmd":...} gets one answer {"ok":true,...} or {"ok":false,"error":...}.
// did:iota issuers and holders are built with IotaDID.fromObjectId + IotaDocument.newWithId; keys live in the library's
// JwkPqMemStore (noble ML-DSA / Ed25519). Credentials: createCredentialJwtPqc / createCredentialJwtHybrid (VC-JWT 1.1,
// typ "JWT"); presentations: createPresentationJwtPqc / createPresentationJwtHybrid; verification:
// JwtCredentialValidator(PQJwsVerifier) or JwtCredentialValidatorHybrid(EdDSAJwsVerifier, PQJwsVerifier), and the
// presentation validators. Documents are exchanged as the core DID document JSON (doc.toJSON().doc) and, for issuers,
// also packed (IotaDocument.pack(), hex); "verify-resolved" resolves the issuer through a JSON-RPC node instead.
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import * as id from '@iota/identity-wasm/node/index.js';
import { IotaClient } from '@iota/iota-sdk/client';

const {
  IotaDID, IotaDocument, CoreDocument, Storage, JwkPqMemStore, KeyIdMemStore, MethodScope, Credential, CredentialV2,
  Presentation, JwsSignatureOptions, JwtPresentationOptions, Timestamp, Duration, Jwt, FailFast, StatusCheck,
  JwtCredentialValidator, JwtCredentialValidatorHybrid, JwtCredentialValidationOptions, JwtPresentationValidator,
  JwtPresentationValidatorHybrid, JwtPresentationValidationOptions, JwsVerificationOptions, EdDSAJwsVerifier, PQJwsVerifier,
  StatusList2021, StatusList2021Credential, StatusList2021CredentialBuilder, StatusList2021Entry, StatusPurpose,
  RevocationBitmap, Service, DIDUrl,
} = id;

// The library logs failed JSON-RPC calls with console.log; stdout carries only the answers.
console.log = console.error;

const HYBRID = new Set(['id-MLDSA44-Ed25519', 'id-MLDSA65-Ed25519']);
const parties = new Map(); // did → { doc, storage, fragment, alg }

async function newParty(alg, scope) {
  const did = IotaDID.fromObjectId('0x' + randomBytes(32).toString('hex'), 'iota');
  const doc = IotaDocument.newWithId(did);
  const storage = new Storage(new JwkPqMemStore(), new KeyIdMemStore());
  const methodScope = scope === 'authentication' ? MethodScope.Authentication() : MethodScope.AssertionMethod();
  const fragment = HYBRID.has(alg)
    ? await doc.generateMethodHybrid(storage, alg, 'key-1', methodScope)
    : await doc.generateMethodPQC(storage, JwkPqMemStore.mldsaKeyType(), alg, 'key-1', methodScope);
  const party = { doc, storage, fragment, alg };
  parties.set(doc.id().toString(), party);
  return party;
}

const coreJson = (doc) => doc.toJSON().doc;
const secondsFromNow = (s) => Timestamp.nowUTC().checkedAdd(Duration.seconds(s)) ?? Timestamp.nowUTC();

function timestamp(offsetSeconds) {
  const now = Timestamp.nowUTC();
  return offsetSeconds >= 0 ? now.checkedAdd(Duration.seconds(offsetSeconds)) : now.checkedSub(Duration.seconds(-offsetSeconds));
}

async function issue(req) {
  const issuer = req.issuer ? parties.get(req.issuer) : await newParty(req.alg, 'assertion');
  const fields = {
    id: req.id ?? 'urn:uuid:' + crypto.randomUUID(),
    type: req.types ?? ['VerifiableCredential', 'VerifiedHumanCredential'],
    issuer: issuer.doc.id(),
    credentialSubject: { id: req.subject, type: 'VerifiedHuman', verificationLevel: 'in-person' },
  };
  if (req.nbfOffset !== undefined) fields.issuanceDate = timestamp(req.nbfOffset);
  if (req.expOffset !== undefined) fields.expirationDate = timestamp(req.expOffset);
  const credential = new Credential(fields);
  const options = new JwsSignatureOptions();
  const jwt = HYBRID.has(issuer.alg)
    ? await issuer.doc.createCredentialJwtHybrid(issuer.storage, issuer.fragment, credential, options)
    : await issuer.doc.createCredentialJwtPqc(issuer.storage, issuer.fragment, credential, options);
  return {
    jwt: jwt.toString(),
    did: issuer.doc.id().toString(),
    kid: issuer.doc.id().toString() + '#' + issuer.fragment,
    doc: coreJson(issuer.doc),
    packed: Buffer.from(issuer.doc.pack()).toString('hex'),
  };
}

async function issueV2(req) {
  const issuer = await newParty(req.alg, 'assertion');
  const credential = new CredentialV2({
    id: 'urn:uuid:' + crypto.randomUUID(),
    type: ['VerifiableCredential', 'VerifiedHumanCredential'],
    issuer: issuer.doc.id(),
    credentialSubject: { id: req.subject, type: 'VerifiedHuman' },
  });
  const jwt = await issuer.doc.createCredentialV2Jwt(issuer.storage, issuer.fragment, credential, new JwsSignatureOptions());
  return { jwt: jwt.toString(), did: issuer.doc.id().toString(), doc: coreJson(issuer.doc) };
}

async function present(req) {
  const holder = req.holder ? parties.get(req.holder) : await newParty(req.alg, 'authentication');
  const presentation = new Presentation({ holder: holder.doc.id(), verifiableCredential: req.credentials.map((c) => new Jwt(c)) });
  const signature = new JwsSignatureOptions({ nonce: req.nonce });
  const options = new JwtPresentationOptions({ expirationDate: secondsFromNow(req.lifetime ?? 300), issuanceDate: Timestamp.nowUTC(), audience: req.audience });
  const jwt = HYBRID.has(holder.alg)
    ? await holder.doc.createPresentationJwtHybrid(holder.storage, holder.fragment, presentation, signature, options)
    : await holder.doc.createPresentationJwtPqc(holder.storage, holder.fragment, presentation, signature, options);
  return { jwt: jwt.toString(), did: holder.doc.id().toString(), doc: coreJson(holder.doc) };
}

function credentialValidator(hybrid) {
  return hybrid ? new JwtCredentialValidatorHybrid(new EdDSAJwsVerifier(), new PQJwsVerifier()) : new JwtCredentialValidator(new PQJwsVerifier());
}

function verify(req) {
  try {
    const doc = CoreDocument.fromJSON(req.doc);
    const options = new JwtCredentialValidationOptions({ status: StatusCheck[req.status ?? 'Strict'] });
    const decoded = credentialValidator(req.hybrid).validate(new Jwt(req.jwt), doc, options, FailFast.FirstError);
    return { valid: true, credential: decoded.credential().toJSON() };
  } catch (e) {
    return { valid: false, error: String(e?.message ?? e), kind: e?.name };
  }
}

// A credential inside a decoded presentation: a Jwt object, or a wasm value whose JSON is the compact JWS string.
function jwtText(c) {
  if (typeof c === 'string') return c;
  if (c instanceof Jwt) return c.toString();
  const json = c?.toJSON?.() ?? c;
  return typeof json === 'string' ? json : JSON.stringify(json);
}

function verifyPresentation(req) {
  try {
    const holderDoc = CoreDocument.fromJSON(req.holderDoc);
    const validator = req.hybrid ? new JwtPresentationValidatorHybrid(new EdDSAJwsVerifier(), new PQJwsVerifier()) : new JwtPresentationValidator(new PQJwsVerifier());
    const options = new JwtPresentationValidationOptions({ presentationVerifierOptions: new JwsVerificationOptions({ nonce: req.nonce }) });
    const decoded = validator.validate(new Jwt(req.jwt), holderDoc, options);
    const issuerDoc = CoreDocument.fromJSON(req.issuerDoc);
    const creds = decoded.presentation().verifiableCredential().map(jwtText);
    for (const c of creds) {
      credentialValidator(req.credentialHybrid).validate(new Jwt(c), issuerDoc, new JwtCredentialValidationOptions({ status: StatusCheck.SkipUnsupported }), FailFast.FirstError);
    }
    return { valid: true, holder: decoded.presentation().holder(), aud: decoded.audience?.() ?? null, credentials: creds.length };
  } catch (e) {
    return { valid: false, error: String(e?.message ?? e), kind: e?.name };
  }
}

// The issuer's document resolved by the library itself (IdentityClientReadOnly.createWithPkgId + resolveDid over a
// real IotaClient on req.rpc), then the credential validated against what it resolved. The validator does not look at
// the document's deactivated metadata; "deactivated" reports it so the caller can refuse.
async function verifyResolved(req) {
  let doc;
  try {
    const reader = await id.IdentityClientReadOnly.createWithPkgId(new IotaClient({ url: req.rpc }), req.pkg);
    doc = await reader.resolveDid(IotaDID.parse(req.did));
  } catch (e) {
    return { valid: false, resolved: false, error: String(e?.message ?? e) };
  }
  const deactivated = doc.metadataDeactivated() ?? false;
  try {
    const options = new JwtCredentialValidationOptions({ status: StatusCheck[req.status ?? 'Strict'] });
    const decoded = credentialValidator(req.hybrid).validate(new Jwt(req.jwt), doc, options, FailFast.FirstError);
    return { valid: true, resolved: true, deactivated, credential: decoded.credential().toJSON() };
  } catch (e) {
    return { valid: false, resolved: true, deactivated, error: String(e?.message ?? e), kind: e?.name };
  }
}

// Status List 2021 (W3C WD 2023-04-27): a credential whose credentialStatus is a StatusList2021Entry (revocation,
// req.index, statusListCredential req.url) and the StatusList2021Credential (131,072 entries, bit req.index set when
// req.revoked), both signed by the same did:iota issuer in the VC-JWT 1.1 form.
async function issueStatusList2021(req) {
  const issuer = await newParty(req.alg, 'assertion');
  const list = new StatusList2021(131072);
  if (req.revoked) list.set(req.index, true);
  const listCredential = new StatusList2021CredentialBuilder(list).purpose(StatusPurpose.Revocation)
    .subjectId(req.url + '#list').issuer(issuer.doc.id().toString()).build();
  const entry = new StatusList2021Entry(req.url, StatusPurpose.Revocation, req.index);
  const credential = new Credential({
    id: 'urn:uuid:' + crypto.randomUUID(),
    type: ['VerifiableCredential', 'VerifiedHumanCredential'],
    issuer: issuer.doc.id(),
    credentialSubject: { id: req.subject, type: 'VerifiedHuman', verificationLevel: 'in-person' },
    credentialStatus: entry.toJSON(),
  });
  const sign = (c) => HYBRID.has(issuer.alg)
    ? issuer.doc.createCredentialJwtHybrid(issuer.storage, issuer.fragment, c, new JwsSignatureOptions())
    : issuer.doc.createCredentialJwtPqc(issuer.storage, issuer.fragment, c, new JwsSignatureOptions());
  const jwt = await sign(credential);
  const listJwt = await sign(Credential.fromJSON(listCredential.toJSON()));
  return { jwt: jwt.toString(), listJwt: listJwt.toString(), did: issuer.doc.id().toString(), doc: coreJson(issuer.doc) };
}

// Validates a credential and its StatusList2021Credential (both VC-JWT 1.1, same issuer document), then the library's
// checkStatusWithStatusList2021 (Strict) on the credential against that list.
function checkStatusList2021(req) {
  try {
    const doc = CoreDocument.fromJSON(req.doc);
    const validator = credentialValidator(req.hybrid);
    const options = new JwtCredentialValidationOptions({ status: StatusCheck.SkipUnsupported });
    const credential = validator.validate(new Jwt(req.jwt), doc, options, FailFast.FirstError).credential();
    const listCredential = validator.validate(new Jwt(req.listJwt), doc, options, FailFast.FirstError).credential();
    const statusList = StatusList2021Credential.fromJSON(listCredential.toJSON());
    JwtCredentialValidator.checkStatusWithStatusList2021(credential, statusList, StatusCheck.Strict);
    return { valid: true };
  } catch (e) {
    return { valid: false, error: String(e?.message ?? e), kind: e?.name };
  }
}

// RevocationBitmap2022 (identity_credential revocation_bitmap_2022): an issuer whose document has a RevocationBitmap2022
// service "#revocation" (RevocationBitmap.toService) and a credential whose credentialStatus points at index req.index,
// written as the library's wasm example 7_revoke_vc does ("<did>#revocation") or, with req.query, as
// RevocationBitmapStatus::new writes it ("<did>?index=N#revocation"); with req.revoked the issuer then revokes it
// (IotaDocument.revokeCredentials, which rewrites the service). The document is returned after that.
async function issueRevocationBitmap(req) {
  const issuer = await newParty(req.alg, 'assertion');
  issuer.doc.insertService(new RevocationBitmap().toService(issuer.doc.id().join('#revocation')));
  const did = issuer.doc.id().toString();
  const credential = new Credential({
    id: 'urn:uuid:' + crypto.randomUUID(),
    type: ['VerifiableCredential', 'VerifiedHumanCredential'],
    issuer: issuer.doc.id(),
    credentialSubject: { id: req.subject, type: 'VerifiedHuman', verificationLevel: 'in-person' },
    credentialStatus: {
      id: req.query ? `${did}?index=${req.index}#revocation` : `${did}#revocation`,
      type: RevocationBitmap.type(),
      revocationBitmapIndex: String(req.index),
    },
  });
  const jwt = HYBRID.has(issuer.alg)
    ? await issuer.doc.createCredentialJwtHybrid(issuer.storage, issuer.fragment, credential, new JwsSignatureOptions())
    : await issuer.doc.createCredentialJwtPqc(issuer.storage, issuer.fragment, credential, new JwsSignatureOptions());
  if (req.revoked) issuer.doc.revokeCredentials('revocation', req.index);
  return { jwt: jwt.toString(), did, doc: coreJson(issuer.doc) };
}

// The library's own status check of a credential against the issuer's document: the credential is decoded by the
// validator (signature checked, status skipped), then JwtCredentialValidator.checkStatus(credential, [doc],
// StatusCheck.Strict); "validate" is the verdict of validate() with StatusCheck.Strict, which runs the same check.
function checkRevocationBitmap(req) {
  const doc = CoreDocument.fromJSON(req.doc);
  const validator = credentialValidator(req.hybrid);
  let validate = { valid: true };
  try {
    validator.validate(new Jwt(req.jwt), doc, new JwtCredentialValidationOptions({ status: StatusCheck.Strict }), FailFast.FirstError);
  } catch (e) {
    validate = { valid: false, error: String(e?.message ?? e) };
  }
  try {
    const credential = validator.validate(new Jwt(req.jwt), doc, new JwtCredentialValidationOptions({ status: StatusCheck.SkipAll }), FailFast.FirstError).credential();
    JwtCredentialValidator.checkStatus(credential, [doc], StatusCheck.Strict);
    return { valid: true, validate };
  } catch (e) {
    return { valid: false, error: String(e?.message ?? e), kind: e?.name, validate };
  }
}

// Their RevocationBitmap with req.indices revoked, as the service endpoint they write.
function bitmapEncode(req) {
  const bitmap = new RevocationBitmap();
  for (const i of req.indices) bitmap.revoke(i);
  const service = bitmap.toService(DIDUrl.parse(req.serviceId));
  return { endpoint: service.serviceEndpoint(), len: bitmap.len() };
}

// An endpoint read by their RevocationBitmap.fromEndpoint: its size and which of req.probe are revoked.
function bitmapDecode(req) {
  try {
    const bitmap = RevocationBitmap.fromEndpoint(new Service({ id: req.serviceId, type: RevocationBitmap.type(), serviceEndpoint: req.endpoint }));
    return { valid: true, len: bitmap.len(), revoked: req.probe.filter((i) => bitmap.isRevoked(i)) };
  } catch (e) {
    return { valid: false, error: String(e?.message ?? e) };
  }
}

// A DID document through IOTA Identity's CoreDocument (fromJSON → toJSON).
const docRoundtrip = (req) => ({ doc: CoreDocument.fromJSON(req.doc).toJSON() });

const handlers = { 'doc-roundtrip': docRoundtrip, issue, 'issue-v2': issueV2, present, verify, 'verify-presentation': verifyPresentation, 'verify-resolved': verifyResolved,
  'issue-sl2021': issueStatusList2021, 'check-sl2021': checkStatusList2021, 'issue-rb': issueRevocationBitmap,
  'check-rb': checkRevocationBitmap, 'bitmap-encode': bitmapEncode, 'bitmap-decode': bitmapDecode };

const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  let answer;
  try {
    const req = JSON.parse(line);
    const handler = handlers[req.cmd];
    if (!handler) throw new Error('unknown cmd ' + req.cmd);
    answer = { ok: true, ...(await handler(req)) };
  } catch (e) {
    answer = { ok: false, error: String(e?.stack ?? e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
