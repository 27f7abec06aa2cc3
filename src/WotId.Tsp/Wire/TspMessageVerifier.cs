// Trust Spanning Protocol, receiving signed-only messages (Rust SDK crypto/nonconfidential.rs `verify`) plus the
// wot.id profile checks: payload sender = envelope sender, receiver = us, relationship digests self-consistent.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Tsp.Wire;

/// <summary>Decodes and verifies signed TSP messages against keys from an <see cref="ITspKeyResolver"/>.</summary>
public sealed class TspMessageVerifier
{
    private readonly ITspKeyResolver _resolver;
    private readonly int _maxMessageSize;

    /// <summary>Creates a verifier.</summary>
    public TspMessageVerifier(ITspKeyResolver resolver, int maxMessageSize = TspMessageCodec.DefaultMaxMessageSize)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageSize, 64);
        _resolver = resolver;
        _maxMessageSize = maxMessageSize;
    }

    /// <summary>
    /// Decodes, resolves the sender's key and checks the signature; returns the decoded message (SDK <c>verify</c>).
    /// </summary>
    /// <exception cref="TspException">Malformed, unknown sender, wrong algorithm or bad signature.</exception>
    public async ValueTask<TspWireMessage> VerifyAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        TspWireMessage wire = TspMessageCodec.Decode(message.Span, _maxMessageSize);
        TspVerificationKey key = await _resolver.ResolveAsync(wire.Envelope.Sender, cancellationToken).ConfigureAwait(false)
            ?? throw new TspException(TspError.UnknownSender, "no verification key for the sender VID");
        if (key.Algorithm != wire.SignatureAlgorithm)
        {
            throw new TspException(TspError.SignatureAlgorithmMismatch, $"the message is signed with {wire.SignatureAlgorithm}, the sender's key is {key.Algorithm}");
        }

        if (!TspSignatureVerifier.Verify(key, wire.SignatureAlgorithm, wire.SignedData, wire.Signature))
        {
            throw new TspException(TspError.SignatureInvalid, "the signature does not verify with the sender's key");
        }

        return wire;
    }

    /// <summary>
    /// Opens a wot.id signed message: <see cref="VerifyAsync"/>, then decodes the payload from the non-confidential
    /// field and checks that its sender is the envelope sender, that the receiver is <paramref name="expectedReceiver"/>
    /// (when given) and that RFI/RFA digests match their payloads.
    /// </summary>
    /// <exception cref="TspException">Any failure, with the precise <see cref="TspError"/>.</exception>
    public async ValueTask<TspOpenedMessage> OpenAsync(ReadOnlyMemory<byte> message, string? expectedReceiver, CancellationToken cancellationToken)
    {
        TspWireMessage wire = await VerifyAsync(message, cancellationToken).ConfigureAwait(false);
        TspEnvelope env = wire.Envelope;
        if (env.CipherSuite != TspCipherSuite.None)
        {
            throw new TspException(TspError.ConfidentialNotSupported, "sealed (-E) messages are not opened here: confidentiality comes from the Signal layer");
        }

        if (expectedReceiver is not null && !string.Equals(env.Receiver, expectedReceiver, StringComparison.Ordinal))
        {
            throw new TspException(TspError.ReceiverMismatch, "the message is not addressed to this VID");
        }

        if (!env.HasNonConfidentialData)
        {
            throw new TspException(TspError.InvalidPayload, "a signed message without a payload field");
        }

        TspDecodedPayload decoded = TspPayloadCodec.Decode(env.NonConfidentialData);
        if (!string.Equals(decoded.Sender, env.Sender, StringComparison.Ordinal))
        {
            throw new TspException(TspError.PayloadSenderMismatch, "the payload's sender VID differs from the envelope's");
        }

        if (!TspRelationship.VerifyDigest(decoded.Payload, decoded.Sender))
        {
            throw new TspException(TspError.DigestMismatch, $"the {decoded.Payload.TypeCode} digest does not match its payload");
        }

        return new TspOpenedMessage(env.Sender, env.Receiver, wire.SignatureAlgorithm, decoded.Payload);
    }
}
