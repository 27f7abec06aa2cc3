// Fuzz target: Multiaddress.Parse (multiformats/multiaddr text form), input taken as UTF-8.
using System;
using System.Text;
using WotId.Libp2p.Multiaddr;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Text multiaddrs; only <see cref="MultiaddrFormatException"/> may escape.</summary>
public sealed class MultiaddrTextTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-multiaddr-text";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            Multiaddress a = Multiaddress.Parse(Encoding.UTF8.GetString(input));
            if (!Multiaddress.FromBytes(a.ToBytes()).Equals(a))
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
