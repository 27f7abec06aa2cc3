// Trust Spanning Protocol payloads as the Rust TSP SDK encodes them (tsp_sdk/src/cesr/packet.rs encode_payload /
// decode_payload at 950ba90; the TSP specification's field order differs; the SDK's is the one on the wire):
//   -Z## [4B## sender VID] XSCS 4B##<data>
//                          XHOP -J<n> 4B##<hop>… 4B##<inner message>     (n = number of hops; -JAA = nested)
//                          XRFI I|F<digest> A<nonce32> 4B##<new VID or empty> [-C##-K##<sig>]
//                          XRFA I|F<request digest> I|F<reply digest> [4B##<new VID> -C##-K##<sig>]
//                          XRFD I|F<digest>
using System;
using System.Collections.Generic;
using WotId.Tsp.Cesr;

namespace WotId.Tsp.Wire;

/// <summary>Encodes and decodes TSP payloads.</summary>
public static class TspPayloadCodec
{
    /// <summary>Most hops a routed payload may list.</summary>
    public const int MaxHops = 16;

    /// <summary>Encodes <paramref name="payload"/>, with <paramref name="sender"/> in front of the type code when given.</summary>
    public static byte[] Encode(TspPayload payload, string? sender)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var body = new CesrWriter();
        if (sender is not null)
        {
            body.WriteVariable(TspCodes.Vid, TspVid.Encode(sender, nameof(sender)));
        }

        body.WriteTriplet(payload.TypeCode);
        switch (payload)
        {
            case TspGenericPayload g:
                body.WriteVariable(TspCodes.Plaintext, g.Data);
                break;
            case TspNestedPayload n:
                body.WriteCount(TspCodes.HopList, 0);
                body.WriteVariable(TspCodes.Plaintext, n.InnerMessage);
                break;
            case TspRoutedPayload r:
                body.WriteCount(TspCodes.HopList, r.Hops.Count);
                foreach (string hop in r.Hops)
                {
                    body.WriteVariable(TspCodes.Vid, TspVid.Encode(hop, nameof(payload)));
                }

                body.WriteVariable(TspCodes.Plaintext, r.InnerMessage);
                break;
            case TspRelationshipRequest rfi:
                WriteDigest(body, rfi.Digest);
                body.WriteFixed(TspCodes.Nonce, rfi.Nonce);
                if (rfi.NewVid is null)
                {
                    body.WriteVariable(TspCodes.Vid, []);
                }
                else
                {
                    body.WriteVariable(TspCodes.Vid, TspVid.Encode(rfi.NewVid, nameof(payload)));
                    TspSignatureCodec.Write(body, rfi.NewVidSignatureAlgorithm, rfi.NewVidSignature);
                }

                break;
            case TspRelationshipAccept rfa:
                WriteDigest(body, rfa.RequestDigest);
                WriteDigest(body, rfa.ReplyDigest);
                if (rfa.NewVid is not null)
                {
                    body.WriteVariable(TspCodes.Vid, TspVid.Encode(rfa.NewVid, nameof(payload)));
                    TspSignatureCodec.Write(body, rfa.NewVidSignatureAlgorithm, rfa.NewVidSignature);
                }

                break;
            case TspRelationshipCancel rfd:
                WriteDigest(body, rfd.Digest);
                break;
            default:
                throw new ArgumentException("unknown payload class " + payload.GetType().Name, nameof(payload));
        }

