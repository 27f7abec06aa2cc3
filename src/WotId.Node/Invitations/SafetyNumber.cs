// Safety numbers between two wot.id identities, as Signal shows them: libsignal's fingerprint
// (rust/protocol/src/fingerprint.rs, version 2, 5,200 iterations; WotId.Signal.Fingerprints.Fingerprint) over each
// side's Signal identity key, with the UTF-8 bytes of the side's DID as the stable identifier (libsignal uses the
// ServiceId there). The 60 digits read the same on both sides; people compare them as 12 groups of 5.
using System;
using System.Text;
using WotId.Signal.Fingerprints;
using WotId.Signal.Keys;

namespace WotId.Node.Invitations;

/// <summary>Computes and formats the safety number shown by <c>wotid contact show</c>.</summary>
public static class SafetyNumber
{
    /// <summary>The scannable fingerprint version (libsignal's current).</summary>
    public const uint Version = 2;

    /// <summary>The fingerprint of the conversation between the local identity and a contact's.</summary>
    public static Fingerprint Compute(string localDid, EcPublicKey localIdentity, string remoteDid, EcPublicKey remoteIdentity)
    {
        ArgumentNullException.ThrowIfNull(localDid);
        ArgumentNullException.ThrowIfNull(remoteDid);
        return Fingerprint.Create(
            Version, Fingerprint.DefaultIterations, Encoding.UTF8.GetBytes(localDid), localIdentity, Encoding.UTF8.GetBytes(remoteDid), remoteIdentity);
    }

    /// <summary>The 60 digits as 12 groups of 5, four groups a line: "12345 67890 12345 67890\n…".</summary>
    /// <exception cref="ArgumentException">Not 60 decimal digits.</exception>
    public static string Format(string displayable)
    {
        ArgumentNullException.ThrowIfNull(displayable);
        if (displayable.Length != 60 || !IsDigits(displayable))
        {
            throw new ArgumentException("a safety number is 60 decimal digits", nameof(displayable));
        }

        var sb = new StringBuilder(72);
        for (int group = 0; group < 12; group++)
        {
            if (group > 0)
            {
                sb.Append(group % 4 == 0 ? '\n' : ' ');
            }

            sb.Append(displayable, group * 5, 5);
        }

        return sb.ToString();
    }

    private static bool IsDigits(string text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
