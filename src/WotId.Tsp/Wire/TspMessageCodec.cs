// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §3 "Messages"), laid out exactly as the Rust TSP SDK lays it
// (tsp_sdk/src/cesr/packet.rs at 950ba90: encode_s_envelope / encode_ets_envelope / decode_envelope):
//   -S## | -E##   count = triplets of the envelope fields only
//   YTSP -AAB     version 0.0.1
//   4B## sender   [4B## receiver]   XAAA (SDK placeholder)   [4B## non-confidential data]
//   [ciphertext 4G/4F/4C/7NCL/7PQC, -E only]
//   -C## -K## 0B<64> | 1QDM<3309>   (counts = ceil(raw/3): 22 or 1103)
using System;
using WotId.Tsp.Cesr;

namespace WotId.Tsp.Wire;

/// <summary>Encodes and decodes whole TSP messages (sans I/O).</summary>
public static class TspMessageCodec
{
    /// <summary>Default limit on a whole message: 1 MiB.</summary>
    public const int DefaultMaxMessageSize = 1 << 20;

    /// <summary>Encodes the signed part of a message: the envelope and, for a confidential one, the ciphertext.</summary>
    public static byte[] EncodeSignedPart(TspEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var fields = new CesrWriter();
        fields.WriteTriplet(TspCodes.VersionTag);
        fields.WriteCount(TspCodes.VersionMajor, TspCodes.VersionMinorPatch);
        fields.WriteVariable(TspCodes.Vid, TspVid.Encode(envelope.Sender, nameof(envelope)));
        if (envelope.Receiver is not null)
        {
            fields.WriteVariable(TspCodes.Vid, TspVid.Encode(envelope.Receiver, nameof(envelope)));
        }

        fields.WriteFixed(TspCodes.Placeholder, [0, 0]);
        if (envelope.HasNonConfidentialData)
        {
            fields.WriteVariable(TspCodes.Plaintext, envelope.NonConfidentialData);
        }

        var w = new CesrWriter(fields.Length + envelope.Ciphertext.Length + 16);
        bool confidential = envelope.CipherSuite != TspCipherSuite.None;
        w.WriteCount(confidential ? TspCodes.EncryptedEnvelope : TspCodes.SignedEnvelope, fields.Length / 3);
        w.WriteEncoded(fields.WrittenSpan);
        if (confidential)
        {
            w.WriteVariable(CiphertextType(envelope.CipherSuite), envelope.Ciphertext);
        }

        return w.ToArray();
    }

    /// <summary>Appends the signature attachment to a signed part.</summary>
    public static byte[] AppendSignature(ReadOnlySpan<byte> signedPart, TspSignatureAlgorithm algorithm, ReadOnlySpan<byte> signature)
    {
        var w = new CesrWriter(signedPart.Length + TspSignatureCodec.AttachmentSize(algorithm));
        w.WriteEncoded(signedPart);
        TspSignatureCodec.Write(w, algorithm, signature);
        return w.ToArray();
    }

    /// <summary>Encodes and signs a message.</summary>
    public static byte[] Sign(TspEnvelope envelope, ITspSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        byte[] signedPart = EncodeSignedPart(envelope);
        byte[] signature = signer.Sign(signedPart);
        return AppendSignature(signedPart, signer.Algorithm, signature);
    }

    /// <summary>Decodes a binary-domain message without checking its signature.</summary>
    /// <exception cref="TspException">Malformed in any way; CESR errors come wrapped (<see cref="TspError.MalformedCesr"/>).</exception>
    public static TspWireMessage Decode(ReadOnlySpan<byte> message, int maxMessageSize = DefaultMaxMessageSize)
    {
        if (message.Length > maxMessageSize)
        {
            throw new TspException(TspError.MessageTooLarge, $"{message.Length} bytes, the limit is {maxMessageSize}");
        }

        try
        {
            return DecodeCore(message);
        }
        catch (CesrException e)
        {
            throw new TspException(TspError.MalformedCesr, e.Message, e);
        }
    }

    /// <summary>
    /// Decodes a message in either CESR domain: text (base64url, first byte '-') is converted to binary first, as the
    /// SDK's <c>cesr-t</c> feature does; the signature always covers the binary form.
    /// </summary>
    /// <exception cref="TspException">Malformed in any way.</exception>
    public static TspWireMessage DecodeAnyDomain(ReadOnlySpan<byte> message, int maxMessageSize = DefaultMaxMessageSize)
    {
        if (message.Length > maxMessageSize / 3 * 4 + 4)
        {
            throw new TspException(TspError.MessageTooLarge, $"{message.Length} bytes, the limit is {maxMessageSize} (binary)");
        }

        byte[] binary;
        try
        {
            binary = CesrText.ToBinaryAnyDomain(message);
        }
        catch (CesrException e)
        {
            throw new TspException(TspError.MalformedCesr, e.Message, e);
        }

        return Decode(binary, maxMessageSize);
    }