        var w = new CesrWriter(body.Length + 6);
        w.WriteCount(TspCodes.Payload, body.Length / 3);
        w.WriteEncoded(body.WrittenSpan);
        return w.ToArray();
    }

    /// <summary>Decodes a payload that fills <paramref name="data"/> exactly.</summary>
    /// <exception cref="TspException">Malformed; CESR errors come wrapped (<see cref="TspError.MalformedCesr"/>).</exception>
    public static TspDecodedPayload Decode(ReadOnlySpan<byte> data)
    {
        try
        {
            return DecodeCore(data);
        }
        catch (CesrException e)
        {
            throw new TspException(TspError.MalformedCesr, e.Message, e);
        }
    }

    internal static void WriteDigest(CesrWriter w, TspDigest digest) =>
        w.WriteFixed(digest.Algorithm == TspDigestAlgorithm.Sha256 ? TspCodes.Sha256Digest : TspCodes.Blake2b256Digest, digest.Value);

    private static TspDecodedPayload DecodeCore(ReadOnlySpan<byte> data)
    {
        var r = new CesrReader(data);
        if (!r.TryReadCount(TspCodes.Payload, out int count))
        {
            throw new TspException(TspError.InvalidPayload, "a payload starts with -Z##");
        }

        if ((long)count * 3 != r.Remaining)
        {
            throw new TspException(TspError.InvalidPayload, $"payload count says {count} triplets, {r.Remaining / 3.0:0.#} follow");
        }

        string? sender = r.TryReadVariable(TspCodes.Vid, out ReadOnlySpan<byte> senderRaw) ? TspVid.Decode(senderRaw, "payload sender") : null;
        if (r.Remaining < 3)
        {
            throw new TspException(TspError.InvalidPayload, "the payload type code is missing");
        }

        string type = r.ReadTripletCode();
        TspPayload payload = type switch
        {
            TspCodes.GenericMessage => new TspGenericPayload(Required(ref r, "XSCS data")),
            TspCodes.HopMessage => ReadHop(ref r),
            TspCodes.RelationshipInvite => ReadInvite(ref r),
            TspCodes.RelationshipAccept => ReadAccept(ref r),
            TspCodes.RelationshipDecline => new TspRelationshipCancel(ReadDigest(ref r)),
            _ => throw new TspException(TspError.UnknownPayloadType, $"payload type '{type}' is not XSCS, XHOP, XRFI, XRFA or XRFD"),
        };
        if (!r.IsEnd)
        {
            throw new TspException(TspError.TrailingData, $"{r.Remaining} byte(s) after the {type} payload");
        }

        return new TspDecodedPayload(sender, payload);
    }

    private static TspPayload ReadHop(ref CesrReader r)
    {
        if (!r.TryReadCount(TspCodes.HopList, out int hopCount))
        {
            throw new TspException(TspError.InvalidPayload, "XHOP needs a -J## hop list");
        }

        if (hopCount > MaxHops)
        {
            throw new TspException(TspError.InvalidPayload, $"{hopCount} hops, at most {MaxHops}");
        }

        var hops = new List<string>(hopCount);
        for (int i = 0; i < hopCount; i++)
        {
            hops.Add(TspVid.Decode(Required(ref r, "hop VID"), "hop"));
        }

        ReadOnlySpan<byte> inner = Required(ref r, "inner message");
        return hopCount == 0 ? new TspNestedPayload(inner) : new TspRoutedPayload(hops, inner);
    }

    private static TspRelationshipRequest ReadInvite(ref CesrReader r)
    {
        TspDigest digest = ReadDigest(ref r);
        if (!r.TryReadFixed(TspCodes.Nonce, TspRelationshipRequest.NonceSize, out ReadOnlySpan<byte> nonce))
        {
            throw new TspException(TspError.InvalidPayload, "XRFI needs a 32-byte A nonce");
        }

        ReadOnlySpan<byte> newVid = Required(ref r, "XRFI new-VID field");
        if (newVid.IsEmpty)
        {
            return new TspRelationshipRequest(digest, nonce);
        }

        string vid = TspVid.Decode(newVid, "new");
        (TspSignatureAlgorithm alg, byte[] sig) = TspSignatureCodec.Read(ref r);
        return new TspRelationshipRequest(digest, nonce, vid, alg, sig);
    }

    private static TspRelationshipAccept ReadAccept(ref CesrReader r)
    {
        TspDigest request = ReadDigest(ref r);
        TspDigest reply = ReadDigest(ref r);
        if (r.IsEnd)
        {
            return new TspRelationshipAccept(request, reply);
        }

        string vid = TspVid.Decode(Required(ref r, "XRFA new VID"), "new");
        (TspSignatureAlgorithm alg, byte[] sig) = TspSignatureCodec.Read(ref r);
        return new TspRelationshipAccept(request, reply, vid, alg, sig);
    }

    private static TspDigest ReadDigest(ref CesrReader r)
    {
        if (r.TryReadFixed(TspCodes.Sha256Digest, TspDigest.Size, out ReadOnlySpan<byte> sha))
        {
            return new TspDigest(TspDigestAlgorithm.Sha256, sha);
        }

        if (r.TryReadFixed(TspCodes.Blake2b256Digest, TspDigest.Size, out ReadOnlySpan<byte> blake))
        {
            return new TspDigest(TspDigestAlgorithm.Blake2b256, blake);
        }

        throw new TspException(TspError.InvalidPayload, $"expected an I or F digest at byte {r.Position}");
    }

    private static ReadOnlySpan<byte> Required(ref CesrReader r, string what)
    {
        if (!r.TryReadVariable(TspCodes.Plaintext, out ReadOnlySpan<byte> raw))
        {
            throw new TspException(TspError.InvalidPayload, $"{what} (4B##) is missing at byte {r.Position}");
        }

        return raw;
    }
}
