// Reference oracle for WotId.Mailbox (issue 6): builds the mailbox transactions with @iota/iota-sdk 1.15.1
// completely offline (every object reference fixed, no client, fetch replaced by a recorder) and prints one JSON
// object: keys, transactions (bytes, digest, signatures) and the JSON-RPC request bodies the SDK sends.
// The C# tests build the same transactions from the same fixed inputs (tests/WotId.Mailbox.Tests/Vectors/GoldenInputs.cs)
// and compare byte for byte. Mode `verify` reads {txBytes, signatures:[...]} lines on stdin and answers whether the
// SDK parses, re-serialises and verifies them (the other direction).
// Node 20 note: the SDK declares node >= 24 but the parts used here (Transaction.build without a client, Ed25519,
// IotaClient over a custom fetch) only need structuredClone and TextEncoder, which Node 20 has.
import { createInterface } from 'node:readline';
import { Transaction, Inputs } from '@iota/iota-sdk/transactions';
import { Ed25519Keypair, Ed25519PublicKey } from '@iota/iota-sdk/keypairs/ed25519';
import { IotaClient, IotaHTTPTransport } from '@iota/iota-sdk/client';
import { verifyTransactionSignature } from '@iota/iota-sdk/verify';
import { toBase58, toBase64, fromBase64, toHex } from '@iota/bcs';
import { bcs } from '@iota/iota-sdk/bcs';

const hexOf = (b) => Buffer.from(b).toString('hex');
const fill = (n, f) => Uint8Array.from({ length: n }, (_, i) => f(i) & 0xff);
const id = (byte) => '0x' + byte.toString(16).padStart(2, '0').repeat(32);
const digest = (byte) => toBase58(fill(32, () => byte));

// Fixed inputs (mirrored in GoldenInputs.cs). Versions and budgets above 2^32 on purpose.
const alice = Ed25519Keypair.fromSecretKey(fill(32, (i) => i + 1));
const bob = Ed25519Keypair.fromSecretKey(fill(32, (i) => i + 0x21));
const PKG = id(0xa1);
const MAILBOX = { objectId: id(0xb2), initialSharedVersion: '4294967397' };
const CAP = { objectId: id(0xc3), version: '5000000000', digest: digest(0x33) };
const MSG = { objectId: id(0xe5), version: '4294967296', digest: digest(0x55) };
const STRAY = { objectId: id(0xf6), version: '7', digest: digest(0x66) };
const COIN_B = { objectId: id(0x17), version: '18446744073709551615', digest: digest(0x77) };
const COIN_C = { objectId: id(0x18), version: '1', digest: digest(0x78) };
const GAS = { objectId: id(0xd4), version: '4295000123', digest: digest(0x44) };
const SPONSOR_GAS = { objectId: id(0xd5), version: '9', digest: digest(0x45) };
const PAYLOAD300 = fill(300, (i) => i * 7 + 3);
const PAYLOAD200 = fill(200, (i) => 255 - i);
const ENC_KEY = fill(32, () => 0x55);
const clock = () => Inputs.SharedObjectRef({ objectId: '0x6', initialSharedVersion: 1, mutable: false });
const mailbox = (mutable) => Inputs.SharedObjectRef({ ...MAILBOX, mutable });
const target = (fn) => `${PKG}::mailbox::${fn}`;

function base(tx, sender = alice, gas = [GAS]) {
    tx.setSender(sender.toIotaAddress());
    tx.setGasPrice(1000);
    tx.setGasBudget(5_000_000);
    tx.setGasPayment(gas);
}

