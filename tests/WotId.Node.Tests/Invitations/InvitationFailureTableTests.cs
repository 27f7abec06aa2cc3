using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Node.Invitations;
using WotId.Signal.Keys;

namespace WotId.Node.Tests.Invitations;

/// <summary>One row per <see cref="InvitationError"/> the verifier reports: each row breaks exactly one thing of a valid invitation.</summary>
public sealed class InvitationFailureTableTests
{
    private static readonly Dictionary<string, (InvitationError? Expected, Func<InvitationFixture, string> Uri)> s_rows = new()
    {
        ["valid, written from the documented layout"] = (null, f => new RawInvitation().Uri()),
        ["valid, no name, no mailbox, no addresses"] = (null, f => Raw(r => { r.Name = null; r.Mailbox = null; r.Addresses.Clear(); })),
        ["valid, scheme in upper case with surrounding whitespace"] = (null, f => " WOTID" + new RawInvitation().Uri()[5..] + "\n"),
        ["another scheme"] = (InvitationError.MalformedUri, f => "https" + new RawInvitation().Uri()[5..]),
        ["no version segment"] = (InvitationError.MalformedUri, f => "wotid:AAAA"),
        ["URI over the length limit"] = (InvitationError.MalformedUri, f => "wotid:1/" + new string('A', InvitationLimits.MaxUriLength)),
        ["URI version 2"] = (InvitationError.UnsupportedVersion, f => "wotid:2/" + new RawInvitation().Uri()[8..]),
        ["binary version 2"] = (InvitationError.UnsupportedVersion, f => Raw(r => r.Version = 2)),
        ["lower-case data"] = (InvitationError.MalformedEncoding, f => "wotid:1/" + new RawInvitation().Uri()[8..].ToLowerInvariant()),
        ["impossible base32 length"] = (InvitationError.MalformedEncoding, f => "wotid:1/AAAAAAAAA"),
        ["truncated"] = (InvitationError.MalformedEncoding, f => RawInvitation.ToUri(new RawInvitation().Build()[..^10])),
        ["byte after the signature"] = (InvitationError.MalformedEncoding, f => Raw(r => r.Trailer = [0])),
        ["display name over 64 bytes"] = (InvitationError.FieldTooLarge, f => Raw(r => r.Name = new byte[65])),
        ["nine listen addresses"] = (InvitationError.FieldTooLarge, f => Raw(r => r.Addresses.AddRange(Enumerable.Repeat(r.Addresses[0], 7)))),
        ["signature over the limit"] = (InvitationError.FieldTooLarge, f => Raw(r => r.Signature = new byte[InvitationLimits.MaxSignatureBytes + 1])),
        ["unknown flag bit"] = (InvitationError.NonCanonical, f => Raw(r => r.Flags = 0x07)),
        ["did:key as text"] = (InvitationError.NonCanonical, f => Raw(r => { r.DidForm = 1; r.Did = System.Text.Encoding.UTF8.GetBytes(InvitationFixture.Key.Did); })),
        ["unknown DID form"] = (InvitationError.NonCanonical, f => Raw(r => r.DidForm = 2)),
        ["escape sequence in the name"] = (InvitationError.InvalidText, f => Raw(r => r.Name = "\u001b[31mAlice"u8.ToArray())),
        ["right-to-left override in the name"] = (InvitationError.InvalidText, f => Raw(r => r.Name = "\u202eecilA"u8.ToArray())),
        ["name not UTF-8"] = (InvitationError.InvalidText, f => Raw(r => r.Name = [0xC3, 0x28])),
        ["Multikey with an unknown codec"] = (InvitationError.InvalidDid, f => Raw(r => r.Did = [0x99, 0x01, 1, 2, 3])),
        ["text DID without method"] = (InvitationError.InvalidDid, f => Raw(r => { r.DidForm = 1; r.Did = "did::x"u8.ToArray(); })),
        ["peer id not a multihash"] = (InvitationError.InvalidPeerId, f => Raw(r => r.PeerId = [0x12, 0x05, 1])),
        ["address with an unknown protocol"] = (InvitationError.InvalidAddress, f => Raw(r => r.Addresses[0] = [0x04, 127, 0])),
        ["mailbox kind 4"] = (InvitationError.InvalidMailbox, f => Raw(r => r.Mailbox![0] = 4)),
        ["hosted mailbox whose hint is no host address"] = (InvitationError.InvalidMailbox, f => Raw(r => r.Mailbox![0] = 3)),
        ["hosted mailbox whose host address has no peer id"] = (InvitationError.InvalidMailbox,
            f => Raw(r => r.Mailbox = [3, .. InvitationFixture.Mailbox.MailboxId.Span, 22, .. "/ip4/10.0.0.1/tcp/4001"u8])),
        ["bundle not a bundle"] = (InvitationError.InvalidBundle, f => Raw(r => r.Bundle = [0x08, 0x01])),
        ["expires before created"] = (InvitationError.InvalidTimes, f => Raw(r => r.Expires = r.Created - 1)),
        ["lifetime over 366 days"] = (InvitationError.InvalidTimes, f => Raw(r => r.Expires = r.Created + (367L * 86_400))),
        ["did:web (no resolver for it)"] = (InvitationError.UnresolvableDid, f => Raw(r => { r.DidForm = 1; r.Did = "did:web:example.com"u8.ToArray(); })),
        ["did:key of an X25519 key"] = (InvitationError.UnsupportedKey, f => Raw(r => r.Did = Multikey.EncodeBytes(new DidPublicKey(KeyAlgorithm.X25519, new byte[32])))),
        ["flipped signature bit"] = (InvitationError.BadSignature, f => FlipSignatureBit()),
        ["signed by another key"] = (InvitationError.BadSignature, f => new RawInvitation().Uri(InvitationFixture.OtherKey)),
        ["bundle with a forged prekey signature"] = (InvitationError.BadBundleSignature, f => Raw(r => r.Bundle = ForgedBundle())),
        ["made more than 5 minutes in the future"] = (InvitationError.NotYetValid, f => Raw(r => r.Created += 10 * 60)),
        ["expired"] = (InvitationError.Expired, f => { f.Time.Advance(TimeSpan.FromDays(30)); return new RawInvitation().Uri(); }),
    };

