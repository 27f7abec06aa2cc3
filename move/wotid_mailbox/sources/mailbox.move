// wot.id P2P mailbox on IOTA (Rebased, Move 2024).
// Design: shared Mailbox + MailboxOwnerCap, transfer-to-object delivery (iota-framework transfer.move
// `public_receive`; examples/move/transfer-to-object in iotaledger/iota). The embedded SQLite mailbox in src/WotId.Mailbox/Embedded mirrors every rule and abort code here;
// keep them in step.
//
// Objects
//   Mailbox          shared; the recipient's published policy. Senders only borrow it immutably, so concurrent
//                    senders never contend on writing it.
//   MailboxOwnerCap  owned (key + store); the right to claim, read, delete and administer one mailbox. Only the
//                    cap whose ID the mailbox records (`cap_id`) is valid: `rotate_cap` mints a new one and
//                    revokes the old, so a leaked cap can be cut off by whoever still holds a valid one.
//   MessageObject    key + store; the end-to-end encrypted payload, the sender (from the TxContext, cannot be
//                    forged), the send time and the sender's own sequence number. Delivered by
//                    `public_transfer` to the mailbox's address (transfer-to-object), archived on claim as a
//                    dynamic object field of the Mailbox keyed by the message ID.
//
// Limits: payload 1..=max_payload_bytes (at most MAX_PAYLOAD_BYTES = 16 000, below the 16 384-byte pure
// argument limit); encryption key at most 1 024 bytes; block list at most 256 addresses.
module wotid_mailbox::mailbox;

use iota::clock::Clock;
use iota::dynamic_object_field as dof;
use iota::event;
use iota::transfer::Receiving;
use iota::vec_set::{Self, VecSet};

// === Limits ===

/// Largest payload any mailbox accepts (one pure `vector<u8>` argument must stay below 16 384 BCS bytes).
const MAX_PAYLOAD_BYTES: u64 = 16_000;
/// Largest published encryption key or prekey-bundle pointer.
const MAX_KEY_BYTES: u64 = 1_024;
/// Largest block list.
const MAX_BLOCKED: u64 = 256;
/// Layout version of `Mailbox`, for upgrade gating. A package upgrade that changes the layout raises it and
/// extends `migrate`; mailboxes created earlier refuse owner operations (EWrongVersion) until migrated.
const VERSION: u64 = 1;

// === Abort codes (the C# client maps MoveAbort(_, code) to MailboxError with the same numbers) ===

/// The cap does not belong to this mailbox.
const ENotOwner: u64 = 0;
/// Payload longer than the mailbox's (or the global) maximum.
const EPayloadTooLarge: u64 = 1;
/// Empty payload.
const EPayloadEmpty: u64 = 2;
/// The sender is on the mailbox's block list.
const ESenderBlocked: u64 = 3;
/// The received message names another mailbox.
const EWrongMailbox: u64 = 4;
// 5 is kept free: the design note's EMailboxNotEmpty belongs to a destroy function this package deliberately
// does not offer (pending transfer-to-object children cannot be counted on-chain and would be stranded).
/// max_payload_bytes is 0 or above MAX_PAYLOAD_BYTES, or the key is longer than MAX_KEY_BYTES.
const EInvalidPolicy: u64 = 6;
/// No archived message with that ID.
const EMessageNotFound: u64 = 7;
/// The block list is full.
const EBlocklistFull: u64 = 8;
/// The mailbox was created by another layout version of this package.
const EWrongVersion: u64 = 9;
/// The cap was revoked by `rotate_cap` (the mailbox records another cap ID).
const ECapRevoked: u64 = 10;
/// `migrate` on a mailbox that is already at (or above) this package's layout version.
const ENotUpgrade: u64 = 11;
/// `destroy_revoked_cap` on the cap that is still valid.
const ECapStillValid: u64 = 12;

// === Objects ===

