using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WotId.Core.Encoding;
using WotId.Identity.Dids;
using WotId.Identity.Keys;
using WotId.Node.Invitations;

namespace WotId.Node.Tests.Invitations;

/// <summary>
/// A second writer of the binary form, written from the byte table in docs/node.md "Invitations" rather than from
/// the codec, with every field open to corruption. Each field is the bytes after its own length prefix (or the
/// raw byte), so a test breaks exactly one thing and re-signs.
/// </summary>
internal sealed class RawInvitation
{
    public byte Version { get; set; } = 1;

    public byte? Flags { get; set; }

    public byte[]? Name { get; set; } = Encoding.UTF8.GetBytes("Alice");

    public byte DidForm { get; set; }

    public byte[] Did { get; set; } = Multikey.EncodeBytes(InvitationFixture.Key.PublicKey);

    public byte[] PeerId { get; set; } = InvitationFixture.PeerId.Bytes.ToArray();

    public List<byte[]> Addresses { get; } = InvitationFixture.Addresses.Select(a => a.ToBytes()).ToList();

    public byte[]? Mailbox { get; set; } = [1, .. InvitationFixture.Mailbox.MailboxId.Span, 10, .. "mailbox.db"u8];

    public byte[] Bundle { get; set; } = InvitationFixture.Bundle.Serialize();

    public long Created { get; set; } = InvitationFixture.Created.ToUnixTimeSeconds();

    public long Expires { get; set; } = InvitationFixture.Created.AddDays(30).ToUnixTimeSeconds();

    public byte[]? Signature { get; set; }

    public byte[] Trailer { get; set; } = [];

    public static byte[] Lp(ReadOnlySpan<byte> bytes) => [.. Varint.Encode((ulong)bytes.Length), .. bytes];

    public byte[] Body()
    {
        var b = new List<byte> { Version, Flags ?? (byte)((Name is null ? 0 : 1) | (Mailbox is null ? 0 : 2)) };
        if (Name is not null)
        {
            b.AddRange(Lp(Name));
        }

        b.Add(DidForm);
        b.AddRange(Lp(Did));
        b.AddRange(Lp(PeerId));
        b.Add((byte)Addresses.Count);
        foreach (byte[] a in Addresses)
        {
            b.AddRange(Lp(a));
        }

        if (Mailbox is not null)
        {
            b.AddRange(Mailbox);
        }

        b.AddRange(Lp(Bundle));
        b.AddRange(BigEndian(Created));
        b.AddRange(BigEndian(Expires));
        return [.. b];
    }

    /// <summary>Body ‖ lp(signature) ‖ trailer, signed by <paramref name="key"/> over the context and the body unless a signature is set.</summary>
    public byte[] Build(SigningKey? key = null)
    {
        byte[] body = Body();
        byte[] signature = Signature ?? (key ?? InvitationFixture.Key).Sign([.. "wot.id/invitation/v1"u8, .. body]);
        return [.. body, .. Lp(signature), .. Trailer];
    }

    public string Uri(SigningKey? key = null) => ToUri(Build(key));

    public static string ToUri(byte[] binary) => "wotid:1/" + Base32.Encode(binary).ToUpperInvariant();

    private static byte[] BigEndian(long value)
    {
        byte[] b = BitConverter.GetBytes(value);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(b);
        }

        return b;
    }
}
