// Garbage never crashes the handshake: arbitrary frames fed to the sans-I/O responder and initiator end in a typed
// failure step (never an exception), and the frame decoder only throws its documented format exceptions.
using System;
using System.Threading.Tasks;
using CsCheck;
using WotId.Libp2p.Peer;
using WotId.Node.Handshake;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;

namespace WotId.Node.Tests.Handshake;

public sealed class HandshakePropertyTests : IDisposable
{
    private readonly HandshakeWorld _world = new();
    private readonly PeerIdentity _local = PeerIdentity.Generate();
    private readonly PeerIdentity _remote = PeerIdentity.Generate();
    private readonly HandshakeServices _services;
    private readonly byte[] _binding = new byte[32];

    public HandshakePropertyTests()
    {
        _services = new HandshakeServices(_world.NewParty().Identity(), _world.Policy());
    }

    [Fact]
    public async Task GarbageRequestEndsTheResponderWithATypedFailure()
    {
        await Gen.Byte.Array[0, 2048].SampleAsync(async bytes =>
        {
            var responder = new HandshakeResponder(_services, _local.PeerId.ToString(), _remote.PeerId, _binding);
            HandshakeStep step = await responder.ReceiveRequestAsync(bytes, default);
            Assert.Equal(HandshakeFailureReason.MalformedMessage, step.Failure!.Reason);
            Assert.NotNull(step.Send);
        }, iter: 300);
    }

    [Fact]
    public async Task GarbageShareEndsTheInitiatorWithATypedFailure()
    {
        await Gen.Byte.Array[0, 2048].SampleAsync(async bytes =>
        {
            var initiator = new HandshakeInitiator(_services, _local.PeerId.ToString(), _remote.PeerId, _binding);
            initiator.Start();
            HandshakeStep step = await initiator.ReceiveShareAsync(bytes, default);
            Assert.Equal(HandshakeFailureReason.MalformedMessage, step.Failure!.Reason);
            Assert.False(step.Failure.ReportedByPeer);
        }, iter: 300);
    }

    [Fact]
    public void DecoderThrowsOnlyItsFormatExceptions()
    {
        Gen.Byte.Array[0, 4096].Sample(bytes =>
        {
            try
            {
                HandshakeMessageCodec.DecodeUnverified(bytes);
            }
            catch (Exception ex) when (ex is TspException or WotMessageException or HandshakeException)
            {
                // Documented rejections.
            }
        }, iter: 5_000);
    }

    [Fact]
    public void EncodedMessagesDecodeToTheSameKindAndFields()
    {
        HandshakeParty party = _world.NewParty();
        var signer = new SigningKeyTspSigner(party.Key);
        Gen.Int[0, 3].Sample(kind =>
        {
            HandshakeMessage message = kind switch
            {
                0 => HandshakeMessage.Request("p2p:" + _local.PeerId),
                1 => HandshakeMessage.Share("a.b.c", party.Signal.PublicKey, party.Bundle.Serialize()),
                2 => HandshakeMessage.Confirm(),
                _ => HandshakeMessage.Error(HandshakeFailureReason.Revoked),
            };
            byte[] frame = HandshakeMessageCodec.Encode(message, signer, party.Key.Did, kind == 0 ? null : "did:key:zPeer", TimeProvider.System);
            (string sender, string? receiver, HandshakeMessage back) = HandshakeMessageCodec.DecodeUnverified(frame);

            Assert.Equal(party.Key.Did, sender);
            Assert.Equal(kind == 0 ? null : "did:key:zPeer", receiver);
            Assert.Equal(message.Kind, back.Kind);
            Assert.Equal(message.Audience, back.Audience);
            Assert.Equal(message.Presentation, back.Presentation);
            Assert.Equal(message.IdentityKey, back.IdentityKey);
            Assert.Equal(message.PreKeyBundle, back.PreKeyBundle);
            Assert.Equal(message.ErrorReason, back.ErrorReason);
            Assert.True(frame.Length < HandshakePolicy.DefaultMaxFrameBytes);
        }, iter: 20);
    }

    [Fact]
    public void EveryReasonHasADistinctWireTokenThatParsesBack()
    {
        foreach (HandshakeFailureReason reason in Enum.GetValues<HandshakeFailureReason>())
        {
            string token = HandshakeReasons.ToToken(reason);
            Assert.True(HandshakeReasons.TryParse(token, out HandshakeFailureReason back));
            Assert.Equal(reason, back);
        }

        Assert.False(HandshakeReasons.TryParse("no_such_reason", out _));
    }

    public void Dispose()
    {
        _local.Dispose();
        _remote.Dispose();
        _world.Dispose();
    }
}
