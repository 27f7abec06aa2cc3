// Output of PQXDH as libsignal splits it (rust/protocol/src/pqxdh.rs): 96 bytes of HKDF output →
// root key [0..32], first chain key [32..64], SPQR auth key PQR [64..96].
using System;
using WotId.Crypto;

namespace WotId.Signal.Pqxdh;

/// <summary>The three 32-byte secrets PQXDH yields; <see cref="Dispose"/> zeroes them.</summary>
internal sealed class PqxdhResult : IDisposable
{
    private readonly SecretBytes _okm;

    /// <summary>Copies the 96 bytes into a pinned, zeroing handle; the caller clears <paramref name="okm96"/>.</summary>
    internal PqxdhResult(ReadOnlySpan<byte> okm96)
    {
        _okm = SecretBytes.Create(okm96);
    }

    internal ReadOnlySpan<byte> RootKey => _okm.Span[..32];

    internal ReadOnlySpan<byte> ChainKey => _okm.Span[32..64];

    internal ReadOnlySpan<byte> PqrAuthKey => _okm.Span[64..96];

    public void Dispose() => _okm.Dispose();

    public override string ToString() => "PqxdhResult(secret)";
}
