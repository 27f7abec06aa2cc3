// SPQR braid authenticator (SparsePostQuantumRatchet src/authenticator.rs):
//   update(ep, k): (root, macKey) = HKDF(salt 0³², IKM root ‖ k,
//                                        "Signal_PQCKA_V1_MLKEM768:Authenticator Update" ‖ BE64(ep), 64)
//   header MAC     = HMAC-SHA256(macKey, "Signal_PQCKA_V1_MLKEM768:ekheader"  ‖ BE64(ep) ‖ hdr)
//   ciphertext MAC = HMAC-SHA256(macKey, "Signal_PQCKA_V1_MLKEM768:ciphertext" ‖ BE64(ep) ‖ ct1 ‖ ct2)
// The initial root is 0³², updated at epoch 1 with the SPQR auth key.

using System;
using System.Buffers.Binary;
using System.Text;

namespace WotId.Signal.Spqr.Braid;

internal sealed class Authenticator
{
    public const int MacSize = 32;

    private static readonly byte[] s_updateLabel = Encoding.ASCII.GetBytes("Signal_PQCKA_V1_MLKEM768:Authenticator Update");
    private static readonly byte[] s_headerLabel = Encoding.ASCII.GetBytes("Signal_PQCKA_V1_MLKEM768:ekheader");
    private static readonly byte[] s_ciphertextLabel = Encoding.ASCII.GetBytes("Signal_PQCKA_V1_MLKEM768:ciphertext");

    private readonly byte[] _rootKey;
    private readonly byte[] _macKey;

    public Authenticator(byte[] rootKey, byte[] macKey)
    {
        if (rootKey.Length != 32 || macKey.Length != 32)
        {
            throw new ArgumentException("authenticator keys are 32 bytes");
        }

        _rootKey = rootKey;
        _macKey = macKey;
    }

    public ReadOnlySpan<byte> RootKey => _rootKey;

    public ReadOnlySpan<byte> MacKey => _macKey;

    public static Authenticator Create(ReadOnlySpan<byte> authKey, ulong epoch)
    {
        var authenticator = new Authenticator(new byte[32], new byte[32]);
        authenticator.Update(epoch, authKey);
        return authenticator;
    }

    public Authenticator Clone()
    {
        return new Authenticator((byte[])_rootKey.Clone(), (byte[])_macKey.Clone());
    }

    public void Update(ulong epoch, ReadOnlySpan<byte> key)
    {
        byte[] ikm = new byte[32 + key.Length];
        _rootKey.CopyTo(ikm, 0);
        key.CopyTo(ikm.AsSpan(32));
        byte[] info = Labeled(s_updateLabel, epoch, ReadOnlySpan<byte>.Empty, ReadOnlySpan<byte>.Empty);
        Span<byte> okm = stackalloc byte[64];
        SpqrPrimitives.Hkdf(default, ikm, info, okm);
        okm[..32].CopyTo(_rootKey);
        okm[32..].CopyTo(_macKey);
        okm.Clear();
        Array.Clear(ikm);
    }

    public byte[] MacHeader(ulong epoch, ReadOnlySpan<byte> header)
    {
        return Mac(Labeled(s_headerLabel, epoch, header, ReadOnlySpan<byte>.Empty));
    }

    public byte[] MacCiphertext(ulong epoch, ReadOnlySpan<byte> ct1, ReadOnlySpan<byte> ct2)
    {
        return Mac(Labeled(s_ciphertextLabel, epoch, ct1, ct2));
    }

    public bool VerifyHeader(ulong epoch, ReadOnlySpan<byte> header, ReadOnlySpan<byte> mac)
    {
        return SpqrPrimitives.FixedTimeEquals(MacHeader(epoch, header), mac);
    }

    public bool VerifyCiphertext(ulong epoch, ReadOnlySpan<byte> ct1, ReadOnlySpan<byte> ct2, ReadOnlySpan<byte> mac)
    {
        return SpqrPrimitives.FixedTimeEquals(MacCiphertext(epoch, ct1, ct2), mac);
    }

    private static byte[] Labeled(byte[] label, ulong epoch, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        byte[] data = new byte[label.Length + 8 + first.Length + second.Length];
        label.CopyTo(data, 0);
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(label.Length), epoch);
        first.CopyTo(data.AsSpan(label.Length + 8));
        second.CopyTo(data.AsSpan(label.Length + 8 + first.Length));
        return data;
    }

    private byte[] Mac(byte[] data)
    {
        byte[] mac = new byte[MacSize];
        SpqrPrimitives.HmacSha256(_macKey, data, mac);
        return mac;
    }
}