const cases = {
    create_mailbox(tx) {
        tx.moveCall({ target: target('create_mailbox'), arguments: [tx.pure.vector('u8', ENC_KEY), tx.pure.u64(4096)] });
    },
    mailbox_send(tx) {
        tx.moveCall({ target: target('send'), arguments: [tx.object(mailbox(false)), tx.pure.u64(4294967301n), tx.pure.vector('u8', PAYLOAD300), tx.object(clock())] });
    },
    mailbox_claim_message(tx) {
        tx.moveCall({ target: target('claim_message'), arguments: [tx.object(mailbox(true)), tx.object(Inputs.ObjectRef(CAP)), tx.object(Inputs.ReceivingRef(MSG))] });
    },
    receive_and_delete(tx) {
        tx.moveCall({ target: target('receive_and_delete'), arguments: [tx.object(mailbox(true)), tx.object(Inputs.ObjectRef(CAP)), tx.object(Inputs.ReceivingRef(MSG))] });
    },
    delete_message(tx) {
        tx.moveCall({ target: target('delete_message'), arguments: [tx.object(mailbox(true)), tx.object(Inputs.ObjectRef(CAP)), tx.pure.id(MSG.objectId)] });
    },
    read_message(tx) {
        tx.moveCall({ target: target('read_message'), arguments: [tx.object(mailbox(false)), tx.object(Inputs.ObjectRef(CAP)), tx.pure.id(MSG.objectId)] });
    },
    block_sender(tx) {
        tx.moveCall({ target: target('block_sender'), arguments: [tx.object(mailbox(true)), tx.object(Inputs.ObjectRef(CAP)), tx.pure.address(bob.toIotaAddress())] });
    },
    deliver_new_message_tto(tx) {
        const [m] = tx.moveCall({ target: target('new_message'), arguments: [tx.pure.id(MAILBOX.objectId), tx.pure.u64(7), tx.pure.vector('u8', PAYLOAD200)] });
        tx.transferObjects([m], tx.pure.address(MAILBOX.objectId));
        tx.setExpiration({ Epoch: 1234 });
    },
    transfer_iota(tx) {
        const [c] = tx.splitCoins(tx.gas, [tx.pure.u64(1_000_000_000n)]);
        tx.transferObjects([c], tx.pure.address(bob.toIotaAddress()));
    },
    merge_and_split(tx) {
        tx.mergeCoins(tx.object(Inputs.ObjectRef(COIN_B)), [tx.object(Inputs.ObjectRef(COIN_C))]);
        const coins = tx.splitCoins(tx.object(Inputs.ObjectRef(COIN_B)), [tx.pure.u64(5n), tx.pure.u64(4294967297n)]);
        tx.transferObjects([coins[1], coins[0]], tx.pure.address(bob.toIotaAddress()));
    },
    withdraw_foreign_object(tx) {
        const [o] = tx.moveCall({ target: target('withdraw_object'), typeArguments: ['0x2::coin::Coin<0x2::iota::IOTA>'], arguments: [tx.object(mailbox(true)), tx.object(Inputs.ObjectRef(CAP)), tx.object(Inputs.ReceivingRef(STRAY))] });
        tx.transferObjects([o], tx.pure.address(alice.toIotaAddress()));
    },
};

async function buildAll() {
    const out = {};
    for (const [name, fill] of Object.entries(cases)) {
        const tx = new Transaction();
        base(tx);
        fill(tx);
        out[name] = await describe(tx, [alice]);
    }
    // Sponsored: alice sends, bob pays gas with his own coin; budget above 2^32; both sign.
    const tx = new Transaction();
    base(tx, alice, [SPONSOR_GAS]);
    tx.setGasOwner(bob.toIotaAddress());
    tx.setGasBudget(5_000_000_000n);
    cases.mailbox_send(tx);
    out.sponsored_send = await describe(tx, [alice, bob]);
    return out;
}

async function describe(tx, signers) {
    const bytes = await tx.build();
    const kind = await tx.build({ onlyTransactionKind: true });
    const sigs = [];
    for (const s of signers) {
        sigs.push((await s.signTransaction(bytes)).signature);
    }
    return { txBytes: hexOf(bytes), kindBytes: hexOf(kind), digest: await tx.getDigest(), signatures: sigs };
}

