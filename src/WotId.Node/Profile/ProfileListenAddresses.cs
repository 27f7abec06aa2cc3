// The listen addresses recorded in a profile (row listen.addresses, one multiaddr a line). A TCP port 0 is replaced by
// a free port below the ephemeral range when the profile is created (PinnedTcpPort): invitations carry these
// addresses, so they must survive a restart.
using System;
using System.Collections.Generic;
using System.Net;
using WotId.Libp2p.Multiaddr;

namespace WotId.Node.Profile;

/// <summary>Checks and resolves listen addresses.</summary>
internal static class ProfileListenAddresses
{
    /// <summary>At most this many listen addresses.</summary>
    internal const int MaxCount = 8;

    /// <summary>Parses <paramref name="addresses"/>, and gives each TCP address with port 0 a free port.</summary>
    internal static IReadOnlyList<string> Resolve(IReadOnlyList<string> addresses)
    {
        if (addresses.Count is 0 or > MaxCount)
        {
            throw new ProfileException(ProfileError.InvalidInput, $"a profile needs 1..{MaxCount} listen addresses");
        }

        var resolved = new List<string>(addresses.Count);
        foreach (string text in addresses)
        {
            if (!Multiaddress.TryParse(text, out Multiaddress? address) || address is null)
            {
                throw new ProfileException(ProfileError.InvalidInput, "a listen address is not a multiaddr");
            }

            resolved.Add(address.TryGetTcpEndPoint(out IPEndPoint? endPoint) && endPoint is { Port: 0 }
                ? text[..text.LastIndexOf("/tcp/0", StringComparison.Ordinal)] + "/tcp/" + PinnedTcpPort.Choose(endPoint.Address) + text[(text.LastIndexOf("/tcp/0", StringComparison.Ordinal) + 6)..]
                : address.ToString());
        }

        return resolved;
    }

    /// <summary>Reads the stored value back (untrusted: bounded and parsed).</summary>
    internal static IReadOnlyList<string> Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }

        string[] lines = stored.Split('\n');
        if (lines.Length > MaxCount || Array.Exists(lines, l => !Multiaddress.TryParse(l, out _)))
        {
            throw new ProfileException(ProfileError.Corrupt, "stored listen addresses are malformed");
        }

        return lines;
    }
}
