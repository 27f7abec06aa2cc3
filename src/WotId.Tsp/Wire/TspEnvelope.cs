// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §3.2 "Envelope"; Rust SDK Envelope in tsp_sdk/src/cesr/packet.rs).
using System;

namespace WotId.Tsp.Wire;

/// <summary>
/// The envelope of a TSP message: sender and receiver VIDs, optional non-confidential data and, for a confidential
/// (<c>-E</c>) message, the opaque ciphertext. The signature covers everything encoded from this envelope.
/// </summary>
public sealed class TspEnvelope
{
    private readonly byte[]? _nonConfidentialData;
    private readonly byte[]? _ciphertext;

    /// <summary>Creates an envelope; a signed-only one when <paramref name="cipherSuite"/> is <see cref="TspCipherSuite.None"/>.</summary>
    public TspEnvelope(
        string sender,
        string? receiver,
        byte[]? nonConfidentialData,
        TspCipherSuite cipherSuite = TspCipherSuite.None,
        byte[]? ciphertext = null)
    {
        TspVid.Encode(sender, nameof(sender));
        if (receiver is not null)
        {
            TspVid.Encode(receiver, nameof(receiver));
        }

        if ((cipherSuite == TspCipherSuite.None) != (ciphertext is null))
        {
            throw new ArgumentException("a ciphertext goes with a cipher suite, and only with one", nameof(ciphertext));
        }

        if (cipherSuite != TspCipherSuite.None && receiver is null)
        {
            throw new ArgumentException("a confidential message needs a receiver", nameof(receiver));
        }

        Sender = sender;
        Receiver = receiver;
        _nonConfidentialData = nonConfidentialData is null ? null : (byte[])nonConfidentialData.Clone();
        CipherSuite = cipherSuite;
        _ciphertext = ciphertext is null ? null : (byte[])ciphertext.Clone();
    }

    /// <summary>The sender VID.</summary>
    public string Sender { get; }

    /// <summary>The receiver VID (absent in broadcast-style signed messages).</summary>
    public string? Receiver { get; }

    /// <summary>True when the envelope carries a non-confidential data field (which may be empty).</summary>
    public bool HasNonConfidentialData => _nonConfidentialData is not null;

    /// <summary>The non-confidential data (empty when absent).</summary>
    public ReadOnlySpan<byte> NonConfidentialData => _nonConfidentialData;

    /// <summary>How the payload is protected; <see cref="TspCipherSuite.None"/> for a signed-only message.</summary>
    public TspCipherSuite CipherSuite { get; }

    /// <summary>The opaque ciphertext of a confidential message (empty otherwise).</summary>
    public ReadOnlySpan<byte> Ciphertext => _ciphertext;

    /// <inheritdoc />
    public override string ToString() => $"TspEnvelope({Sender} -> {Receiver ?? "(none)"}, {CipherSuite})";
}
