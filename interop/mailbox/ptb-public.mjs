// Reference oracle for the public IOTA transaction API of WotId.Mailbox: builds general programmable transactions
// (every command and input kind) with @iota/iota-sdk 1.15.1, offline, and prints one JSON object with their bytes,
// digests, signing digests and signatures, a personal-message signature, dynamic-field IDs, type-tag forms and the
// getDynamicFieldObject request body. tests/WotId.Mailbox.PublicApi.Tests builds the same from the same fixed inputs
// (PublicInputs.cs) through public types only and compares.
// Mode `verify` reads JSON lines on stdin, {kind: "tx", txBytes, signatures} or {kind: "personal", message, signature}
// (base64), and answers whether the SDK parses, re-serialises and verifies them (the other direction).
import { createInterface } from 'node:readline';
import { Transaction, Inputs } from '@iota/iota-sdk/transactions';
import { Ed25519Keypair } from '@iota/iota-sdk/keypairs/ed25519';
import { IotaClient, IotaHTTPTransport } from '@iota/iota-sdk/client';
import { verifyTransactionSignature, verifyPersonalMessageSignature } from '@iota/iota-sdk/verify';
import { messageWithIntent } from '@iota/iota-sdk/cryptography';
import { deriveDynamicFieldID, normalizeStructTag, toBase58, toBase64, fromBase64 } from '@iota/iota-sdk/utils';
import { bcs } from '@iota/iota-sdk/bcs';
import { blake2b } from '@noble/hashes/blake2.js';

const hexOf = (b) => Buffer.from(b).toString('hex');
const fill = (n, f) => Uint8Array.from({ length: n }, (_, i) => f(i) & 0xff);
const id = (byte) => '0x' + byte.toString(16).padStart(2, '0').repeat(32);
const digest = (byte) => toBase58(fill(32, () => byte));
const ref = (byte, version) => ({ objectId: id(byte), version, digest: digest(byte) });

// Fixed inputs, mirrored in PublicInputs.cs. Versions, amounts and epochs above 2^32 on purpose.
const alice = Ed25519Keypair.fromSecretKey(fill(32, (i) => i + 1));
const bob = Ed25519Keypair.fromSecretKey(fill(32, (i) => i + 0x21));
const PKG = id(0xa1);
const POOL = { objectId: id(0xb7), initialSharedVersion: '4294967397' };
const OWNED = ref(0xc1, '5000000000');
const OWNED2 = ref(0xc2, '3');
const RECV = ref(0xe1, '4294967296');
const RECV2 = ref(0xe2, '11');
const CAP = ref(0xca, '6000000001');
const GAS = ref(0xd4, '4295000123');
const SPONSOR_GAS = ref(0xd5, '9');
const MODULE_A = fill(300, (i) => i * 13 + 1);
const MODULE_B = fill(40, (i) => 200 - i);
const target = (m, fn) => `${PKG}::${m}::${fn}`;
const shared = (mutable) => Inputs.SharedObjectRef({ ...POOL, mutable });

function base(tx, gas = [GAS]) {
    tx.setSender(alice.toIotaAddress());
    tx.setGasPrice(1000);
    tx.setGasBudget(5_000_000);
    tx.setGasPayment(gas);
}

