using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity.Dids;
using WotId.Node.Invitations;

namespace WotId.Node.Tests.Invitations;

/// <summary>Encoding, decoding and signing of <c>wotid:1/</c> invitations.</summary>
public sealed class InvitationCodecTests
{
    [Fact]
    public async Task RoundTripKeepsEveryField()
    {
        var fixture = new InvitationFixture();
        Invitation original = InvitationFixture.Full();
        string uri = InvitationCodec.Encode(original, InvitationFixture.Key);

        Invitation read = await fixture.Verifier.VerifyAsync(uri, TestContext.Current.CancellationToken);

        Assert.StartsWith("wotid:1/", uri, StringComparison.Ordinal);
        Assert.Equal(original.Did, read.Did);
        Assert.Equal(original.PeerId, read.PeerId);
        Assert.Equal(original.ListenAddresses, read.ListenAddresses);
        Assert.Equal(original.Bundle.Serialize(), read.Bundle.Serialize());
        Assert.Equal(original.CreatedAt, read.CreatedAt);
        Assert.Equal(original.ExpiresAt, read.ExpiresAt);
        Assert.Equal("Alice", read.DisplayName);
        Assert.Equal(original.Mailbox, read.Mailbox);
        Assert.Equal(Invitation.CurrentVersion, read.Version);
    }

    [Fact]
    public async Task AHostedMailboxRoundTripsWithItsHostAddress()
    {
        var fixture = new InvitationFixture();
        string host = "/ip4/192.0.2.7/tcp/4001/p2p/" + InvitationFixture.Full().PeerId;
        Invitation original = InvitationFixture.Full() with { Mailbox = new InvitationMailbox(InvitationMailboxKind.Hosted, InvitationFixture.Mailbox.MailboxId, host) };
        Invitation read = await fixture.Verifier.VerifyAsync(InvitationCodec.Encode(original, InvitationFixture.Key), TestContext.Current.CancellationToken);
        Assert.Equal(original.Mailbox, read.Mailbox);
        Assert.Throws<ArgumentException>(() => InvitationCodec.Encode(
            original with { Mailbox = new InvitationMailbox(InvitationMailboxKind.Hosted, InvitationFixture.Mailbox.MailboxId, "mailbox.db") }, InvitationFixture.Key));
    }

    [Fact]
    public void BinaryLengthIsTheSumOfTheDocumentedFields()
    {
        Invitation invitation = InvitationFixture.Full();
        byte[] binary = InvitationCodec.EncodeBinary(invitation, InvitationFixture.Key);

        int expected = 1 + 1                                            // version, flags
            + Lp("Alice"u8.Length)
            + 1 + Lp(Multikey.EncodeBytes(InvitationFixture.Key.PublicKey).Length)
            + Lp(invitation.PeerId.Bytes.Length)
            + 1 + invitation.ListenAddresses.Sum(a => Lp(a.ToBytes().Length))
            + 1 + 32 + Lp("mailbox.db"u8.Length)
            + Lp(invitation.Bundle.Serialize().Length)
            + 8 + 8
            + Lp(3309);                                                 // ML-DSA-65 signature (FIPS 204 Table 2)

        Assert.Equal(expected, binary.Length);
    }

    [Fact]
    public void DidKeyTravelsAsItsMultikeyAndNeverAsText()
    {
        byte[] binary = InvitationCodec.EncodeBinary(InvitationFixture.Full(), InvitationFixture.Key);
        byte[] multikey = Multikey.EncodeBytes(InvitationFixture.Key.PublicKey);
        byte[] didText = System.Text.Encoding.ASCII.GetBytes(InvitationFixture.Key.Did[DidKey.Prefix.Length..][..64]);

        Assert.Equal(1, Occurrences(binary, multikey));
        Assert.Equal(0, Occurrences(binary, didText));
    }

    [Fact]
    public void SignedMlDsa65InvitationNeedsSeveralQrCodesAndFitsTheUriLimit()
    {
        string uri = InvitationCodec.Encode(InvitationFixture.Full(), InvitationFixture.Key);
        byte[] binary = InvitationUri.Parse(uri);
        TestContext.Current.SendDiagnosticMessage($"ML-DSA-65 invitation: {binary.Length} bytes, URI {uri.Length} characters");

        Assert.Equal("wotid:1/".Length + (((binary.Length * 8) + 4) / 5), uri.Length);
        Assert.True(uri.Length <= InvitationLimits.MaxUriLength);
        Assert.True(uri.Length > 4296, "one version-40 QR code holds 4,296 alphanumeric characters");
    }

