// Output of PQXDH as libsignal splits it (rust/protocol/src/pqxdh.rs; notes/signal.md §4): 96 bytes of HKDF output →
// root key [0..32], first chain key [32..64], SPQR auth key PQR [64..96].
using System;

namespace WotId.Signal.Pqxdh;

/// <summary>The three 32-byte secrets PQXDH yields; <see cref="Dispose"/> zeroes them.</summary>
internal sealed class PqxdhResult : IDisposable
{
    private readonly byte[] _okm;

    internal PqxdhResult(byte[] okm96)
    {
        _okm = okm96;
    }

    internal ReadOnlySpan<byte> RootKey => _okm.AsSpan(0, 32);

    internal ReadOnlySpan<byte> ChainKey => _okm.AsSpan(32, 32);

    internal ReadOnlySpan<byte> PqrAuthKey => _okm.AsSpan(64, 32);

    public void Dispose() => Array.Clear(_okm);

    public override string ToString() => "PqxdhResult(secret)";
}