const cases = {
    pure_values(tx) {
        tx.moveCall({
            target: target('kit', 'all_pure'),
            arguments: [
                tx.pure.u8(255), tx.pure.u16(65535), tx.pure.u32(4294967295), tx.pure.u64(18446744073709551615n),
                tx.pure.u128(340282366920938463463374607431768211455n),
                tx.pure.u256(115792089237316195423570985008687907853269984665640564039457584007913129639935n),
                tx.pure.bool(true), tx.pure.bool(false), tx.pure.address(bob.toIotaAddress()), tx.pure.id(OWNED.objectId),
                tx.pure.string('grüße 👋'), tx.pure.vector('u64', [1n, 4294967296n]), tx.pure.vector('u8', fill(200, (i) => i)),
                tx.pure.option('u64', 4294967297n), tx.pure.option('address', null), tx.pure.vector('string', ['a', 'bc']),
                tx.pure('vector<vector<u8>>', [[1, 2], [], [3]]), tx.pure('option<vector<u16>>', [7, 8]),
            ],
        });
    },
    gas_split_merge_transfer(tx) {
        const coins = tx.splitCoins(tx.gas, [tx.pure.u64(4294967296n), tx.pure.u64(5)]);
        tx.mergeCoins(tx.object(Inputs.ObjectRef(OWNED)), [coins[1], tx.object(Inputs.ObjectRef(OWNED2))]);
        tx.transferObjects([coins[0], tx.object(Inputs.ObjectRef(OWNED))], tx.pure.address(bob.toIotaAddress()));
    },
    shared_clock_nested_generics(tx) {
        tx.moveCall({
            target: target('pool', 'swap'),
            typeArguments: ['0x2::coin::Coin<0x2::iota::IOTA>', `${PKG}::pool::Pair<0x2::balance::Balance<0x2::iota::IOTA>, vector<u8>>`],
            arguments: [tx.object(shared(false)), tx.object(Inputs.SharedObjectRef({ objectId: '0x6', initialSharedVersion: 1, mutable: false })), tx.pure.u64(1)],
        });
        // The same shared object again, now mutable: still one input, which becomes mutable.
        tx.moveCall({ target: target('pool', 'touch'), arguments: [tx.object(shared(true))] });
    },
    receiving_and_results(tx) {
        const [a] = tx.moveCall({ target: target('box', 'take'), typeArguments: ['u64'], arguments: [tx.object(Inputs.ObjectRef(CAP)), tx.object(Inputs.ReceivingRef(RECV))] });
        const r = tx.moveCall({ target: target('box', 'take_two'), arguments: [tx.object(Inputs.ObjectRef(CAP)), tx.object(Inputs.ReceivingRef(RECV2)), a] });
        tx.moveCall({ target: target('box', 'consume'), arguments: [r] });
    },
    make_move_vec_typed(tx) {
        const v = tx.makeMoveVec({ type: 'u64', elements: [tx.pure.u64(1), tx.pure.u64(4294967296n)] });
        const e = tx.makeMoveVec({ type: `${PKG}::box::Item<0x2::iota::IOTA>`, elements: [] });
        tx.moveCall({ target: target('box', 'sum'), arguments: [v, e] });
    },
    make_move_vec_objects(tx) {
        const v = tx.makeMoveVec({ elements: [tx.object(Inputs.ObjectRef(OWNED)), tx.object(Inputs.ObjectRef(OWNED2))] });
        tx.moveCall({ target: target('box', 'pack'), typeArguments: [`${PKG}::box::Item<u8>`], arguments: [v] });
    },
    publish(tx) {
        const cap = tx.publish({ modules: [Array.from(MODULE_A), Array.from(MODULE_B)], dependencies: ['0x1', '0x2'] });
        tx.transferObjects([cap], tx.pure.address(alice.toIotaAddress()));
    },
    upgrade(tx) {
        const cap = tx.object(Inputs.ObjectRef(CAP));
        const ticket = tx.moveCall({ target: '0x2::package::authorize_upgrade', arguments: [cap, tx.pure.u8(0), tx.pure.vector('u8', fill(32, (i) => i))] });
        const receipt = tx.upgrade({ modules: [Array.from(MODULE_B)], dependencies: ['0x1', '0x2', PKG], package: PKG, ticket });
        tx.moveCall({ target: '0x2::package::commit_upgrade', arguments: [cap, receipt] });
    },
};

async function buildAll() {
    const out = {};
    for (const [name, f] of Object.entries(cases)) {
        const tx = new Transaction();
        base(tx);
        f(tx);
        out[name] = await describe(tx, [alice]);
    }
    // Sponsored, with an epoch expiration above 2^32 and a budget above 2^32: alice sends, bob pays and both sign.
    const tx = new Transaction();
    base(tx, [SPONSOR_GAS]);
    tx.setGasOwner(bob.toIotaAddress());
    tx.setGasBudget(5_000_000_000n);
    tx.setExpiration({ Epoch: '4294967396' });
    cases.gas_split_merge_transfer(tx);
    out.sponsored_epoch = await describe(tx, [alice, bob]);
    return out;
}