public struct Mailbox has key {
    id: UID,
    /// Informational: who created it. Access is by cap only.
    owner_hint: address,
    /// The recipient's published X25519 key or prekey-bundle pointer.
    encryption_key: vector<u8>,
    max_payload_bytes: u64,
    /// Number of archived (claimed, not yet deleted) messages.
    stored_count: u64,
    blocked: VecSet<address>,
    version: u64,
    /// The only valid MailboxOwnerCap (see `rotate_cap`).
    cap_id: ID,
}

public struct MailboxOwnerCap has key, store {
    id: UID,
    mailbox_id: ID,
}

public struct MessageObject has key, store {
    id: UID,
    /// The intended mailbox; `claim_message` refuses messages for another one.
    mailbox_id: ID,
    sender: address,
    sent_at_ms: u64,
    /// Chosen by the sender (its own counter), so the recipient can order and de-duplicate.
    seq: u64,
    payload: vector<u8>,
}

// === Events ===

public struct MailboxCreated has copy, drop { mailbox_id: ID, cap_id: ID, owner: address }

/// Emitted by `send` after the message was transferred to the mailbox address. Events are committed only with
/// their transaction, so a `MessageSent` in an executed transaction's effects is evidence of delivery to the
/// mailbox; it is not proof that the recipient has seen or kept the message.
public struct MessageSent has copy, drop {
    mailbox_id: ID,
    message_id: ID,
    sender: address,
    seq: u64,
    size: u64,
    sent_at_ms: u64,
}

/// Emitted by `new_message` when it creates a message. The PTB decides where the object goes next, so this is
/// NOT evidence of delivery: check the object's owner (AddressOwner = the mailbox ID) in the effects instead.
public struct MessageCreated has copy, drop {
    mailbox_id: ID,
    message_id: ID,
    sender: address,
    seq: u64,
    size: u64,
    sent_at_ms: u64,
}

public struct MessageClaimed has copy, drop { mailbox_id: ID, message_id: ID }

public struct MessageDeleted has copy, drop { mailbox_id: ID, message_id: ID }

public struct ObjectWithdrawn has copy, drop { mailbox_id: ID, object_id: ID }

public struct SenderBlocked has copy, drop { mailbox_id: ID, sender: address, blocked: bool }

/// The published encryption key or the size limit changed: senders must re-read the policy.
public struct PolicyChanged has copy, drop { mailbox_id: ID, encryption_key: vector<u8>, max_payload_bytes: u64 }

/// A new cap replaced (and revoked) the old one.
public struct CapRotated has copy, drop { mailbox_id: ID, old_cap_id: ID, new_cap_id: ID, new_owner: address }

/// A mailbox was migrated to this package's layout version.
public struct MailboxMigrated has copy, drop { mailbox_id: ID, from_version: u64, to_version: u64 }

// === Creating a mailbox ===

/// Creates and shares a Mailbox and gives its MailboxOwnerCap to the sender.
public fun create_mailbox(encryption_key: vector<u8>, max_payload_bytes: u64, ctx: &mut TxContext) {
    check_policy(&encryption_key, max_payload_bytes);
    let owner = ctx.sender();
    let mailbox_uid = object::new(ctx);
    let mailbox_id = mailbox_uid.to_inner();
    let cap = MailboxOwnerCap { id: object::new(ctx), mailbox_id };
    let cap_id = object::id(&cap);
    let mailbox = Mailbox {
        id: mailbox_uid,
        owner_hint: owner,
        encryption_key,
        max_payload_bytes,
        stored_count: 0,
        blocked: vec_set::empty(),
        version: VERSION,
        cap_id,
    };
    event::emit(MailboxCreated { mailbox_id, cap_id, owner });
    transfer::share_object(mailbox);
    transfer::public_transfer(cap, owner);
}

// === Sending (no capability needed) ===