async function rpcBodies(sampleTx, sampleSig) {
    const bodies = [];
    const fetchRecorder = async (_url, init) => {
        const body = JSON.parse(init.body);
        bodies.push({ headers: init.headers, body });
        const result = body.method === 'iotax_getReferenceGasPrice' ? '1000' : body.method === 'iota_multiGetObjects' ? [] : {};
        return new Response(JSON.stringify({ jsonrpc: '2.0', id: body.id, result }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const client = new IotaClient({ transport: new IotaHTTPTransport({ url: 'http://127.0.0.1:9/', fetch: fetchRecorder }) });
    const options = { showType: true, showOwner: true, showContent: true, showBcs: true };
    const msgType = `${PKG}::mailbox::MessageObject`;
    await client.getReferenceGasPrice();
    await client.getObject({ id: MSG.objectId, options });
    await client.multiGetObjects({ ids: [CAP.objectId, MAILBOX.objectId], options });
    await client.getOwnedObjects({ owner: MAILBOX.objectId, filter: { StructType: msgType }, options, cursor: null, limit: 50 });
    await client.getDynamicFields({ parentId: MAILBOX.objectId, cursor: null, limit: 50 });
    await client.executeTransactionBlock({ transactionBlock: sampleTx, signature: sampleSig, options: { showEffects: true, showEvents: true, showObjectChanges: true } });
    await client.dryRunTransactionBlock({ transactionBlock: sampleTx });
    await client.queryEvents({ query: { MoveEventType: `${PKG}::mailbox::MessageSent` }, cursor: null, limit: 50, order: 'descending' });
    await client.getCoins({ owner: alice.toIotaAddress(), coinType: '0x2::iota::IOTA', cursor: null, limit: 50 });
    await client.getTransactionBlock({ digest: digest(0x99), options: { showEffects: true, showEvents: true, showObjectChanges: true } });
    return bodies;
}

async function main() {
    const keys = {};
    for (const [name, kp] of [['alice', alice], ['bob', bob]]) {
        keys[name] = { publicKey: toHex(kp.getPublicKey().toRawBytes()), address: kp.toIotaAddress(), privateKey: kp.getSecretKey() };
    }
    const transactions = await buildAll();
    const send = transactions.mailbox_send;
    const rpc = await rpcBodies(Buffer.from(send.txBytes, 'hex'), send.signatures);
    process.stdout.write(JSON.stringify({ sdk: '@iota/iota-sdk 1.15.1', keys, transactions, rpc }) + '\n');
}

async function verify() {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
        if (!line.trim()) continue;
        const req = JSON.parse(line);
        const bytes = fromBase64(req.txBytes);
        const reply = { ok: true, signers: [] };
        try {
            const parsed = bcs.TransactionData.parse(bytes);
            const again = bcs.TransactionData.serialize(parsed).toBytes();
            reply.roundTrip = toBase64(again) === req.txBytes;
            reply.digest = Transaction.from(bytes).getDigest ? await Transaction.from(bytes).getDigest() : null;
            for (const sig of req.signatures) {
                const pk = await verifyTransactionSignature(bytes, sig);
                reply.signers.push(pk.toIotaAddress());
            }
        } catch (e) {
            reply.ok = false;
            reply.error = String(e && e.message || e);
        }
        process.stdout.write(JSON.stringify(reply) + '\n');
    }
}

// Mode `bench N`: builds, BCS-encodes and signs N mailbox sends of 1 KiB with the SDK; prints ops/s (the JS
// reference number next to EmbeddedMailboxBenchmarks.BuildAndSignChainSend1KiB in docs/benchmarks-mailbox.md).
async function bench(n) {
    const payload = fill(1024, (i) => i);
    const once = async (seq) => {
        const tx = new Transaction();
        base(tx);
        tx.moveCall({ target: target('send'), arguments: [tx.object(mailbox(false)), tx.pure.u64(seq), tx.pure.vector('u8', payload), tx.object(clock())] });
        const bytes = await tx.build();
        return (await alice.signTransaction(bytes)).signature;
    };
    for (let i = 0; i < 200; i++) await once(i);
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await once(i);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    process.stdout.write(JSON.stringify({ sdk: '@iota/iota-sdk 1.15.1', op: 'build+sign 1 KiB send', n, seconds, opsPerSecond: n / seconds, node: process.version }) + '\n');
}

if (process.argv[2] === 'verify') {
    await verify();
} else if (process.argv[2] === 'bench') {
    await bench(Number(process.argv[3] ?? 2000));
} else {
    await main();
}
void Ed25519PublicKey;
