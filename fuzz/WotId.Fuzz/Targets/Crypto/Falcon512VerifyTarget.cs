// Fuzz target: Falcon-512 verification (round-3 specification v1.2 §3.11: compressed and padded signature
// decoding) of untrusted signature bytes under a fixed key. Failures are false; any exception is a finding.
using System;
using WotId.Crypto;

namespace WotId.Fuzz.Targets.Crypto;

/// <summary>Feeds the input as a Falcon-512 signature.</summary>
public sealed class Falcon512VerifyTarget : IFuzzTarget
{
    private static readonly byte[] s_publicKey = CreateKey();

    /// <inheritdoc />
    public string Name => "crypto-falcon512-verify";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input) => _ = Falcon512.Verify(s_publicKey, "fuzz"u8, input);

    private static byte[] CreateKey()
    {
        using Falcon512PrivateKey key = Falcon512PrivateKey.FromSeed(new byte[Falcon512.SeedSize]);
        return key.PublicKey;
    }
}