/// The policy-checked path: checks the block list and the mailbox's size limit, then transfers a new
/// MessageObject to the mailbox's address. Check order: blocked, empty, too large.
public fun send(mailbox: &Mailbox, seq: u64, payload: vector<u8>, clock: &Clock, ctx: &mut TxContext) {
    let sender = ctx.sender();
    assert!(!mailbox.blocked.contains(&sender), ESenderBlocked);
    let size = payload.length();
    assert!(size > 0, EPayloadEmpty);
    assert!(size <= mailbox.max_payload_bytes, EPayloadTooLarge);
    let message = mint(object::id(mailbox), seq, payload, clock.timestamp_ms(), ctx);
    let message_id = object::id(&message);
    let sent_at_ms = message.sent_at_ms;
    transfer::public_transfer(message, object::id_address(mailbox));
    event::emit(MessageSent { mailbox_id: object::id(mailbox), message_id, sender, seq, size, sent_at_ms });
}

/// The owned (consensus-free) path: returns a MessageObject for `mailbox_id`, checked against the global
/// limit only and stamped with the epoch start time; the PTB then `TransferObjects` it to the mailbox ID.
/// The block list and the mailbox's own limit cannot be read here (no Mailbox input); `claim_message` applies
/// them, and the recipient drops refused messages with `receive_and_delete`.
public fun new_message(mailbox_id: ID, seq: u64, payload: vector<u8>, ctx: &mut TxContext): MessageObject {
    let size = payload.length();
    assert!(size > 0, EPayloadEmpty);
    assert!(size <= MAX_PAYLOAD_BYTES, EPayloadTooLarge);
    let message = mint(mailbox_id, seq, payload, ctx.epoch_timestamp_ms(), ctx);
    event::emit(MessageCreated {
        mailbox_id,
        message_id: object::id(&message),
        sender: message.sender,
        seq,
        size,
        sent_at_ms: message.sent_at_ms,
    });
    message
}

// === Owner operations (cap holder) ===

/// Receives a pending message and archives it as a dynamic object field keyed by its ID. The policy of `send`
/// applies here too, because messages from `new_message` skipped it: check order wrong mailbox, blocked sender,
/// too large. Refused messages stay pending; `receive_and_delete` removes them.
public fun claim_message(mailbox: &mut Mailbox, cap: &MailboxOwnerCap, ticket: Receiving<MessageObject>) {
    check_cap(mailbox, cap);
    let message = transfer::public_receive(&mut mailbox.id, ticket);
    let mailbox_id = object::id(mailbox);
    assert!(message.mailbox_id == mailbox_id, EWrongMailbox);
    assert!(!mailbox.blocked.contains(&message.sender), ESenderBlocked);
    assert!(message.payload.length() <= mailbox.max_payload_bytes, EPayloadTooLarge);
    let message_id = object::id(&message);
    dof::add(&mut mailbox.id, message_id, message);
    mailbox.stored_count = mailbox.stored_count + 1;
    event::emit(MessageClaimed { mailbox_id, message_id });
}

/// Receives a pending message and deletes it at once: the cheapest acknowledgement (the whole storage deposit
/// is refunded to the gas payer). Also cleans up messages addressed to another mailbox.
public fun receive_and_delete(mailbox: &mut Mailbox, cap: &MailboxOwnerCap, ticket: Receiving<MessageObject>) {
    check_cap(mailbox, cap);
    let message = transfer::public_receive(&mut mailbox.id, ticket);
    let message_id = object::id(&message);
    destroy(message);
    event::emit(MessageDeleted { mailbox_id: object::id(mailbox), message_id });
}

/// Returns a copy of an archived message's payload.
public fun read_message(mailbox: &Mailbox, cap: &MailboxOwnerCap, message_id: ID): vector<u8> {
    check_cap(mailbox, cap);
    assert!(dof::exists_with_type<ID, MessageObject>(&mailbox.id, message_id), EMessageNotFound);
    let message: &MessageObject = dof::borrow(&mailbox.id, message_id);
    message.payload
}

