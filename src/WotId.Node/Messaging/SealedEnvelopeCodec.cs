// The sealed envelope (docs/node.md "Messaging", step 4): what is stored in the outbox, sent on /wotid/msg/1.0.0 and
// deposited in a mailbox.
//
// | bytes | content                                                   |
// |-------|-----------------------------------------------------------|
// | 1     | version 0x01                                              |
// | 32    | SHA-256 of the sender's DID (UTF-8)                       |
// | 1     | Signal message type: 0x02 SignalMessage, 0x03 PreKey      |
// | rest  | the libsignal serialisation, 1 B .. 1 MiB (MaxCiphertext) |
using System;
using System.Security.Cryptography;
using System.Text;
using WotId.Signal.Protocol;

namespace WotId.Node.Messaging;

/// <summary>Encodes and decodes sealed envelopes with strict bounds.</summary>
internal static class SealedEnvelopeCodec
{
    /// <summary>The only version.</summary>
    internal const byte Version = 0x01;

    /// <summary>Size of the sender DID hash.</summary>
    internal const int DidHashLength = 32;

    /// <summary>Bytes before the ciphertext.</summary>
    internal const int HeaderLength = 1 + DidHashLength + 1;

    /// <summary>Longest Signal ciphertext.</summary>
    internal const int MaxCiphertextLength = 1024 * 1024;

    /// <summary>Longest envelope.</summary>
    internal const int MaxLength = HeaderLength + MaxCiphertextLength;

    /// <summary>SHA-256 of <paramref name="did"/> in UTF-8.</summary>
    internal static byte[] HashDid(string did) => SHA256.HashData(Encoding.UTF8.GetBytes(did));

    /// <summary>Builds an envelope.</summary>
    /// <exception cref="MessagingException"><see cref="MessageRejectReason.Malformed"/> for a bad hash length or type, <see cref="MessageRejectReason.TooLarge"/> for an empty or too long ciphertext.</exception>
    internal static byte[] Encode(ReadOnlySpan<byte> senderDidHash32, byte signalType, ReadOnlySpan<byte> ciphertext)
    {
        if (senderDidHash32.Length != DidHashLength)
        {
            throw new MessagingException(MessageRejectReason.Malformed, "the sender DID hash must be 32 bytes");
        }

        if (signalType is not ((byte)CiphertextMessageType.Whisper or (byte)CiphertextMessageType.PreKey))
        {
            throw new MessagingException(MessageRejectReason.Malformed, "unknown Signal message type");
        }

        if (ciphertext.Length is 0 or > MaxCiphertextLength)
        {
            throw new MessagingException(MessageRejectReason.TooLarge, $"the Signal ciphertext must be 1..{MaxCiphertextLength} bytes");
        }

        byte[] envelope = new byte[HeaderLength + ciphertext.Length];
        envelope[0] = Version;
        senderDidHash32.CopyTo(envelope.AsSpan(1));
        envelope[1 + DidHashLength] = signalType;
        ciphertext.CopyTo(envelope.AsSpan(HeaderLength));
        return envelope;
    }

    /// <summary>Splits an envelope (no copy: the parts are slices of <paramref name="envelope"/>).</summary>
    /// <exception cref="MessagingException"><see cref="MessageRejectReason.Malformed"/> or <see cref="MessageRejectReason.TooLarge"/>.</exception>
    internal static SealedEnvelope Decode(ReadOnlyMemory<byte> envelope)
    {
        if (envelope.Length > MaxLength)
        {
            throw new MessagingException(MessageRejectReason.TooLarge, $"a sealed envelope has at most {MaxLength} bytes");
        }

        if (envelope.Length <= HeaderLength)
        {
            throw new MessagingException(MessageRejectReason.Malformed, "a sealed envelope has a header and at least one ciphertext byte");
        }

        ReadOnlySpan<byte> span = envelope.Span;
        if (span[0] != Version)
        {
            throw new MessagingException(MessageRejectReason.Malformed, "unknown sealed envelope version");
        }

        var type = (CiphertextMessageType)span[1 + DidHashLength];
        if (type is not (CiphertextMessageType.Whisper or CiphertextMessageType.PreKey))
        {
            throw new MessagingException(MessageRejectReason.Malformed, "unknown Signal message type");
        }

        return new SealedEnvelope(envelope.Slice(1, DidHashLength), type, envelope[HeaderLength..]);
    }
}