async function describe(tx, signers) {
    const bytes = await tx.build();
    const kind = await tx.build({ onlyTransactionKind: true });
    const sigs = [];
    for (const s of signers) {
        sigs.push((await s.signTransaction(bytes)).signature);
    }
    const signingDigest = blake2b(messageWithIntent('TransactionData', bytes), { dkLen: 32 });
    return { txBytes: hexOf(bytes), kindBytes: hexOf(kind), digest: await tx.getDigest(), signingDigest: hexOf(signingDigest), signatures: sigs };
}

function dynamicFields() {
    const parent = id(0xb7);
    const keys = [
        ['0x2::object::ID', bcs.Address.serialize(RECV.objectId).toBytes()],
        ['u64', bcs.u64().serialize(4294967296n).toBytes()],
        ['0x1::string::String', bcs.string().serialize('archive').toBytes()],
        ['vector<u8>', bcs.vector(bcs.u8()).serialize([1, 2, 3]).toBytes()],
        ['0x2::dynamic_object_field::Wrapper<0x2::object::ID>', bcs.Address.serialize(RECV.objectId).toBytes()],
    ];
    return keys.map(([type, key]) => ({ parent, type, keyBcs: hexOf(key), id: deriveDynamicFieldID(parent, type, key) }));
}

function typeTags() {
    const types = ['0x2::coin::Coin<0x2::iota::IOTA>', `${PKG}::pool::Pair<0x2::balance::Balance<0x2::iota::IOTA>, 0x2::coin::Coin<0x2::iota::IOTA>>`, '0x0000000000000000000000000000000000000000000000000000000000000002::iota::IOTA'];
    return types.map((t) => ({ input: t, canonical: normalizeStructTag(t), bcs: hexOf(bcs.TypeTag.serialize(t).toBytes()) }));
}

async function rpcBody() {
    let captured;
    const fetchRecorder = async (_url, init) => {
        const body = JSON.parse(init.body);
        captured = body;
        return new Response(JSON.stringify({ jsonrpc: '2.0', id: body.id, result: { error: { code: 'dynamicFieldNotFound', parent_object_id: POOL.objectId } } }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const client = new IotaClient({ transport: new IotaHTTPTransport({ url: 'http://127.0.0.1:9/', fetch: fetchRecorder }) });
    await client.getDynamicFieldObject({ parentObjectId: POOL.objectId, name: { type: '0x2::object::ID', value: RECV.objectId }, options: { showType: true, showOwner: true, showContent: true, showBcs: true } });
    return captured;
}

async function main() {
    const transactions = await buildAll();
    const message = new TextEncoder().encode('wot.id mailbox key binding: ' + 'x'.repeat(150));
    const personal = { message: hexOf(message), signature: (await alice.signPersonalMessage(message)).signature, signingDigest: hexOf(blake2b(messageWithIntent('PersonalMessage', bcs.vector(bcs.u8()).serialize(message).toBytes()), { dkLen: 32 })) };
    process.stdout.write(JSON.stringify({ sdk: '@iota/iota-sdk 1.15.1', transactions, personal, dynamicFields: dynamicFields(), typeTags: typeTags(), rpc: await rpcBody() }) + '\n');
}

async function verify() {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
        if (!line.trim()) continue;
        const req = JSON.parse(line);
        try {
            if (req.kind === 'personal') {
                const pk = await verifyPersonalMessageSignature(fromBase64(req.message), req.signature);
                process.stdout.write(JSON.stringify({ ok: true, signer: pk.toIotaAddress() }) + '\n');
                continue;
            }
            const bytes = fromBase64(req.txBytes);
            const rebuilt = await Transaction.from(bytes).build();
            const signers = [];
            for (const s of req.signatures) {
                signers.push((await verifyTransactionSignature(bytes, s)).toIotaAddress());
            }
            process.stdout.write(JSON.stringify({ ok: true, roundTrip: toBase64(rebuilt) === req.txBytes, signers }) + '\n');
        } catch (e) {
            process.stdout.write(JSON.stringify({ ok: false, error: String(e && e.message ? e.message : e) }) + '\n');
        }
    }
}

if (process.argv[2] === 'verify') {
    await verify();
} else {
    await main();
}
