using System;
using System.Linq;
using WotId.Tsp.Cesr;
using WotId.Tsp.Wire;

namespace WotId.Tsp.Tests.Wire;

/// <summary>Malformed TSP messages and payloads: each structural fault has its own error code.</summary>
public sealed class TspDecodeErrorTests
{
    private const string Sig1 = "-CAW-KAW0BABAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB";
    private const string Fields = "YTSP-AAB6BADAABBbGlzdGVy5BACAEJvYmJpXAAA5BADAHRyZWFzdXJl";

    [Theory]
    [InlineData("-SAO" + Fields + Sig1, null)]
    [InlineData("-FAO" + Fields + Sig1, TspError.NotATspMessage)]
    [InlineData("-SAOXTSP-AAB6BADAABBbGlzdGVy5BACAEJvYmJpXAAA5BADAHRyZWFzdXJl" + Sig1, TspError.VersionMismatch)]
    [InlineData("-SAN" + Fields + Sig1, TspError.EnvelopeCountMismatch)]
    [InlineData("-SAOYTSP-AAB6BADAABBbGlzdGVy5BACAEJvYmJpXAAB5BADAHRyZWFzdXJl" + Sig1, TspError.InvalidPlaceholder)]
    [InlineData("-SAO" + Fields, TspError.MissingSignature)]
    [InlineData("-SAO" + Fields + "-CAX-KAW0BABAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB", TspError.InvalidSignatureEncoding)]
    [InlineData("-SAO" + Fields + Sig1 + "AAAA", TspError.TrailingData)]
    [InlineData("-SAO" + Fields + "4GAA" + Sig1, TspError.CipherSuiteMismatch)]
    [InlineData("-EAO" + Fields + Sig1, TspError.CipherSuiteMismatch)]
    [InlineData("-SAI" + "YTSP-AAB4BAAXAAA5BADAHRyZWFzdXJl" + Sig1, TspError.InvalidVid)]
    public void EnvelopeFaults(string text, TspError? expected)
    {
        byte[] bytes = CesrText.ToBinary(text);
        if (expected is null)
        {
            Assert.Equal("Alister", TspMessageCodec.Decode(bytes).Envelope.Sender);
            return;
        }

        Assert.Equal(expected, Assert.Throws<TspException>(() => TspMessageCodec.Decode(bytes)).Error);
    }

    [Fact]
    public void Mldsa65AttachmentMustCarryTheSdkCount1103Not1104()
    {
        var env = new TspEnvelope("a", null, "x"u8.ToArray());
        byte[] wire = TspMessageCodec.AppendSignature(TspMessageCodec.EncodeSignedPart(env), TspSignatureAlgorithm.MLDsa65, new byte[3309]);
        string text = CesrText.ToText(wire).Replace("-CRP-KRP", "-CRQ-KRQ", StringComparison.Ordinal);
        Assert.Equal(TspError.InvalidSignatureEncoding, Assert.Throws<TspException>(() => TspMessageCodec.Decode(CesrText.ToBinary(text))).Error);
    }

    [Fact]
    public void InvalidUtf8VidIsRejected()
    {
        var w = new CesrWriter();
        w.WriteTriplet("YTSP");
        w.WriteCount('A', 1);
        w.WriteVariable("B", [0xC3, 0x28, 0x41]);
        w.WriteFixed("X", [0, 0]);
        var msg = new CesrWriter();
        msg.WriteCount('S', w.Length / 3);
        msg.WriteEncoded(w.WrittenSpan);
        msg.WriteEncoded(CesrText.ToBinary(Sig1));
        Assert.Equal(TspError.InvalidVid, Assert.Throws<TspException>(() => TspMessageCodec.Decode(msg.WrittenSpan)).Error);
    }

    [Theory]
    [InlineData("-ZAGXSCS6BAEAABIZWxsbyBUU1Ah", null)]
    [InlineData("-ZAFXSCS6BAEAABIZWxsbyBUU1Ah", TspError.InvalidPayload)]
    [InlineData("-ZAGXCTL6BAEAABIZWxsbyBUU1Ah", TspError.UnknownPayloadType)]
    [InlineData("-ZABXSCS", TspError.InvalidPayload)]
    [InlineData("-ZAHXRFDFAECAwQFBgcICQoLDA0ODxAR", TspError.MalformedCesr)]
    [InlineData("-ZAMXRFDAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g", TspError.InvalidPayload)]
    [InlineData("-ZAHXHOP-AAA6BAEAABIZWxsbyBUU1Ah", TspError.InvalidPayload)]
    [InlineData("-ZAHXSCS6BAEAABIZWxsbyBUU1AhAAAA", TspError.TrailingData)]
    [InlineData("-AAB", TspError.InvalidPayload)]
    public void PayloadFaults(string text, TspError? expected)
    {
        byte[] bytes = CesrText.ToBinary(text);
        if (expected is null)
        {
            Assert.IsType<TspGenericPayload>(TspPayloadCodec.Decode(bytes).Payload);
            return;
        }

        Assert.Equal(expected, Assert.Throws<TspException>(() => TspPayloadCodec.Decode(bytes)).Error);
    }

    [Fact]
    public void TooManyHopsAreRejected()
    {
        string[] hops = Enumerable.Range(0, TspPayloadCodec.MaxHops + 1).Select(i => "did:example:h" + i).ToArray();
        byte[] encoded = TspPayloadCodec.Encode(new TspRoutedPayload(hops, "x"u8), null);
        Assert.Equal(TspError.InvalidPayload, Assert.Throws<TspException>(() => TspPayloadCodec.Decode(encoded)).Error);
    }
}
