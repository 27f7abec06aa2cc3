using System;
using System.Linq;
using CsCheck;
using WotId.Tsp.Cesr;
using WotId.Tsp.Wire;

namespace WotId.Tsp.Tests.Wire;

/// <summary>Properties of the TSP decoders: garbage only raises <see cref="TspException"/>; encodings round-trip.</summary>
public sealed class TspPropertyTests
{
    private static readonly byte[] s_valid = TspMessageCodec.AppendSignature(
        TspMessageCodec.EncodeSignedPart(new TspEnvelope("did:example:alice", "did:example:bob",
            TspPayloadCodec.Encode(new TspGenericPayload("hello"u8), "did:example:alice"))),
        TspSignatureAlgorithm.Ed25519,
        new byte[64]);

    [Fact]
    public void ArbitraryBytesNeverThrowAnythingButTspException()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            Swallow(() => TspMessageCodec.Decode(bytes));
            Swallow(() => TspPayloadCodec.Decode(bytes));
            Swallow(() => TspMessageCodec.DecodeAnyDomain(bytes));
        }, iter: 20_000);
    }

    [Fact]
    public void MutatedValidMessagesNeverThrowAnythingButTspException()
    {
        Gen.Select(Gen.Int[0, s_valid.Length - 1], Gen.Byte, Gen.Int[0, s_valid.Length]).Sample((at, value, cut) =>
        {
            byte[] copy = s_valid[..cut];
            if (at < copy.Length)
            {
                copy[at] = value;
            }

            Swallow(() =>
            {
                TspWireMessage m = TspMessageCodec.Decode(copy);
                if (m.Envelope.HasNonConfidentialData)
                {
                    TspPayloadCodec.Decode(m.Envelope.NonConfidentialData);
                }
            });
        }, iter: 20_000);
    }

    [Fact]
    public void EnvelopesRoundTrip()
    {
        Gen<string> vid = Gen.String[Gen.Char.AlphaNumeric, 1, 300];
        Gen.Select(vid, vid.Null(), Gen.Byte.Array[0, 5000].Null(), Gen.Bool).Sample((sender, receiver, ncd, ml) =>
        {
            var env = new TspEnvelope(sender, receiver, ncd);
            TspSignatureAlgorithm alg = ml ? TspSignatureAlgorithm.MLDsa65 : TspSignatureAlgorithm.Ed25519;
            byte[] sig = new byte[ml ? 3309 : 64];
            byte[] wire = TspMessageCodec.AppendSignature(TspMessageCodec.EncodeSignedPart(env), alg, sig);
            TspWireMessage m = TspMessageCodec.Decode(wire);
            Assert.Equal(sender, m.Envelope.Sender);
            Assert.Equal(receiver, m.Envelope.Receiver);
            Assert.Equal(ncd is not null, m.Envelope.HasNonConfidentialData);
            Assert.Equal(ncd ?? [], m.Envelope.NonConfidentialData.ToArray());
            Assert.Equal(alg, m.SignatureAlgorithm);
            Assert.Equal(CesrText.ToText(wire), CesrText.ToText(CesrText.ToBinary(CesrText.ToText(wire))));
        }, iter: 500);
    }

    [Fact]
    public void GenericPayloadsRoundTrip()
    {
        Gen.Select(Gen.Byte.Array[0, 20_000], Gen.String[Gen.Char.AlphaNumeric, 1, 100].Null()).Sample((data, sender) =>
        {
            byte[] encoded = TspPayloadCodec.Encode(new TspGenericPayload(data), sender);
            TspDecodedPayload d = TspPayloadCodec.Decode(encoded);
            Assert.Equal(sender, d.Sender);
            Assert.Equal(data, ((TspGenericPayload)d.Payload).Data.ToArray());
        }, iter: 300);
    }

    private static void Swallow(Action action)
    {
        try
        {
            action();
        }
        catch (TspException)
        {
        }
    }
}
