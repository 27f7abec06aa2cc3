// Safety numbers as libsignal computes them (rust/protocol/src/fingerprint.rs): per side
// h0 = SHA-512(0x0000 ‖ identityKey(33) ‖ stableId ‖ identityKey), h_i = SHA-512(h_{i-1} ‖ identityKey), `iterations` times
// in total. Displayable: six 5-byte big-endian chunks of each side's hash, each mod 100000 as 5 digits, the smaller
// string first. Scannable: protobuf CombinedFingerprints {1 version, 2 local {1 content = hash[0..32]}, 3 remote {...}}.
using System;
using WotId.Crypto;
using WotId.Signal.Keys;

namespace WotId.Signal.Fingerprints;

/// <summary>The displayable (60 digits) and scannable forms of a safety number.</summary>
public sealed class Fingerprint
{
    /// <summary>The iteration count Signal uses.</summary>
    public const int DefaultIterations = 5200;

    private Fingerprint(string displayable, ScannableFingerprint scannable)
    {
        Displayable = displayable;
        Scannable = scannable;
    }

    /// <summary>The 60-digit safety number (identical on both sides).</summary>
    public string Displayable { get; }

    /// <summary>The QR-code form.</summary>
    public ScannableFingerprint Scannable { get; }

    /// <summary>Computes the fingerprint of a conversation between two identities.</summary>
    public static Fingerprint Create(
        uint version, int iterations, ReadOnlySpan<byte> localId, EcPublicKey localKey, ReadOnlySpan<byte> remoteId, EcPublicKey remoteKey)
    {
        ArgumentNullException.ThrowIfNull(localKey);
        ArgumentNullException.ThrowIfNull(remoteKey);
        if (iterations <= 1 || iterations > 1_000_000)
        {
            throw new SignalProtocolException(SignalError.InvalidArgument, "invalid fingerprint iterations " + iterations);
        }

        byte[] local = Hash(iterations, localId, localKey);
        byte[] remote = Hash(iterations, remoteId, remoteKey);
        string l = Digits(local), r = Digits(remote);
        string display = string.CompareOrdinal(l, r) < 0 ? l + r : r + l;
        return new Fingerprint(display, new ScannableFingerprint(version, local.AsSpan(0, 32).ToArray(), remote.AsSpan(0, 32).ToArray()));
    }

    /// <summary>The displayable string.</summary>
    public override string ToString() => Displayable;

    private static byte[] Hash(int iterations, ReadOnlySpan<byte> id, EcPublicKey key)
    {
        ReadOnlySpan<byte> k = key.SerializedSpan;
        byte[] first = new byte[2 + k.Length + id.Length + k.Length];
        k.CopyTo(first.AsSpan(2));
        id.CopyTo(first.AsSpan(2 + k.Length));
        k.CopyTo(first.AsSpan(2 + k.Length + id.Length));
        byte[] buf = new byte[64 + k.Length];
        Sha512.Hash(first, buf.AsSpan(0, 64));
        k.CopyTo(buf.AsSpan(64));
        Span<byte> next = stackalloc byte[64];
        for (int i = 1; i < iterations; i++)
        {
            Sha512.Hash(buf, next);
            next.CopyTo(buf);
        }

        return buf.AsSpan(0, 64).ToArray();
    }

    private static string Digits(byte[] hash)
    {
        var sb = new System.Text.StringBuilder(30);
        for (int c = 0; c < 6; c++)
        {
            ulong x = 0;
            for (int j = 0; j < 5; j++)
            {
                x = (x << 8) | hash[(c * 5) + j];
            }

            sb.Append((x % 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
