// Reference oracle for did:iota publication transactions: builds, with @iota/iota-sdk 1.15.1 offline, the programmable
// transactions iotaledger/identity.rs (commit 9646fc1, identity_iota_core/src/rebased/iota/move_calls/identity.rs)
// builds for the IOTA Identity Move package, in the same input and command order, and prints their bytes, digests
// and signatures as one JSON object. tests/WotId.Mailbox.Tests/Identity builds the same in C# and compares.
// Mode `wasm` asks @iota/identity-wasm 1.9.7-beta.1 (the official IOTA Identity library) to build its own creation
// transaction offline (IdentityBuilder(doc).finish(), one controller) and prints the package it calls, the packed
// document and the TransactionKind bytes. Its only RPC call, iota_getChainIdentifier, is answered with mainnet's
// chain identifier 6364aad5 by a local fetch function, so nothing reaches a network.
// Mode `verify` reads JSON lines {txBytes, signatures} (base64) on stdin and answers whether the SDK parses
// (Transaction.from), re-serialises to the same bytes, and verifies each signature (the other direction).
import { createInterface } from 'node:readline';
import { Transaction, Inputs } from '@iota/iota-sdk/transactions';
import { Ed25519Keypair } from '@iota/iota-sdk/keypairs/ed25519';
import { verifyTransactionSignature } from '@iota/iota-sdk/verify';
import { IotaClient, IotaHTTPTransport } from '@iota/iota-sdk/client';
import { toBase58, toBase64, fromBase64 } from '@iota/iota-sdk/utils';

const hexOf = (b) => Buffer.from(b).toString('hex');
const fill = (n, f) => Uint8Array.from({ length: n }, (_, i) => f(i) & 0xff);
const id = (byte) => '0x' + byte.toString(16).padStart(2, '0').repeat(32);
const ref = (byte, version) => ({ objectId: id(byte), version, digest: toBase58(fill(32, () => byte)) });

// Fixed inputs, mirrored in IdentityInputs.cs. The package is the mainnet IotaIdentity package (Move.lock, env.mainnet).
const controller = Ed25519Keypair.fromSecretKey(fill(32, (i) => i + 1));
const PKG = '0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08';
const IDENTITY = { objectId: id(0x1d), initialSharedVersion: '4294967400' };
const CAP = ref(0xc7, '5000000002');
const GAS = ref(0xd4, '4295000123');
const PROPOSAL = id(0x9b);
const json = '{"doc":{"id":"did:0:0","verificationMethod":[]},"meta":{"created":"2026-12-06T00:00:00Z","updated":"2026-12-06T00:00:00Z"}}';
const packed = (text) => {
    const body = new TextEncoder().encode(text);
    return Uint8Array.from([0x44, 0x49, 0x44, 1, 0, body.length & 0xff, body.length >> 8, ...body]);
};
const DOC = packed(json);
const DOC2 = packed(json.replace('"verificationMethod":[]', '"verificationMethod":[],"service":[{"id":"did:0:0#tsp","type":"TSPTransport","serviceEndpoint":"' + 'x'.repeat(300) + '"}]'));

const clock = (tx) => tx.object(Inputs.SharedObjectRef({ objectId: '0x6', initialSharedVersion: 1, mutable: false }));
const identity = (tx) => tx.object(Inputs.SharedObjectRef({ ...IDENTITY, mutable: true }));
const call = (tx, module, fn, args) => tx.moveCall({ target: `${PKG}::${module}::${fn}`, arguments: args });

// move_calls/utils.rs option_to_move: 0x1::option::some<u64>(pure) or 0x1::option::none<u64>().
const expiration = (tx, ms) => (ms === null
    ? tx.moveCall({ target: '0x1::option::none', typeArguments: ['u64'], arguments: [] })
    : tx.moveCall({ target: '0x1::option::some', typeArguments: ['u64'], arguments: [tx.pure.u64(ms)] }));

// identity.rs propose_update: cap, borrow, identity, expiration, doc, clock, propose_update, put_back.
function proposeUpdate(tx, doc, ms) {
    const cap = tx.object(Inputs.ObjectRef(CAP));
    const [token, borrow] = call(tx, 'controller', 'borrow', [cap]);
    const idArg = identity(tx);
    const exp = expiration(tx, ms);
    const docArg = tx.pure.option('vector<u8>', doc);
    call(tx, 'identity', 'propose_update', [idArg, token, docArg, exp, clock(tx)]);
    call(tx, 'controller', 'put_back', [cap, token, borrow]);
}

