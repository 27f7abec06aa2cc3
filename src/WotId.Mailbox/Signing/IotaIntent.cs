// Intent signing and digests (iotaledger/iota crates/shared-crypto/src/intent.rs; SDK cryptography/intent.ts, hash.ts):
// intent = [scope, version = 0 (V0), app_id = 0 (Iota)]; scope 0 = TransactionData, 3 = PersonalMessage.
// signing digest = blake2b256(intent || bcs bytes); transaction digest = blake2b256("TransactionData::" || tx bytes).
// A personal message is signed as bcs(vector<u8> message), i.e. with its ULEB128 length in front.
using System;
using System.Text;
using WotId.Crypto;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Signing;

/// <summary>Intent messages and the digests IOTA signs and names transactions by.</summary>
public static class IotaIntent
{
    /// <summary>Intent scope of transaction data.</summary>
    public const byte ScopeTransactionData = 0;

    /// <summary>Intent scope of a personal message.</summary>
    public const byte ScopePersonalMessage = 3;

    private static readonly byte[] s_txPrefix = Encoding.ASCII.GetBytes("TransactionData::");

    /// <summary>The 32 bytes Ed25519 signs for a transaction: <c>blake2b256([0, 0, 0] || txBytes)</c>.</summary>
    /// <param name="txBytes">BCS transaction data.</param>
    /// <returns>The signing digest.</returns>
    public static byte[] TransactionSigningDigest(ReadOnlySpan<byte> txBytes) => SigningDigest(ScopeTransactionData, txBytes);

    /// <summary>The 32 bytes signed for a personal message: <c>blake2b256([3, 0, 0] || bcs(vector&lt;u8&gt; message))</c>.</summary>
    /// <param name="message">The message bytes, without any prefix.</param>
    /// <returns>The signing digest.</returns>
    public static byte[] PersonalMessageSigningDigest(ReadOnlySpan<byte> message)
    {
        var w = new BcsWriter(message.Length + 5);
        w.WriteBytes(message);
        return SigningDigest(ScopePersonalMessage, w.WrittenSpan);
    }

    /// <summary>The transaction digest, its ID: <c>blake2b256("TransactionData::" || txBytes)</c>, Base58 in JSON.</summary>
    /// <param name="txBytes">BCS transaction data.</param>
    /// <returns>The digest.</returns>
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