    [Fact]
    public void EncodeRefusesTheKeyOfAnotherDid()
    {
        Assert.Throws<ArgumentException>(() => InvitationCodec.Encode(InvitationFixture.Full(), InvitationFixture.OtherKey));
    }

    [Fact]
    public void EncodeRefusesANameWithAnEscapeSequence()
    {
        Invitation bad = InvitationFixture.Full() with { DisplayName = "\u001b]0;pwned\u0007" };
        Assert.Throws<ArgumentException>(() => InvitationCodec.Encode(bad, InvitationFixture.Key));
    }

    [Fact]
    public void EncodeRefusesNineAddresses()
    {
        Invitation bad = InvitationFixture.Full() with { ListenAddresses = [.. Enumerable.Repeat(InvitationFixture.Addresses[0], 9)] };
        Assert.Throws<ArgumentException>(() => InvitationCodec.Encode(bad, InvitationFixture.Key));
    }

    [Fact]
    public void ToStringShowsTheFingerprintNotTheDid()
    {
        string text = InvitationFixture.Full().ToString();
        Assert.Contains(DidFingerprint.Short(InvitationFixture.Key.Did), text, StringComparison.Ordinal);
        Assert.DoesNotContain(InvitationFixture.Key.Did, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedByteInAnyFieldFails()
    {
        var fixture = new InvitationFixture();
        byte[] binary = InvitationCodec.EncodeBinary(InvitationFixture.Full(), InvitationFixture.Key);
        int tried = 0, failures = 0;
        foreach (int i in TamperPositions(binary))
        {
            byte[] tampered = (byte[])binary.Clone();
            tampered[i] ^= (byte)(1 << (i % 8));
            tried++;
            try
            {
                _ = await fixture.Verifier.VerifyAsync(RawInvitation.ToUri(tampered), TestContext.Current.CancellationToken);
            }
            catch (InvitationException)
            {
                failures++;
            }
        }

        Assert.Equal(tried, failures);
    }

    [Fact]
    public async Task ATamperedUriCharacterFails()
    {
        var fixture = new InvitationFixture();
        string uri = InvitationCodec.Encode(InvitationFixture.Full(), InvitationFixture.Key);
        var random = new Random(5);
        for (int n = 0; n < 64; n++)
        {
            int i = random.Next("wotid:1/".Length, uri.Length - 1);
            char replacement = uri[i] == 'A' ? 'B' : 'A';
            string tampered = string.Concat(uri.AsSpan(0, i), replacement.ToString(), uri.AsSpan(i + 1));
            await Assert.ThrowsAsync<InvitationException>(() => fixture.Verifier.VerifyAsync(tampered, TestContext.Current.CancellationToken).AsTask());
        }
    }

    /// <summary>
    /// Every byte outside the three large payloads (the Multikey, the bundle, the signature), which holds all
    /// headers, length prefixes and small fields, plus every 23rd byte inside them: a full sweep of the 7,300 bytes
    /// costs minutes of ML-DSA verification on a shared machine, and one payload byte is like another.
    /// </summary>
    private static IEnumerable<int> TamperPositions(byte[] binary)
    {
        byte[] multikey = Multikey.EncodeBytes(InvitationFixture.Key.PublicKey);
        byte[] bundle = InvitationFixture.Bundle.Serialize();
        int mk = binary.AsSpan().IndexOf(multikey), bd = binary.AsSpan().IndexOf(bundle), sig = binary.Length - 3309;
        Assert.True(mk > 0 && bd > mk && sig > bd);
        for (int i = 0; i < binary.Length; i++)
        {
            bool inPayload = (i >= mk && i < mk + multikey.Length) || (i >= bd && i < bd + bundle.Length) || i >= sig;
            if (!inPayload || i % 23 == 0)
            {
                yield return i;
            }
        }
    }

    private static int Lp(int length) => Varint.GetLength((ulong)length) + length;

    private static int Occurrences(byte[] haystack, byte[] needle)
    {
        int count = 0;
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                count++;
            }
        }

        return count;
    }
}
