using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using QRCoder;
using WotId.Node.Invitations;

namespace WotId.Node.Tests.Invitations;

/// <summary>QR parts of invitations, their terminal rendering, and reading them back with an independent decoder.</summary>
public sealed class InvitationQrTests
{
    private static readonly Lazy<string> s_uri = new(() => InvitationCodec.Encode(InvitationFixture.Full(), InvitationFixture.Key));

    [Fact]
    public async Task RenderedCodesDecodeToTheExactPartsAndJoinToAVerifiedInvitation()
    {
        IReadOnlyList<string> parts = InvitationQr.Split(s_uri.Value);
        var scanned = new List<string>();
        foreach (string part in parts)
        {
            string rendered = InvitationQr.Render(part);
            string decoded = QrDecoding.Decode(rendered, darkModulesDrawn: false);
            Assert.Equal(part, decoded);
            scanned.Add(decoded);
        }

        TestContext.Current.SendDiagnosticMessage($"URI {s_uri.Value.Length} characters → {parts.Count} QR codes, version {QrDecoding.Version(InvitationQr.Render(parts[0]))}");
        string joined = InvitationQr.Join(QrDecoding.Shuffled(scanned, 3));
        Assert.Equal(s_uri.Value, joined);
        Invitation invitation = await new InvitationFixture().Verifier.VerifyAsync(joined, TestContext.Current.CancellationToken);
        Assert.Equal(InvitationFixture.Key.Did, invitation.Did);
    }

    [Fact]
    public void RenderingForLightBackgroundsDecodesToo()
    {
        const string text = "WOTID:1/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        Assert.Equal(text, QrDecoding.Decode(InvitationQr.Render(text, darkModulesDrawn: true), darkModulesDrawn: true));
    }

    [Fact]
    public void RenderingHasAQuietZoneAndTwoModuleRowsALine()
    {
        const string text = "WOTID:1/AAAA";
        string rendered = InvitationQr.Render(text);
        bool[,] modules = QrDecoding.Modules(rendered, darkModulesDrawn: false);
        int size = modules.GetLength(1);
        string[] lines = rendered.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(21 + 8, size); // version 1 plus 4 quiet modules each side
        Assert.Equal((size + 1) / 2, lines.Length);
        for (int i = 0; i < size; i++)
        {
            for (int q = 0; q < 4; q++)
            {
                Assert.False(modules[q, i] || modules[i, q] || modules[size - 1 - q, i] || modules[i, size - 1 - q]);
            }
        }
    }

    [Theory]
    [InlineData(40, 3)]
    [InlineData(30, 5)]
    [InlineData(25, 7)]
    public void EveryPartFitsTheRequestedVersion(int maxVersion, int documentedCount)
    {
        IReadOnlyList<string> parts = InvitationQr.Split(s_uri.Value, maxVersion);
        Assert.Equal(documentedCount, parts.Count); // the table in docs/node.md "QR codes"
        foreach (string part in parts)
        {
            using QRCodeData data = QRCodeGenerator.GenerateQrCode(part, QRCodeGenerator.ECCLevel.L);
            Assert.True(data.Version <= maxVersion, $"part needs version {data.Version}");
        }

        Assert.Equal(s_uri.Value, InvitationQr.Join(parts));
    }

    [Fact]
    public void SplittingIntoTooManyCodesIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InvitationQr.Split(s_uri.Value, maxVersion: 10));
    }

    [Fact]
    public void AShortUriIsOneCodeInUpperCase()
    {
        IReadOnlyList<string> parts = InvitationQr.Split("wotid:1/MFRGG");
        Assert.Equal(["WOTID:1/MFRGG"], parts);
        Assert.Equal("wotid:1/MFRGG", InvitationQr.Join(parts));
    }

    [Fact]
    public void CapacityTableMatchesTheVersionsQrCoderChooses()
    {
        for (int version = 1; version <= QrCapacity.MaxVersion; version++)
        {
            int capacity = QrCapacity.Alphanumeric(version);
            using QRCodeData fits = QRCodeGenerator.GenerateQrCode(new string('A', capacity), QRCodeGenerator.ECCLevel.L);
            Assert.Equal(version, fits.Version);
            if (version < QrCapacity.MaxVersion)
            {
                using QRCodeData over = QRCodeGenerator.GenerateQrCode(new string('A', capacity + 1), QRCodeGenerator.ECCLevel.L);
                Assert.Equal(version + 1, over.Version);
            }
        }
    }

    public static TheoryData<string> JoinFailures() => new(s_joinFailures.Keys);

    [Theory]
    [MemberData(nameof(JoinFailures))]
    public void JoiningBadPartsFailsWithInvalidQrParts(string row)
    {
        InvitationException e = Assert.Throws<InvitationException>(() => InvitationQr.Join(s_joinFailures[row]()));
        Assert.Equal(InvitationError.InvalidQrParts, e.Error);
    }

    [Fact]
    public void RepeatedScansOfTheSamePartAreIgnored()
    {
        IReadOnlyList<string> parts = InvitationQr.Split(s_uri.Value);
        Assert.Equal(s_uri.Value, InvitationQr.Join([.. parts, parts[0], parts[^1]]));
    }

    private static readonly Dictionary<string, Func<IReadOnlyList<string>>> s_joinFailures = new()
    {
        ["nothing scanned"] = () => [],
        ["a part missing"] = () => InvitationQr.Split(s_uri.Value).Skip(1).ToArray(),
        ["parts of two invitations"] = () => [InvitationQr.Split(s_uri.Value)[0], .. InvitationQr.Split(OtherUri()).Skip(1)],
        ["same number, different chunk"] = () => [.. InvitationQr.Split(s_uri.Value), ChangeFirstChunkCharacter(InvitationQr.Split(s_uri.Value)[0])],
        ["chunk altered (set hash mismatch)"] = () => [ChangeFirstChunkCharacter(InvitationQr.Split(s_uri.Value)[0]), .. InvitationQr.Split(s_uri.Value).Skip(1)],
        ["part number zero"] = () => ["WOTID:1/P/0/2/AAAAAAAA/AAAA", "WOTID:1/P/1/2/AAAAAAAA/AAAA"],
        ["part number with a leading zero"] = () => ["WOTID:1/P/01/2/AAAAAAAA/AAAA"],
        ["more parts than allowed"] = () => ["WOTID:1/P/1/17/AAAAAAAA/AAAA"],
        ["count of one"] = () => ["WOTID:1/P/1/1/AAAAAAAA/AAAA", "WOTID:1/P/1/1/AAAAAAAA/AAAA"],
        ["lower-case chunk"] = () => ["WOTID:1/P/1/2/AAAAAAAA/aaaa"],
        ["extra field"] = () => ["WOTID:1/P/1/2/AAAAAAAA/AAAA/AAAA"],
        ["too many scans"] = () => Enumerable.Repeat(InvitationQr.Split(s_uri.Value)[0], InvitationQr.MaxScannedTexts + 1).ToArray(),
    };

    private static string OtherUri() =>
        InvitationCodec.Encode(InvitationFixture.Full() with { DisplayName = "Bob" }, InvitationFixture.Key);

    private static string ChangeFirstChunkCharacter(string part)
    {
        int i = part.LastIndexOf('/') + 1;
        return string.Concat(part.AsSpan(0, i), part[i] == 'A' ? "B" : "A", part.AsSpan(i + 1));
    }
}
