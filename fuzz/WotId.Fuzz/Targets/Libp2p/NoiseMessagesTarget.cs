// Fuzz target: Noise XX handshake messages (Noise revision 34 §5.3) fed to both roles, and 2-byte length-prefixed
// transport frames (libp2p/specs noise/README.md "Wire Format") fed to a transport state.
using System;
using System.Buffers.Binary;
using WotId.Crypto;
using WotId.Libp2p.Noise;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Handshake and transport messages; only <see cref="NoiseException"/> may escape.</summary>
public sealed class NoiseMessagesTarget : IFuzzTarget
{
    private static readonly byte[] s_responderStatic = new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 };

    /// <inheritdoc />
    public string Name => "libp2p-noise-messages";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        byte[] scratch = new byte[NoiseHandshakeState.MaxMessageLength];
        using X25519PrivateKey s = X25519PrivateKey.Import(s_responderStatic);
        try
        {
            using var responder = new NoiseHandshakeState(false, s, default);
            responder.ReadMessage(input, scratch);
        }
        catch (NoiseException)
        {
        }

        try
        {
            using var initiator = new NoiseHandshakeState(true, s, default);
            initiator.WriteMessage(default, scratch);
            initiator.ReadMessage(input, scratch);
        }
        catch (NoiseException)
        {
        }

        var send = new CipherState();
        var receive = new CipherState();
        receive.InitializeKey(s_responderStatic);
        using var transport = new NoiseTransportState(send, receive);
        try
        {
            while (input.Length >= 2)
            {
                int length = BinaryPrimitives.ReadUInt16BigEndian(input);
                if (input.Length - 2 < length)
                {
                    break;
                }

                transport.Decrypt(input.Slice(2, length), scratch);
                input = input[(2 + length)..];
            }
        }
        catch (NoiseException)
        {
        }
    }
}
