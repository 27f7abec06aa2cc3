// Fuzz target: Multiaddress.FromBytes (multiformats/multiaddr binary form) and the text round trip.
using System;
using WotId.Libp2p.Multiaddr;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Binary multiaddrs; only <see cref="MultiaddrFormatException"/> may escape, and accepted input must round-trip.</summary>
public sealed class MultiaddrBytesTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-multiaddr-bytes";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            Multiaddress a = Multiaddress.FromBytes(input);
            if (!a.ToBytes().AsSpan().SequenceEqual(input) || !Multiaddress.Parse(a.ToString()).Equals(a))
            {
                throw new InvalidOperationException("multiaddr does not round-trip");
            }
        }
        catch (MultiaddrFormatException)
        {
            // Documented rejection.
        }
    }
}
