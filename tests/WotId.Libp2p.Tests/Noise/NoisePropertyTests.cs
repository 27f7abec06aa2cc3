// "Arbitrary bytes never throw anything but the documented exception" for the Noise handshake payload protobuf,
// handshake messages and transport messages.
using System;
using CsCheck;
using WotId.Crypto;
using WotId.Libp2p.Noise;

namespace WotId.Libp2p.Tests.Noise;

public sealed class NoisePropertyTests
{
    [Fact]
    public void ArbitraryPayloadBytesOnlyThrowNoiseHandshakeException()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            try
            {
                NoiseHandshakePayload p = NoiseHandshakePayload.Decode(bytes);
                NoiseHandshakePayload again = NoiseHandshakePayload.Decode(p.Encode());
                Assert.Equal(p.StreamMuxers, again.StreamMuxers);
            }
            catch (NoiseHandshakeException e)
            {
                Assert.Equal(NoiseError.InvalidPayload, e.Error);
            }
        }, iter: 50_000);
    }

    [Fact]
    public void PayloadRoundTrips()
    {
        Gen.Select(Gen.Byte.Array[0, 80], Gen.Byte.Array[0, 80], Gen.String[Gen.Char.AlphaNumeric, 1, 20].Array[0, 5]).Sample((key, sig, muxers) =>
        {
            var p = new NoiseHandshakePayload { IdentityKey = key, IdentitySig = sig };
            p.StreamMuxers.AddRange(muxers);
            NoiseHandshakePayload q = NoiseHandshakePayload.Decode(p.Encode());
            Assert.Equal(key, q.IdentityKey);
            Assert.Equal(sig, q.IdentitySig);
            Assert.Equal(muxers, q.StreamMuxers);
        });
    }

    [Fact]
    public void ArbitraryHandshakeMessagesOnlyThrowNoiseHandshakeException()
    {
        using var sr = X25519PrivateKey.Generate();
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            using var resp = new NoiseHandshakeState(false, sr, default);
            try
            {
                resp.ReadMessage(bytes, new byte[NoiseHandshakeState.MaxMessageLength]);
            }
            catch (NoiseHandshakeException)
            {
            }
        }, iter: 5_000);
    }

    [Fact]
    public void ArbitraryTransportMessagesOnlyThrowNoiseException()
    {
        Gen.Byte.Array[0, 100].Sample(bytes =>
        {
            var send = new CipherState();
            var receive = new CipherState();
            receive.InitializeKey(new byte[32]);
            using var state = new NoiseTransportState(send, receive);
            try
            {
                state.Decrypt(bytes, new byte[100]);
                Assert.Fail("random bytes authenticated");
            }
            catch (NoiseException e)
            {
                Assert.Equal(NoiseError.DecryptionFailed, e.Error);
            }
        }, iter: 10_000);
    }
}
