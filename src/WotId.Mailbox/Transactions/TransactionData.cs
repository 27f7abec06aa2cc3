// TransactionData = enum { 0 V1(TransactionDataV1) };
// TransactionDataV1 = kind: TransactionKind, sender: Address, gas_data: GasData, expiration: TransactionExpiration;
// TransactionExpiration = enum { 0 None, 1 Epoch(u64) } (iota-types transaction.rs, SDK bcs.ts; note Part C.2).
// Digests: crates/shared-crypto intent.rs and iota-types digests.rs (see IotaIntent).
using System;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary><c>TransactionData::V1</c>: what is hashed, signed and submitted.</summary>
/// <param name="Kind">The programmable transaction.</param>
/// <param name="Sender">The sender address.</param>
/// <param name="Gas">Gas payment, owner (sender or sponsor), price and budget.</param>
/// <param name="ExpirationEpoch">Null for <c>TransactionExpiration::None</c>, else <c>Epoch(n)</c>: invalid after epoch n.</param>
public sealed record TransactionData(ProgrammableTransaction Kind, IotaAddress Sender, GasData Gas, ulong? ExpirationEpoch = null)
{
    /// <summary>The largest transaction accepted by <see cref="FromBcs"/> (the protocol's 128 KiB limit).</summary>
    public const int MaxBytes = TransactionBcs.MaxTransactionBytes;

    /// <summary>True when someone other than the sender pays the gas (both must sign).</summary>
    public bool IsSponsored => Gas.Owner != Sender;

    /// <summary>Decodes BCS transaction bytes (for example <c>txBytes</c> from a wallet or the SDK's <c>tx.build()</c>).</summary>
    /// <param name="bcs">The bytes.</param>
    /// <returns>The transaction.</returns>
    /// <exception cref="BcsFormatException">The bytes are malformed, too large, or not a programmable transaction.</exception>
    public static TransactionData FromBcs(ReadOnlySpan<byte> bcs) => TransactionBcs.Decode(bcs);

    /// <summary>The BCS bytes: what is signed and, base64-encoded, what <c>iota_executeTransactionBlock</c> takes.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBcs() => TransactionBcs.Encode(this);

    /// <summary>The transaction digest, its ID: <c>blake2b256("TransactionData::" || bcs)</c>; Base58 via ToString.</summary>
    /// <returns>The digest.</returns>
    public ObjectDigest GetDigest() => IotaIntent.TransactionDigest(ToBcs());

    /// <summary>The 32 bytes an Ed25519 key signs: <c>blake2b256([0, 0, 0] || bcs)</c>.</summary>
    /// <returns>The signing digest.</returns>
    public byte[] GetSigningDigest() => IotaIntent.TransactionSigningDigest(ToBcs());
}
