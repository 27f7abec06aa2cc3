// Seeds for the Noise XX target (Noise revision 34 §7.5, libp2p/specs noise/README.md): a real first and second
// handshake message, and length-prefixed transport frames encrypted under the key the target's receiver uses.
using System;
using System.Collections.Generic;
using WotId.Crypto;
using WotId.Libp2p.Noise;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private static IEnumerable<Seed> Noise()
    {
        // The responder static key and transport receive key of NoiseMessagesTarget.
        byte[] targetKey = new byte[32];
        for (int i = 0; i < targetKey.Length; i++)
        {
            targetKey[i] = (byte)(i + 1);
        }

        var message1 = new byte[NoiseHandshakeState.MaxMessageLength];
        var message2 = new byte[NoiseHandshakeState.MaxMessageLength];
        var payload = new byte[NoiseHandshakeState.MaxMessageLength];
        using X25519PrivateKey responderStatic = X25519PrivateKey.Import(targetKey);
        using X25519PrivateKey initiatorStatic = X25519PrivateKey.Generate();
        using var initiator = new NoiseHandshakeState(true, initiatorStatic, default);
        using var responder = new NoiseHandshakeState(false, responderStatic, default);
        int length1 = initiator.WriteMessage(default, message1);
        responder.ReadMessage(message1.AsSpan(0, length1), payload);
        int length2 = responder.WriteMessage("payload"u8, message2);
        yield return new Seed("libp2p-noise-messages", "message1", message1[..length1]);
        yield return new Seed("libp2p-noise-messages", "message2", message2[..length2]);

        var send = new CipherState();
        send.InitializeKey(targetKey);
        using var transport = new NoiseTransportState(send, new CipherState());
        var frames = new List<byte>();
        foreach (byte[] plaintext in new[] { "first frame"u8.ToArray(), new byte[40] })
        {
            var frame = new byte[plaintext.Length + 16];
            int written = transport.Encrypt(plaintext, frame);
            frames.Add((byte)(written >> 8));
            frames.Add((byte)written);
            frames.AddRange(frame[..written]);
        }

        yield return new Seed("libp2p-noise-messages", "transport-frames", frames.ToArray());
    }
}