    private static TspWireMessage DecodeCore(ReadOnlySpan<byte> message)
    {
        var r = new CesrReader(message);
        bool confidential;
        if (r.TryReadCount(TspCodes.SignedEnvelope, out int fieldCount))
        {
            confidential = false;
        }
        else if (r.TryReadCount(TspCodes.EncryptedEnvelope, out fieldCount))
        {
            confidential = true;
        }
        else
        {
            throw new TspException(TspError.NotATspMessage, "the message does not start with -S## or -E##");
        }

        int fieldsStart = r.Position;
        if (!r.TryReadTriplet(TspCodes.VersionTag) || !r.TryReadCount(TspCodes.VersionMajor, out _))
        {
            throw new TspException(TspError.VersionMismatch, "expected YTSP -A## (TSP 0.x)");
        }

        if (!r.TryReadVariable(TspCodes.Vid, out ReadOnlySpan<byte> senderRaw))
        {
            throw new TspException(TspError.InvalidVid, "the sender VID field is missing");
        }

        string sender = TspVid.Decode(senderRaw, "sender");
        string? receiver = r.TryReadVariable(TspCodes.Vid, out ReadOnlySpan<byte> receiverRaw)
            ? TspVid.Decode(receiverRaw, "receiver")
            : null;
        if (!r.TryReadFixed(TspCodes.Placeholder, 2, out ReadOnlySpan<byte> placeholder) || placeholder[0] != 0 || placeholder[1] != 0)
        {
            throw new TspException(TspError.InvalidPlaceholder, "expected the SDK's XAAA field after the VIDs");
        }

        byte[]? nonConfidential = r.TryReadVariable(TspCodes.Plaintext, out ReadOnlySpan<byte> ncd) ? ncd.ToArray() : null;
        if ((long)fieldCount * 3 != r.Position - fieldsStart)
        {
            throw new TspException(TspError.EnvelopeCountMismatch, $"envelope count says {fieldCount} triplets, the fields take {(r.Position - fieldsStart) / 3}");
        }

        TspCipherSuite suite = TspCipherSuite.None;
        byte[]? ciphertext = null;
        foreach (TspCipherSuite candidate in s_suites)
        {
            if (r.TryReadVariable(CiphertextType(candidate), out ReadOnlySpan<byte> ct))
            {
                suite = candidate;
                ciphertext = ct.ToArray();
                break;
            }
        }

        if (confidential != (suite != TspCipherSuite.None))
        {
            throw new TspException(
                TspError.CipherSuiteMismatch,
                confidential ? "a -E envelope without a known ciphertext" : "a -S envelope followed by a ciphertext");
        }

        byte[] signedData = message[..r.Position].ToArray();
        (TspSignatureAlgorithm algorithm, byte[] signature) = TspSignatureCodec.Read(ref r);
        if (!r.IsEnd)
        {
            throw new TspException(TspError.TrailingData, $"{r.Remaining} byte(s) after the signature");
        }

        var envelope = new TspEnvelope(sender, receiver, nonConfidential, suite, ciphertext);
        return new TspWireMessage(envelope, signedData, algorithm, signature);
    }

    private static readonly TspCipherSuite[] s_suites =
    [
        TspCipherSuite.HpkeAuth, TspCipherSuite.HpkeBase, TspCipherSuite.NaclEssr, TspCipherSuite.NaclAuth,
        TspCipherSuite.X25519Kyber768Draft00,
    ];

    private static string CiphertextType(TspCipherSuite suite) => suite switch
    {
        TspCipherSuite.HpkeAuth => TspCodes.HpkeAuthCiphertext,
        TspCipherSuite.HpkeBase => TspCodes.HpkeBaseCiphertext,
        TspCipherSuite.NaclEssr => TspCodes.NaclCiphertext,
        TspCipherSuite.NaclAuth => TspCodes.NaclAuthCiphertext,
        TspCipherSuite.X25519Kyber768Draft00 => TspCodes.HpkePqCiphertext,
        _ => throw new ArgumentOutOfRangeException(nameof(suite)),
    };
}
