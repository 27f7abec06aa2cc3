// Namespaced validation (libp2p/specs kad-dht/README.md "Validation"; go-libp2p-record validator.go
// NamespacedValidator): the namespace is the text between the key's first two slashes.
using System;
using System.Collections.Generic;
using System.Text;

namespace WotId.Libp2p.Kademlia;

/// <summary>Routes a record to the validator of its key's namespace.</summary>
internal sealed class KadValidators
{
    private readonly Dictionary<string, IKadRecordValidator> _byNamespace;

    public KadValidators(IReadOnlyDictionary<string, IKadRecordValidator> validators)
    {
        _byNamespace = new Dictionary<string, IKadRecordValidator>(validators, StringComparer.Ordinal);
    }

    /// <summary>The namespace of <paramref name="key"/>, or null when the key is not <c>/ns/…</c>.</summary>
    public static string? NamespaceOf(ReadOnlySpan<byte> key)
    {
        if (key.Length < 3 || key[0] != (byte)'/')
        {
            return null;
        }

        int end = key[1..].IndexOf((byte)'/');
        if (end <= 0 || end > 64)
        {
            return null;
        }

        ReadOnlySpan<byte> ns = key.Slice(1, end);
        foreach (byte b in ns)
        {
            if (b < 0x21 || b > 0x7e)
            {
                return null;
            }
        }

        return Encoding.ASCII.GetString(ns);
    }

    /// <exception cref="KadException"><see cref="KadError.NoValidator"/> or the validator's rejection.</exception>
    public void Validate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => For(key).Validate(key, value);

    /// <summary>Index of the best value.</summary>
    public int Select(ReadOnlySpan<byte> key, IReadOnlyList<byte[]> values)
    {
        int i = For(key).Select(key, values);
        return i >= 0 && i < values.Count ? i : 0;
    }

    private IKadRecordValidator For(ReadOnlySpan<byte> key)
    {
        string? ns = NamespaceOf(key);
        if (ns is null || !_byNamespace.TryGetValue(ns, out IKadRecordValidator? v))
        {
            throw new KadException(KadError.NoValidator, "no validator for the record's key namespace");
        }

        return v;
    }
}
