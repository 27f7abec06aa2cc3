// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §3): a decoded message whose signature is not yet checked.
using System;

namespace WotId.Tsp.Wire;

/// <summary>A decoded TSP message: envelope, signature and the exact bytes the signature covers.</summary>
public sealed class TspWireMessage
{
    private readonly byte[] _signedData;
    private readonly byte[] _signature;

    internal TspWireMessage(TspEnvelope envelope, byte[] signedData, TspSignatureAlgorithm algorithm, byte[] signature)
    {
        Envelope = envelope;
        _signedData = signedData;
        SignatureAlgorithm = algorithm;
        _signature = signature;
    }

    /// <summary>The envelope.</summary>
    public TspEnvelope Envelope { get; }

    /// <summary>Every byte from the start of <c>-E</c>/<c>-S</c> up to (not including) <c>-C</c>.</summary>
    public ReadOnlySpan<byte> SignedData => _signedData;

    /// <summary>The signature algorithm named by the attachment.</summary>
    public TspSignatureAlgorithm SignatureAlgorithm { get; }

    /// <summary>The raw signature.</summary>
    public ReadOnlySpan<byte> Signature => _signature;
}