    public static TheoryData<string> Rows() => new(s_rows.Keys);

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EachRowFailsForExactlyItsReason(string row)
    {
        (InvitationError? expected, Func<InvitationFixture, string> build) = s_rows[row];
        var fixture = new InvitationFixture();
        string uri = build(fixture);
        if (expected is null)
        {
            Invitation invitation = await fixture.Verifier.VerifyAsync(uri, TestContext.Current.CancellationToken);
            Assert.Equal(InvitationFixture.Key.Did, invitation.Did);
            return;
        }

        InvitationException e = await Assert.ThrowsAsync<InvitationException>(() => fixture.Verifier.VerifyAsync(uri, TestContext.Current.CancellationToken).AsTask());
        Assert.True(expected == e.Error, $"{row}: expected {expected}, got {e.Error} ({e.Message})");
    }

    [Fact]
    public void EveryReasonHasARow()
    {
        var covered = new HashSet<InvitationError>();
        foreach ((InvitationError? expected, _) in s_rows.Values)
        {
            if (expected is { } e)
            {
                covered.Add(e);
            }
        }

        // InvalidQrParts belongs to InvitationQr.Join and has its own table in InvitationQrTests.
        covered.Add(InvitationError.InvalidQrParts);
        Assert.Equal(Enum.GetValues<InvitationError>(), [.. covered.Order()]);
    }

    private static string Raw(Action<RawInvitation> change)
    {
        var raw = new RawInvitation();
        change(raw);
        return raw.Uri();
    }

    private static string FlipSignatureBit()
    {
        byte[] binary = new RawInvitation().Build();
        binary[^100] ^= 0x01;
        return RawInvitation.ToUri(binary);
    }

    private static byte[] ForgedBundle()
    {
        PreKeyBundle b = InvitationFixture.Bundle;
        byte[] forged = (byte[])b.SignedPreKeySignature.Clone();
        forged[0] ^= 0x01;
        return new PreKeyBundle(
            b.RegistrationId, b.DeviceId, b.PreKeyId, b.PreKey, b.SignedPreKeyId, b.SignedPreKey, forged,
            b.IdentityKey, b.KyberPreKeyId, b.KyberPreKey, b.KyberPreKeySignature).Serialize();
    }
}
