// Intent signing and digests (iotaledger/iota crates/shared-crypto/src/intent.rs; SDK cryptography/intent.ts, hash.ts):
// intent = [scope, version=0, app_id=0 (Iota)]; scope 0 = TransactionData, 3 = PersonalMessage.
// signing digest = blake2b256(intent || bcs bytes); transaction digest = blake2b256("TransactionData::" || tx bytes).
using System;
using System.Text;
using WotId.Crypto;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Signing;

/// <summary>Intent messages and digests.</summary>
internal static class IotaIntent
{
    public const byte ScopeTransactionData = 0;
    public const byte ScopePersonalMessage = 3;

    private static readonly byte[] s_txPrefix = Encoding.ASCII.GetBytes("TransactionData::");

    /// <summary>The 32 bytes Ed25519 signs for a transaction.</summary>
    public static byte[] TransactionSigningDigest(ReadOnlySpan<byte> txBytes) => SigningDigest(ScopeTransactionData, txBytes);

    /// <summary>The 32 bytes signed for a personal message (<c>bcs(vector&lt;u8&gt;)</c> of the message).</summary>
    public static byte[] PersonalMessageSigningDigest(ReadOnlySpan<byte> message)
    {
        var w = new BcsWriter(message.Length + 5);
        w.WriteBytes(message);
        return SigningDigest(ScopePersonalMessage, w.WrittenSpan);
    }

    /// <summary>The transaction digest (its ID), Base58 in JSON.</summary>
    public static ObjectDigest TransactionDigest(ReadOnlySpan<byte> txBytes)
    {
        byte[] buf = new byte[s_txPrefix.Length + txBytes.Length];
        s_txPrefix.CopyTo(buf, 0);
        txBytes.CopyTo(buf.AsSpan(s_txPrefix.Length));
        return new ObjectDigest(Blake2b256.Hash(buf));
    }

    private static byte[] SigningDigest(byte scope, ReadOnlySpan<byte> body)
    {
        byte[] buf = new byte[3 + body.Length];
        buf[0] = scope;
        body.CopyTo(buf.AsSpan(3));
        return Blake2b256.Hash(buf);
    }
}
