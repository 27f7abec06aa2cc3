// A long-lived 32-byte secret of a Double Ratchet session (libsignal rust/protocol/src/ratchet/keys.rs: RootKey,
// ChainKey, the sender ratchet private key) held in a zeroing WotId.Crypto.SecretBytes handle (issue 4: secrets are
// handles that zero their memory; ToString shows no bytes).
using System;
using WotId.Crypto;

namespace WotId.Signal.State;

/// <summary>An owned session secret; <see cref="Dispose"/> zeroes it. Replacing it in a state disposes the old one.</summary>
internal sealed class RatchetSecret : IDisposable
{
    internal const string RootKeyName = "RootKey";
    internal const string ChainKeyName = "ChainKey";
    internal const string RatchetPrivateKeyName = "RatchetPrivateKey";

    private readonly SecretBytes _bytes;
    private readonly string _name;

    private RatchetSecret(string name, SecretBytes bytes)
    {
        _name = name;
        _bytes = bytes;
    }

    /// <summary>The secret bytes; throws <see cref="ObjectDisposedException"/> after <see cref="Dispose"/>.</summary>
    internal ReadOnlySpan<byte> Span => _bytes.Span;

    internal int Length => _bytes.Length;

    internal static RatchetSecret Create(string name, ReadOnlySpan<byte> bytes) => new(name, SecretBytes.Create(bytes));

    internal RatchetSecret Copy() => Create(_name, _bytes.Span);

    /// <summary>Zeroes the bytes.</summary>
    public void Dispose() => _bytes.Dispose();

    /// <summary>The kind and length only.</summary>
    public override string ToString() => _name + "(" + Length + " bytes)";
}