/// Deletes an archived message; the Field object and the message are both refunded.
public fun delete_message(mailbox: &mut Mailbox, cap: &MailboxOwnerCap, message_id: ID) {
    let message = take_message(mailbox, cap, message_id);
    destroy(message);
    event::emit(MessageDeleted { mailbox_id: object::id(mailbox), message_id });
}

/// Moves an archived message out of the mailbox (for example to forward it to another device).
public fun take_message(mailbox: &mut Mailbox, cap: &MailboxOwnerCap, message_id: ID): MessageObject {
    check_cap(mailbox, cap);
    assert!(dof::exists_with_type<ID, MessageObject>(&mailbox.id, message_id), EMessageNotFound);
    let message: MessageObject = dof::remove(&mut mailbox.id, message_id);
    mailbox.stored_count = mailbox.stored_count - 1;
    message
}

/// Pulls any stray object sent to the mailbox address (coins, spam) so nothing is stranded.
public fun withdraw_object<T: key + store>(mailbox: &mut Mailbox, cap: &MailboxOwnerCap, ticket: Receiving<T>): T {
    check_cap(mailbox, cap);
    let object = transfer::public_receive(&mut mailbox.id, ticket);
    event::emit(ObjectWithdrawn { mailbox_id: object::id(mailbox), object_id: object::id(&object) });
    object
}

/// Adds `sender` to the block list (idempotent).
public fun block_sender(mailbox: &mut Mailbox, cap: &MailboxOwnerCap, sender: address) {
    check_cap(mailbox, cap);
    if (!mailbox.blocked.contains(&sender)) {
        assert!(mailbox.blocked.size() < MAX_BLOCKED, EBlocklistFull);
        mailbox.blocked.insert(sender);
    };
    event::emit(SenderBlocked { mailbox_id: object::id(mailbox), sender, blocked: true });
}

/// Removes `sender` from the block list (idempotent).
public fun unblock_sender(mailbox: &mut Mailbox, cap: &MailboxOwnerCap, sender: address) {
    check_cap(mailbox, cap);
    if (mailbox.blocked.contains(&sender)) {
        mailbox.blocked.remove(&sender);
    };
    event::emit(SenderBlocked { mailbox_id: object::id(mailbox), sender, blocked: false });
}

/// Changes the size limit and the published key; emits PolicyChanged so senders notice a new key.
public fun set_policy(mailbox: &mut Mailbox, cap: &MailboxOwnerCap, encryption_key: vector<u8>, max_payload_bytes: u64) {
    check_cap(mailbox, cap);
    check_policy(&encryption_key, max_payload_bytes);
    mailbox.encryption_key = encryption_key;
    mailbox.max_payload_bytes = max_payload_bytes;
    event::emit(PolicyChanged { mailbox_id: object::id(mailbox), encryption_key, max_payload_bytes });
}

/// Mints a new cap for `new_owner` and revokes every other one (the mailbox records the new cap's ID). For a
/// leaked cap or a compromised account key: rotate to a fresh address, and the old cap stops working at once.
public fun rotate_cap(mailbox: &mut Mailbox, cap: &MailboxOwnerCap, new_owner: address, ctx: &mut TxContext) {
    check_cap(mailbox, cap);
    let mailbox_id = object::id(mailbox);
    let fresh = MailboxOwnerCap { id: object::new(ctx), mailbox_id };
    let new_cap_id = object::id(&fresh);
    mailbox.cap_id = new_cap_id;
    event::emit(CapRotated { mailbox_id, old_cap_id: object::id(cap), new_cap_id, new_owner });
    transfer::public_transfer(fresh, new_owner);
}

/// Deletes a revoked cap (refunds its storage deposit). A valid cap cannot be destroyed: the mailbox would be
/// left without an owner.
public fun destroy_revoked_cap(mailbox: &Mailbox, cap: MailboxOwnerCap) {
    assert!(cap.mailbox_id == object::id(mailbox), ENotOwner);
    assert!(object::id(&cap) != mailbox.cap_id, ECapStillValid);
    let MailboxOwnerCap { id, mailbox_id: _ } = cap;
    id.delete();
}

