using System;
using System.Text;
using WotId.Crypto;
using WotId.Tsp.Cesr;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;

namespace WotId.Tsp.Tests.Wire;

/// <summary>The worked example of docs/messages.md §4, rebuilt byte for byte (the same bytes come out of interop/tsp/peer.mjs).</summary>
public sealed class TspWorkedExampleTests
{
    private const string Json =
        "{\"id\":\"0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b\",\"type\":\"chat.text\",\"timestamp\":\"2026-11-25T19:30:00.000Z\",\"payload\":{\"content\":\"Hi Bob\"}}";

    private const string SignedPartText =
        "-SBIYTSP-AAB5BAGAGRpZDpleGFtcGxlOmFsaWNl4BAFZGlkOmV4YW1wbGU6Ym9iXAAA4BA3-ZA25BAGAGRpZDpleGFtcGxlOmFsaWNlXSCS5BAt" +
        "AHsiaWQiOiIwMTkzYTViMi03YzFkLTdlNGYtOGE5Yi0wYzFkMmUzZjRhNWIiLCJ0eXBlIjoiY2hhdC50ZXh0IiwidGltZXN0YW1wIjoiMjAyNi0x" +
        "MS0yNVQxOTozMDowMC4wMDBaIiwicGF5bG9hZCI6eyJjb250ZW50IjoiSGkgQm9iIn19";

    [Fact]
    public void TheDocumentedExampleIsReproducedExactly()
    {
        WotMessage message = WotMessageCodec.Parse(Encoding.UTF8.GetBytes(Json));
        byte[] json = WotMessageCodec.Serialize(message);
        Assert.Equal(Json, Encoding.UTF8.GetString(json));
        Assert.Equal(134, json.Length);

        using MLDsaPrivateKey key = TestKeys.MLDsa(0);
        byte[] wire = TspSignedMessage.Create(new TspMLDsa65Signer(key), TestKeys.Alice, TestKeys.Bob, new TspGenericPayload(json));
        Assert.Equal(3537, wire.Length);
        Assert.Equal(4716, CesrText.ToText(wire).Length);
        Assert.Equal(SignedPartText, CesrText.ToText(wire.AsSpan(0, 219)));
        Assert.Equal("-CRP-KRP1QDM_Bc6arMl", CesrText.ToText(wire.AsSpan(219, 15)));
        Assert.Equal("fc173a6a", Convert.ToHexStringLower(wire.AsSpan(228, 4)));
        Assert.Equal("141b2429", Convert.ToHexStringLower(wire.AsSpan(wire.Length - 4)));
        Assert.Equal("42ff11d927c7c3ad942a1d497ecfb70786619ca949c0947279e54cb7824351d8", Convert.ToHexStringLower(Sha256.Hash(wire)));
    }
}
