// Fuzz target: libp2p PublicKey protobufs and peer-id multihashes (libp2p/specs peer-ids/peer-ids.md).
using System;
using WotId.Libp2p.Peer;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Keys and peer ids; only <see cref="PeerIdFormatException"/> may escape.</summary>
public sealed class PeerKeyTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-peer-key";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            PeerPublicKey key = PeerPublicKey.Decode(input);
            key.Verify(input, input);
            PeerId.FromPublicKey(key);
        }
        catch (PeerIdFormatException)
        {
        }

        try
        {
            PeerId id = PeerId.FromBytes(input);
            PeerId.Parse(id.ToCidString());
        }
        catch (PeerIdFormatException)
        {
        }
    }
}
