// Trust Spanning Protocol: the signature attachment as the Rust SDK writes it (EncodedSignature in
// tsp_sdk/src/cesr/packet.rs): -C## -K## <signature primitive>, both counts = ceil(raw signature length / 3).
using System;
using WotId.Tsp.Cesr;

namespace WotId.Tsp.Wire;

/// <summary>Encodes and decodes TSP signature attachments.</summary>
internal static class TspSignatureCodec
{
    /// <summary>Raw signature size of an algorithm.</summary>
    public static int SignatureSize(TspSignatureAlgorithm algorithm) => algorithm switch
    {
        TspSignatureAlgorithm.Ed25519 => 64,
        TspSignatureAlgorithm.MLDsa65 => 3309,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>
    /// The count the SDK writes in both <c>-C</c> and <c>-K</c>: ceil(raw/3) — 22 for Ed25519 and 1103 for ML-DSA-65,
    /// although the ML-DSA-65 primitive (<c>1QDM</c> + 3309 bytes) takes 1104 triplets.
    /// </summary>
    public static int AttachmentCount(TspSignatureAlgorithm algorithm) => (SignatureSize(algorithm) + 2) / 3;

    /// <summary>Size of the whole attachment in bytes.</summary>
    public static int AttachmentSize(TspSignatureAlgorithm algorithm) => 6 + CesrWriter.FixedSize(SignatureSize(algorithm));

    /// <summary>Writes the attachment.</summary>
    public static void Write(CesrWriter writer, TspSignatureAlgorithm algorithm, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize(algorithm))
        {
            throw new ArgumentException($"a {algorithm} signature has {SignatureSize(algorithm)} bytes", nameof(signature));
        }

        int count = AttachmentCount(algorithm);
        writer.WriteCount(TspCodes.AttachmentGroup, count);
        writer.WriteCount(TspCodes.IndexedSignatureGroup, count);
        writer.WriteFixed(Code(algorithm), signature);
    }

    /// <summary>Reads the attachment; CESR errors propagate as <see cref="CesrException"/>.</summary>
    public static (TspSignatureAlgorithm Algorithm, byte[] Signature) Read(ref CesrReader reader)
    {
        if (reader.IsEnd)
        {
            throw new TspException(TspError.MissingSignature, "the message ends before the signature attachment");
        }

        if (!reader.TryReadCount(TspCodes.AttachmentGroup, out int attachCount)
            || !reader.TryReadCount(TspCodes.IndexedSignatureGroup, out int indexCount))
        {
            throw new TspException(TspError.InvalidSignatureEncoding, $"expected -C## -K## at byte {reader.Position}");
        }

        TspSignatureAlgorithm algorithm;
        ReadOnlySpan<byte> signature;
        if (reader.TryReadFixed(TspCodes.Ed25519Signature, 64, out signature))
        {
            algorithm = TspSignatureAlgorithm.Ed25519;
        }
        else if (reader.TryReadFixed(TspCodes.MLDsa65Signature, 3309, out signature))
        {
            algorithm = TspSignatureAlgorithm.MLDsa65;
        }
        else
        {
            throw new TspException(TspError.InvalidSignatureEncoding, $"unknown signature code at byte {reader.Position}");
        }

        int expected = AttachmentCount(algorithm);
        if (attachCount != expected || indexCount != expected)
        {
            throw new TspException(
                TspError.InvalidSignatureEncoding,
                $"{algorithm} attachment counts are -C {attachCount} / -K {indexCount}, the SDK writes {expected}");
        }

        return (algorithm, signature.ToArray());
    }

    private static string Code(TspSignatureAlgorithm algorithm) => algorithm == TspSignatureAlgorithm.Ed25519
        ? TspCodes.Ed25519Signature
        : TspCodes.MLDsa65Signature;
}
