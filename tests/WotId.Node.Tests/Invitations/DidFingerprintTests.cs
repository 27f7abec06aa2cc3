using System.Text.RegularExpressions;
using WotId.Node.Invitations;

namespace WotId.Node.Tests.Invitations;

/// <summary>Short DID fingerprints: known answers and format.</summary>
public sealed partial class DidFingerprintTests
{
    // Known answers computed outside this code base, with Python's hashlib and base64:
    //   s = base64.b32encode(hashlib.sha256(did.encode()).digest()[:10]).decode()
    //   '-'.join(s[i:i+4] for i in range(0, 16, 4))
    [Theory]
    [InlineData("did:example:123456789abcdefghi", "LA4B-CJPN-Q3PA-EUKY")]
    [InlineData("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "QVI7-IBHM-7ZSA-HQX6")]
    public void FingerprintMatchesTheKnownAnswer(string did, string expected)
    {
        Assert.Equal(expected, DidFingerprint.Short(did));
    }

    [Fact]
    public void FingerprintOfAnMlDsaDidIsFourGroupsOfFourBase32Characters()
    {
        string fingerprint = DidFingerprint.Short(InvitationFixture.Key.Did);
        Assert.Equal(DidFingerprint.Length, fingerprint.Length);
        Assert.Matches(Format(), fingerprint);
    }

    [Fact]
    public void DidsDifferingInOneCharacterGetDifferentFingerprints()
    {
        string did = InvitationFixture.Key.Did;
        string other = did[..^1] + (did[^1] == 'a' ? 'b' : 'a');
        Assert.NotEqual(DidFingerprint.Short(did), DidFingerprint.Short(other));
    }

    [GeneratedRegex("^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$")]
    private static partial Regex Format();
}