const cases = {
    create(tx) {
        call(tx, 'identity', 'new', [tx.pure.option('vector<u8>', DOC), clock(tx)]);
    },
    update(tx) { proposeUpdate(tx, DOC2, null); },
    update_with_expiration(tx) { proposeUpdate(tx, DOC, 4294967296123n); },
    deactivate(tx) { proposeUpdate(tx, new Uint8Array(0), null); },
    delete_document(tx) { proposeUpdate(tx, null, null); },
    // identity.rs execute_update: cap, borrow, proposal id, identity, clock, execute_update, put_back.
    execute_update(tx) {
        const cap = tx.object(Inputs.ObjectRef(CAP));
        const [token, borrow] = call(tx, 'controller', 'borrow', [cap]);
        const proposal = tx.pure.id(PROPOSAL);
        const idArg = identity(tx);
        call(tx, 'identity', 'execute_update', [idArg, token, proposal, clock(tx)]);
        call(tx, 'controller', 'put_back', [cap, token, borrow]);
    },
};

async function main() {
    const out = {};
    for (const [name, f] of Object.entries(cases)) {
        const tx = new Transaction();
        tx.setSender(controller.toIotaAddress());
        tx.setGasPrice(1000);
        tx.setGasBudget(5_000_000_000n);
        tx.setGasPayment([GAS]);
        f(tx);
        const bytes = await tx.build();
        out[name] = { txBytes: hexOf(bytes), kindBytes: hexOf(await tx.build({ onlyTransactionKind: true })), digest: await tx.getDigest(), signature: (await controller.signTransaction(bytes)).signature };
    }
    process.stdout.write(JSON.stringify({ sdk: '@iota/iota-sdk 1.15.1', controller: controller.toIotaAddress(), packed: { create: hexOf(DOC), update: hexOf(DOC2) }, transactions: out }) + '\n');
}

async function verify() {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
        if (!line.trim()) continue;
        const req = JSON.parse(line);
        try {
            const bytes = fromBase64(req.txBytes);
            const parsed = Transaction.from(bytes);
            const rebuilt = await parsed.build();
            const signers = [];
            for (const s of req.signatures) {
                signers.push((await verifyTransactionSignature(bytes, s)).toIotaAddress());
            }
            const targets = parsed.getData().commands.filter((c) => c.MoveCall).map((c) => `${c.MoveCall.module}::${c.MoveCall.function}`);
            process.stdout.write(JSON.stringify({ ok: true, roundTrip: toBase64(rebuilt) === req.txBytes, signers, targets }) + '\n');
        } catch (e) {
            process.stdout.write(JSON.stringify({ ok: false, error: String(e && e.message ? e.message : e) }) + '\n');
        }
    }
}

async function wasm() {
    const identity = await import('@iota/identity-wasm/node/index.js');
    const offline = async (_url, init) => {
        const body = JSON.parse(init.body);
        if (body.method !== 'iota_getChainIdentifier') {
            throw new Error('offline: unexpected ' + body.method);
        }
        return new Response(JSON.stringify({ jsonrpc: '2.0', id: body.id, result: '6364aad5' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const client = new IotaClient({ transport: new IotaHTTPTransport({ url: 'http://127.0.0.1:9/', fetch: offline }) });
    const ro = await identity.IdentityClientReadOnly.create(client);
    const doc = new identity.IotaDocument(ro.network());
    const packed = doc.pack();
    const kind = await new identity.IdentityBuilder(doc).finish().transaction.buildProgrammableTransaction(ro);
    process.stdout.write(JSON.stringify({ library: '@iota/identity-wasm 1.9.7-beta.1', network: ro.network(), package: ro.packageId(), packageHistory: ro.packageHistory(), packed: hexOf(packed), kindBytes: hexOf(kind) }) + '\n');
}

if (process.argv[2] === 'verify') {
    await verify();
} else if (process.argv[2] === 'wasm') {
    await wasm();
} else {
    await main();
}
