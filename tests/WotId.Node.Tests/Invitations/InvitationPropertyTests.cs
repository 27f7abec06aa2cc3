using System;
using System.Linq;
using CsCheck;
using WotId.Libp2p.Multiaddr;
using WotId.Mailbox.Types;
using WotId.Node.Invitations;

namespace WotId.Node.Tests.Invitations;

/// <summary>Round trips over generated invitations; garbage and mutations never throw anything but <see cref="InvitationException"/>.</summary>
public sealed class InvitationPropertyTests
{
    private static readonly Lazy<byte[]> s_valid = new(() => InvitationCodec.EncodeBinary(InvitationFixture.Full(), InvitationFixture.Key));

    private static readonly Gen<string?> s_name = Gen.Char["abcxyzÄé漢 -'"].Array[1, 16].Select(c => new string(c)).Null();

    private static readonly Gen<Multiaddress> s_address = Gen.Select(Gen.Byte, Gen.Byte, Gen.UShort[1, 65535]).Select(
        (a, b, port) => Multiaddress.Parse($"/ip4/10.{a}.{b}.1/tcp/{port}"));

    private static readonly Gen<InvitationMailbox?> s_mailbox = Gen.Select(
        Gen.OneOfConst(InvitationMailboxKind.Embedded, InvitationMailboxKind.Iota),
        Gen.Byte.Array[32],
        Gen.Char["abc/._-0123"].Array[1, 40].Select(c => new string(c)).Null())
        .Select(t => new InvitationMailbox(t.Item1, new IotaAddress(t.Item2), t.Item3)).Null();

    private static void OnlyInvitationErrors(Action action)
    {
        try
        {
            action();
        }
        catch (InvitationException)
        {
        }
    }

    [Fact]
    public void GeneratedInvitationsRoundTripThroughTheUri() =>
        Gen.Select(s_name, s_address.Array[0, InvitationLimits.MaxAddresses], s_mailbox, Gen.Int[1, 366 * 86_400])
            .Sample(
                (name, addresses, mailbox, lifetime) =>
                {
                    Invitation original = new Invitation(
                        InvitationFixture.Key.Did, InvitationFixture.PeerId, addresses, InvitationFixture.Bundle,
                        InvitationFixture.Created, InvitationFixture.Created.AddSeconds(lifetime))
                    { DisplayName = name, Mailbox = mailbox };
                    Invitation read = InvitationCodec.Decode(InvitationCodec.Encode(original, InvitationFixture.Key)).Invitation;
                    return read.DisplayName == original.DisplayName && read.Mailbox == original.Mailbox
                        && read.ListenAddresses.SequenceEqual(original.ListenAddresses) && read.ExpiresAt == original.ExpiresAt
                        && read.Did == original.Did;
                },
                iter: 20);

    [Fact]
    public void GarbageBytesNeverCrashTheDecoder() =>
        Gen.Byte.Array[0, 9000].Sample(b => OnlyInvitationErrors(() => InvitationCodec.DecodeBinary(b)));

    [Fact]
    public void MutatedValidInvitationsNeverCrashTheDecoder() =>
        Gen.Select(Gen.Int[0, s_valid.Value.Length - 1], Gen.Byte, Gen.Int[0, s_valid.Value.Length]).Sample((i, value, keep) =>
        {
            byte[] mutated = s_valid.Value[..keep];
            if (i < mutated.Length)
            {
                mutated[i] = value;
            }

            OnlyInvitationErrors(() => InvitationCodec.DecodeBinary(mutated));
        });

    [Fact]
    public void GarbageTextNeverCrashesTheUriParserOrTheQrJoin() =>
        Gen.OneOf(Gen.String, Gen.Char["wotidWOTID:1/P2AZ7 "].Array[0, 60].Select(c => new string(c))).Sample(s =>
        {
            OnlyInvitationErrors(() => InvitationCodec.Decode(s));
            OnlyInvitationErrors(() => InvitationQr.Join([s]));
            OnlyInvitationErrors(() => InvitationQr.Join([s, "WOTID:1/P/2/2/AAAAAAAA/" + s]));
        });

    [Fact]
    public void QrSplitAndJoinRoundTripInAnyOrder() =>
        Gen.Select(Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"].Array[1, 16_000], Gen.Int[20, 40], Gen.Int)
            .Sample((data, maxVersion, seed) =>
            {
                string uri = "wotid:1/" + new string(data);
                string[] parts;
                try
                {
                    parts = [.. InvitationQr.Split(uri, maxVersion)];
                }
                catch (ArgumentOutOfRangeException)
                {
                    return data.Length > 16 * 1000; // only long data at small versions may need over 16 codes
                }

                return InvitationQr.Join(QrDecoding.Shuffled(parts, seed)) == uri;
            });
}
