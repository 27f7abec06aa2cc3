// Fuzz target: XEdDSA verification as libsignal does it (libsignal rust/core/src/curve/curve25519.rs: Montgomery u → Edwards point,
// sign bit from the signature). Input = u (32 bytes) ‖ signature (64 bytes) ‖ message. Failures are false.
using System;
using WotId.Crypto;

namespace WotId.Fuzz.Targets.Crypto;

/// <summary>Splits the input into a Montgomery public key, a signature and a message.</summary>
public sealed class XEdDsaVerifyTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "crypto-xeddsa-verify";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        ReadOnlySpan<byte> u = input[..Math.Min(32, input.Length)];
        ReadOnlySpan<byte> rest = input[u.Length..];
        ReadOnlySpan<byte> signature = rest[..Math.Min(64, rest.Length)];
        _ = XEdDsa.Verify(u, rest[signature.Length..], signature);
    }
}
