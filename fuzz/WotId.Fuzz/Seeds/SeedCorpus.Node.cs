// Seeds for the node targets: sealed profile values in their stored layout, sealed for another row than the one the
// target opens (so they reach the authentication check and fail there, as a value moved between rows must), and
// invitation texts, handshake frames, control API event streams, sealed envelopes and /wotid/msg/1.0.0 frames.
using System;
using System.Collections.Generic;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Node.Api;
using WotId.Node.Control;
using WotId.Node.Handshake;
using WotId.Node.Messaging;
using WotId.Node.Storage;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Node()
    {
        using AtRestKey key = AtRestKey.Derive("seed", new byte[AtRestKey.SaltSize], new KdfParameters(8, 1, 1));
        yield return new Seed("node-sealed-value", "empty", key.Seal("t", "c", "r", []));
        yield return new Seed("node-sealed-value", "body", key.Seal("inbox", "body", "2/m", "hello"u8));

        // QR part texts in the documented shape (WOTID:1/P/<i>/<n>/<set>/<chunk>) and a URI prefix: they reach the
        // part join and the base32 body decoder; full signed invitations come from a long run's queue.
        yield return Text("node-invitation", "qr-part", "WOTID:1/P/2/2/AAAAAAAA/MZXW6YTBOI");
        yield return Text("node-invitation", "uri", "wotid:1/AEAQCAIB");

        // Handshake frames as HandshakeMessageCodec writes them: signed TSP messages carrying vc.request / vc.share.
        using SigningKey signer = SigningKey.FromSeed(KeyAlgorithm.MLDsa65, new byte[32]);
        var tsp = new SigningKeyTspSigner(signer);
        yield return new Seed("node-handshake-message", "request",
            HandshakeMessageCodec.Encode(HandshakeMessage.Request("p2p:12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"), tsp, signer.Did, null, TimeProvider.System));
        yield return new Seed("node-handshake-message", "confirm", HandshakeMessageCodec.Encode(HandshakeMessage.Confirm(), tsp, signer.Did, null, TimeProvider.System));
        yield return new Seed("node-handshake-message", "error",
            HandshakeMessageCodec.Encode(HandshakeMessage.Error(HandshakeFailureReason.Revoked), tsp, signer.Did, null, TimeProvider.System));

        // Event streams as ServerSentEventWriter writes them, with a heartbeat comment between the events.
        DateTimeOffset at = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
        byte[] received = ServerSentEventWriter.Format(new NodeEvent(NodeEventKinds.MessageReceived, at, "bob", MessageId: "m-1", Text: "hi\n🙂", Via: DeliveryRoutes.Direct));
        byte[] failed = ServerSentEventWriter.Format(new NodeEvent(NodeEventKinds.HandshakeFailed, at, PeerId: "12D3KooWX", Reason: "revoked"));
        yield return new Seed("node-control-events", "two-events", [.. received, .. ": heartbeat\n\n"u8, .. failed]);
        yield return Text("node-control-events", "crlf-multiline", "event: x\r\ndata: {\"kind\":\r\ndata: \"x\",\"at\":\"2026-12-06T08:00:00Z\"}\r\n\r\n");

        // Sealed envelopes in the documented layout (the ciphertexts are placeholders: they reach the Signal parsers),
        // and frame bodies of each kind.
        byte[] didHash = SealedEnvelopeCodec.HashDid(signer.Did);
        byte[] envelope = SealedEnvelopeCodec.Encode(didHash, 0x02, [0x44, 0x0a, 0x21, 0x05, 0x01, 0x02, 0x03]);
        yield return new Seed("node-sealed-envelope", "signal-message", envelope);
        yield return new Seed("node-sealed-envelope", "prekey-message", SealedEnvelopeCodec.Encode(didHash, 0x03, [0x44, 0x08, 0x01, 0x10, 0x02]));
        yield return new Seed("node-message-frame", "message", MessageFrameCodec.Encode(MessageFrame.Message(1, envelope)));
        yield return new Seed("node-message-frame", "ack-stored", MessageFrameCodec.Encode(MessageFrame.Ack(1, AckStatus.Stored)));
        yield return new Seed("node-message-frame", "ack-rejected", MessageFrameCodec.Encode(MessageFrame.Ack(ulong.MaxValue, AckStatus.Rejected)));
        yield return new Seed("node-message-frame", "ack-rejected-unknown-prekey", MessageFrameCodec.Encode(MessageFrame.Ack(2, AckStatus.RejectedUnknownPreKey)));
    }

    /// <summary>Whole /wotid/file/5.0.0 streams as the sender writes them, for FileStreamTarget's file and key.</summary>
    private static IEnumerable<Seed> NodeFiles()
    {
        byte[] file = new byte[Targets.Node.FileStreamTarget.FileSize];
        new Random(3).NextBytes(file);
        var layout = new WotId.Node.Files.FileChunkLayout(file.Length, Targets.Node.FileStreamTarget.ChunkSize);
        foreach ((string name, long start) in new[] { ("whole", 0L), ("resumed", 2L) })
        {
            byte[] salt = new byte[16];
            salt[0] = (byte)start;
            var hello = new WotId.Node.Files.FileStreamHello("0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b", start, salt);
            using var cipher = new WotId.Node.Files.FileChunkCipher(Targets.Node.FileStreamTarget.Key, hello.FileId, salt);
            using var wire = new System.IO.MemoryStream();
            wire.Write(WotId.Node.Files.FileFrameCodec.EncodeHello(hello));
            WotId.Node.Runtime.FileSendPump.SendAsync(wire, new System.IO.MemoryStream(file), cipher, layout, start, null, null, null, default).GetAwaiter().GetResult();
            yield return new Seed("node-file-stream", name, wire.ToArray());
        }
    }
}
