// Fuzz target: Kademlia DHT messages (libp2p/specs kad-dht/README.md "RPC messages") and /pk/ record validation.
using System;
using WotId.Libp2p.Kademlia;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Decodes the input as a DHT message and validates its record; only <see cref="KadException"/> may escape.</summary>
public sealed class KadMessageTarget : IFuzzTarget
{
    private static readonly PublicKeyValidator s_pk = new();

    /// <inheritdoc />
    public string Name => "libp2p-kad";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            KadMessage m = KadMessage.Decode(input);
            foreach (KadPeer p in m.CloserPeers)
            {
                _ = p.TryGetPeerId();
                _ = p.ParsedAddresses();
            }

            _ = KadMessage.Decode(m.Encode());
            _ = KadValidators.NamespaceOf(m.Key);
            if (m.Record is { } r)
            {
                s_pk.Validate(r.Key, r.Value);
            }
        }
        catch (KadException)
        {
            // Documented rejection.
        }
    }
}
