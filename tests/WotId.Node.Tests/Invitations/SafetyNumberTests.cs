using System;
using WotId.Node.Invitations;
using WotId.Signal.Fingerprints;
using WotId.Signal.Keys;

namespace WotId.Node.Tests.Invitations;

/// <summary>Safety numbers between two wot.id identities.</summary>
public sealed class SafetyNumberTests
{
    private const string AliceDid = "did:example:alice";
    private const string BobDid = "did:example:bob";

    [Fact]
    public void BothSidesSeeTheSameNumber()
    {
        using IdentityKeyPair alice = IdentityKeyPair.Generate();
        using IdentityKeyPair bob = IdentityKeyPair.Generate();

        Fingerprint atAlice = SafetyNumber.Compute(AliceDid, alice.PublicKey, BobDid, bob.PublicKey);
        Fingerprint atBob = SafetyNumber.Compute(BobDid, bob.PublicKey, AliceDid, alice.PublicKey);

        Assert.Equal(atAlice.Displayable, atBob.Displayable);
        Assert.Equal(60, atAlice.Displayable.Length);
    }

    [Fact]
    public void ANewIdentityKeyChangesTheNumber()
    {
        using IdentityKeyPair alice = IdentityKeyPair.Generate();
        using IdentityKeyPair bob = IdentityKeyPair.Generate();
        using IdentityKeyPair mallory = IdentityKeyPair.Generate();

        string genuine = SafetyNumber.Compute(AliceDid, alice.PublicKey, BobDid, bob.PublicKey).Displayable;
        string swapped = SafetyNumber.Compute(AliceDid, alice.PublicKey, BobDid, mallory.PublicKey).Displayable;

        Assert.NotEqual(genuine, swapped);
    }

    [Fact]
    public void TheDidIsPartOfTheNumber()
    {
        using IdentityKeyPair alice = IdentityKeyPair.Generate();
        using IdentityKeyPair bob = IdentityKeyPair.Generate();

        Assert.NotEqual(
            SafetyNumber.Compute(AliceDid, alice.PublicKey, BobDid, bob.PublicKey).Displayable,
            SafetyNumber.Compute(AliceDid, alice.PublicKey, "did:example:carol", bob.PublicKey).Displayable);
    }

    [Fact]
    public void FormatShowsTwelveGroupsOfFiveFourALine()
    {
        const string digits = "123456789012345678901234567890123456789012345678901234567890";
        Assert.Equal("12345 67890 12345 67890\n12345 67890 12345 67890\n12345 67890 12345 67890", SafetyNumber.Format(digits));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789x")]
    public void FormatRefusesAnythingButSixtyDigits(string text)
    {
        Assert.Throws<ArgumentException>(() => SafetyNumber.Format(text));
    }
}
