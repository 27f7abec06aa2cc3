// libp2p/specs noise/README.md: handshake payload checks (identity key, signature over the static key, expected
// peer id) and inlined muxer negotiation, C# to C# over real TCP, including hostile peers built from the sans-I/O core.
using System;
using System.Buffers.Binary;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Tests.Transports;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Tests.Noise;

public sealed class NoiseHandshakeTests
{
    [Fact]
    public async Task BothSidesAuthenticateEachOtherAndAgreeOnTheMuxer()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection d, TransportConnection l) = await ConnectedPairs.TcpAsync(ct);
        using PeerIdentity a = PeerIdentity.Generate();
        using PeerIdentity b = PeerIdentity.Generate();
        Task<NoiseSecuredStream> rt = NoiseSecuredStream.HandshakeAsync(l, b, false, null, ["/yamux/1.0.0", "/mplex/6.7.0"], ct);
        await using NoiseSecuredStream i = await NoiseSecuredStream.HandshakeAsync(d, a, true, b.PeerId, ["/mplex/6.7.0", "/yamux/1.0.0"], ct);
        await using NoiseSecuredStream r = await rt;
        Assert.Equal(b.PeerId, i.RemotePeerId);
        Assert.Equal(a.PeerId, r.RemotePeerId);
        Assert.Equal(a.PublicKey, r.RemotePublicKey);
        Assert.Equal("/mplex/6.7.0", i.NegotiatedMuxer);
        Assert.Equal("/mplex/6.7.0", r.NegotiatedMuxer);

        byte[] big = RandomBytes.Get(1 << 20);
        Task write = i.WriteAsync(big, ct).AsTask();
        byte[] got = new byte[big.Length];
        await r.ReadExactlyAsync(got, ct);
        await write;
        Assert.Equal(big, got);
    }

    [Theory]
    [InlineData(new string[0], new[] { "/yamux/1.0.0" })]
    [InlineData(new[] { "/yamux/1.0.0" }, new string[0])]
    [InlineData(new[] { "/a" }, new[] { "/b" })]
    public async Task NoMuxerIsChosenWithoutTwoOverlappingLists(string[] initiatorMuxers, string[] responderMuxers)
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection d, TransportConnection l) = await ConnectedPairs.TcpAsync(ct);
        using PeerIdentity a = PeerIdentity.Generate();
        using PeerIdentity b = PeerIdentity.Generate();
        Task<NoiseSecuredStream> rt = NoiseSecuredStream.HandshakeAsync(l, b, false, null, responderMuxers, ct);
        await using NoiseSecuredStream i = await NoiseSecuredStream.HandshakeAsync(d, a, true, null, initiatorMuxers, ct);
        await using NoiseSecuredStream r = await rt;
        Assert.Null(i.NegotiatedMuxer);
        Assert.Null(r.NegotiatedMuxer);
    }

    [Fact]
    public async Task WrongExpectedPeerIdIsRejected()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection d, TransportConnection l) = await ConnectedPairs.TcpAsync(ct);
        await using (d)
        await using (l)
        {
            using PeerIdentity a = PeerIdentity.Generate();
            using PeerIdentity b = PeerIdentity.Generate();
            using PeerIdentity someoneElse = PeerIdentity.Generate();
            Task<NoiseSecuredStream> rt = NoiseSecuredStream.HandshakeAsync(l, b, false, null, [], ct);
            var e = await Assert.ThrowsAsync<NoiseHandshakeException>(() => NoiseSecuredStream.HandshakeAsync(d, a, true, someoneElse.PeerId, [], ct));
            Assert.Equal(NoiseError.PeerIdMismatch, e.Error);
            d.Dispose();
            await Assert.ThrowsAnyAsync<IOException>(() => rt);
        }
    }

    [Fact]
    public async Task SignatureOverAnotherStaticKeyIsRejected()
    {
        using PeerIdentity evil = PeerIdentity.Generate();
        NoiseError error = await DialHostileResponderAsync(staticKey =>
        {
            using var other = X25519PrivateKey.Generate();
            return new NoiseHandshakePayload { IdentityKey = evil.PublicKey.Encode(), IdentitySig = evil.Sign(NoiseSecuredStream.SignedStaticKey(other.PublicKeySpan)) };
        });
        Assert.Equal(NoiseError.InvalidSignature, error);
    }

    [Fact]
    public async Task SignatureByAnotherIdentityIsRejected()
    {
        using PeerIdentity claimed = PeerIdentity.Generate();
        using PeerIdentity signer = PeerIdentity.Generate();
        NoiseError error = await DialHostileResponderAsync(staticKey =>
            new NoiseHandshakePayload { IdentityKey = claimed.PublicKey.Encode(), IdentitySig = signer.Sign(NoiseSecuredStream.SignedStaticKey(staticKey)) });
        Assert.Equal(NoiseError.InvalidSignature, error);
    }

    [Fact]
    public async Task MissingSignatureAndInvalidKeysAreRejected()
    {
        using PeerIdentity evil = PeerIdentity.Generate();
        Assert.Equal(NoiseError.InvalidPayload, await DialHostileResponderAsync(_ => new NoiseHandshakePayload { IdentityKey = evil.PublicKey.Encode() }));
        Assert.Equal(NoiseError.InvalidIdentityKey, await DialHostileResponderAsync(s =>
            new NoiseHandshakePayload { IdentityKey = [8, 1, 18, 1, 0], IdentitySig = evil.Sign(NoiseSecuredStream.SignedStaticKey(s)) }));
    }

    [Fact]
    public async Task ForgedTransportFrameFailsWithATypedError()
    {
        var ct = ConnectedPairs.Timeout();
        (NoiseSecuredStream i, NoiseSecuredStream r) = await ConnectedPairs.NoiseOverTcpAsync(ct);
        await using (i)
        await using (r)
        {
            byte[] forged = new byte[2 + 40];
            BinaryPrimitives.WriteUInt16BigEndian(forged, 40);
            RandomBytes.Fill(forged.AsSpan(2));
            await i.Transport.WriteAsync(forged, ct);
            var e = await Assert.ThrowsAsync<NoiseException>(async () => { _ = await r.ReadAsync(new byte[100], ct); });
            Assert.Equal(NoiseError.DecryptionFailed, e.Error);
            await Assert.ThrowsAsync<NoiseException>(async () => { _ = await r.ReadAsync(new byte[100], ct); });
        }
    }

    [Fact]
    public async Task ConnectionEndingInsideAFrameFailsWithATypedError()
    {
        var ct = ConnectedPairs.Timeout();
        (NoiseSecuredStream i, NoiseSecuredStream r) = await ConnectedPairs.NoiseOverTcpAsync(ct);
        await using (i)
        await using (r)
        {
            await i.Transport.WriteAsync(new byte[] { 0, 40, 1, 2, 3 }, ct);
            ((TransportConnection)i.Transport).CompleteWrites();
            var e = await Assert.ThrowsAsync<NoiseException>(async () => { _ = await r.ReadAsync(new byte[100], ct); });
            Assert.Equal(NoiseError.EndOfStream, e.Error);
        }
    }

    [Fact]
    public async Task HandshakeCutShortFailsWithEndOfStream()
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection d, TransportConnection l) = await ConnectedPairs.TcpAsync(ct);
        await using (d)
        await using (l)
        {
            using PeerIdentity b = PeerIdentity.Generate();
            Task<NoiseSecuredStream> rt = NoiseSecuredStream.HandshakeAsync(l, b, false, null, [], ct);
            await d.WriteAsync(new byte[] { 0, 32, 1, 2 }, ct);
            d.CompleteWrites();
            Assert.Equal(NoiseError.EndOfStream, (await Assert.ThrowsAsync<NoiseHandshakeException>(() => rt)).Error);
        }
    }

    /// <summary>Runs our initiator against a responder that sends the payload <paramref name="payload"/> builds.</summary>
    private static async Task<NoiseError> DialHostileResponderAsync(Func<byte[], NoiseHandshakePayload> payload)
    {
        var ct = ConnectedPairs.Timeout();
        (TransportConnection d, TransportConnection l) = await ConnectedPairs.TcpAsync(ct);
        await using (d)
        await using (l)
        {
            using PeerIdentity a = PeerIdentity.Generate();
            Task<NoiseSecuredStream> it = NoiseSecuredStream.HandshakeAsync(d, a, true, null, [], ct);
            using var s = X25519PrivateKey.Generate();
            using var hs = new NoiseHandshakeState(false, s, default);
            byte[] frame = new byte[2 + NoiseHandshakeState.MaxMessageLength];
            await l.ReadExactlyAsync(frame.AsMemory(0, 2), ct);
            int len = BinaryPrimitives.ReadUInt16BigEndian(frame);
            await l.ReadExactlyAsync(frame.AsMemory(2, len), ct);
            hs.ReadMessage(frame.AsSpan(2, len), new byte[64]);
            int n = hs.WriteMessage(payload(s.PublicKey).Encode(), frame.AsSpan(2));
            BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)n);
            await l.WriteAsync(frame.AsMemory(0, n + 2), ct);
            return (await Assert.ThrowsAsync<NoiseHandshakeException>(() => it)).Error;
        }
    }
}
