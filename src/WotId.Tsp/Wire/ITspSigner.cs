// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §3 "signature"): the sender's signing key behind an interface.
using System;

namespace WotId.Tsp.Wire;

/// <summary>Signs TSP messages for one sender VID.</summary>
public interface ITspSigner
{
    /// <summary>The signature algorithm.</summary>
    TspSignatureAlgorithm Algorithm { get; }

    /// <summary>The sender's public key (checked by receivers through <see cref="ITspKeyResolver"/>).</summary>
    ReadOnlySpan<byte> PublicKey { get; }

    /// <summary>Signs <paramref name="data"/> (every byte of the message before the signature attachment).</summary>
    byte[] Sign(ReadOnlySpan<byte> data);
}