/// Brings a mailbox created by an older layout version up to this package's VERSION (owner only). Upgrades
/// that change the layout raise VERSION and add the conversion here; see README.md "Upgrades".
public fun migrate(mailbox: &mut Mailbox, cap: &MailboxOwnerCap) {
    assert!(cap.mailbox_id == object::id(mailbox), ENotOwner);
    assert!(object::id(cap) == mailbox.cap_id, ECapRevoked);
    assert!(mailbox.version < VERSION, ENotUpgrade);
    let from_version = mailbox.version;
    mailbox.version = VERSION;
    event::emit(MailboxMigrated { mailbox_id: object::id(mailbox), from_version, to_version: VERSION });
}

// === Accessors ===

public fun encryption_key(mailbox: &Mailbox): vector<u8> { mailbox.encryption_key }

public fun max_payload_bytes(mailbox: &Mailbox): u64 { mailbox.max_payload_bytes }

public fun stored_count(mailbox: &Mailbox): u64 { mailbox.stored_count }

public fun owner_hint(mailbox: &Mailbox): address { mailbox.owner_hint }

public fun is_blocked(mailbox: &Mailbox, sender: address): bool { mailbox.blocked.contains(&sender) }

public fun has_message(mailbox: &Mailbox, message_id: ID): bool {
    dof::exists_with_type<ID, MessageObject>(&mailbox.id, message_id)
}

public fun cap_mailbox_id(cap: &MailboxOwnerCap): ID { cap.mailbox_id }

public fun valid_cap_id(mailbox: &Mailbox): ID { mailbox.cap_id }

public fun version(mailbox: &Mailbox): u64 { mailbox.version }

public fun message_mailbox_id(message: &MessageObject): ID { message.mailbox_id }

public fun message_sender(message: &MessageObject): address { message.sender }

public fun message_sent_at_ms(message: &MessageObject): u64 { message.sent_at_ms }

public fun message_seq(message: &MessageObject): u64 { message.seq }

public fun message_payload(message: &MessageObject): &vector<u8> { &message.payload }

public fun max_payload_limit(): u64 { MAX_PAYLOAD_BYTES }

// === Internal ===

fun check_cap(mailbox: &Mailbox, cap: &MailboxOwnerCap) {
    assert!(mailbox.version == VERSION, EWrongVersion);
    assert!(cap.mailbox_id == object::id(mailbox), ENotOwner);
    assert!(object::id(cap) == mailbox.cap_id, ECapRevoked);
}

fun check_policy(encryption_key: &vector<u8>, max_payload_bytes: u64) {
    assert!(max_payload_bytes > 0 && max_payload_bytes <= MAX_PAYLOAD_BYTES, EInvalidPolicy);
    assert!(encryption_key.length() <= MAX_KEY_BYTES, EInvalidPolicy);
}

fun mint(mailbox_id: ID, seq: u64, payload: vector<u8>, sent_at_ms: u64, ctx: &mut TxContext): MessageObject {
    MessageObject { id: object::new(ctx), mailbox_id, sender: ctx.sender(), sent_at_ms, seq, payload }
}

fun destroy(message: MessageObject) {
    let MessageObject { id, mailbox_id: _, sender: _, sent_at_ms: _, seq: _, payload: _ } = message;
    id.delete();
}

// === Test-only helpers ===

#[test_only]
/// Lets tests build a mailbox at a different layout version to exercise EWrongVersion.
public fun set_version_for_testing(mailbox: &mut Mailbox, version: u64) { mailbox.version = version; }

#[test_only]
public fun new_cap_for_testing(mailbox_id: ID, ctx: &mut TxContext): MailboxOwnerCap {
    MailboxOwnerCap { id: object::new(ctx), mailbox_id }
}
