// SHAKE128 extendable-output function, FIPS 202 §6.2.
using System;
using Org.BouncyCastle.Crypto.Digests;

namespace WotId.Crypto;

/// <summary>SHAKE128: fills the destination with output of any length.</summary>
public static class Shake128
{
    /// <summary>Writes <c>destination.Length</c> bytes of SHAKE128(<paramref name="source"/>).</summary>
    public static void Hash(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (System.Security.Cryptography.Shake128.IsSupported)
        {
            System.Security.Cryptography.Shake128.HashData(source, destination);
            return;
        }

        var digest = new ShakeDigest(128);
        digest.BlockUpdate(source);
        digest.OutputFinal(destination);
    }
}
