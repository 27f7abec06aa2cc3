// uvarint length-prefixed framing (multiformats/unsigned-varint; libp2p/specs identify/README.md): one row per
// rejection reason, round trips, and garbage that never escapes as anything but LengthPrefixedException.
using System;
using System.IO;
using System.Threading.Tasks;
using CsCheck;
using WotId.Libp2p.Protocols;

namespace WotId.Libp2p.Tests.Protocols;

public sealed class LengthPrefixedTests
{
    public static TheoryData<string, string, int, LengthPrefixedError> Rejections() => new()
    {
        { "length over the limit", "05" + "0102030405", 4, LengthPrefixedError.FrameTooLarge },
        { "huge length, no body", "ffffff7f", 1024, LengthPrefixedError.FrameTooLarge },
        { "end inside the prefix", "80", 1024, LengthPrefixedError.Truncated },
        { "end inside the body", "05" + "0102", 1024, LengthPrefixedError.Truncated },
        { "prefix longer than 4 bytes", "8080808001", 1024, LengthPrefixedError.BadVarint },
        { "non-minimal prefix", "8100", 1024, LengthPrefixedError.BadVarint },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task EachBadFrameIsRejectedWithItsReason(string what, string hex, int limit, LengthPrefixedError expected)
    {
        using var stream = new MemoryStream(Convert.FromHexString(hex));
        LengthPrefixedException ex = await Assert.ThrowsAsync<LengthPrefixedException>(async () => await LengthPrefixed.ReadAsync(stream, limit, default));
        Assert.True(expected == ex.Error, what);
        Assert.IsAssignableFrom<IOException>(ex);
    }

    [Fact]
    public async Task ATooLargeFrameIsRejectedBeforeItsBodyIsRead()
    {
        using var stream = new MemoryStream(Convert.FromHexString("05" + "0102030405"));
        await Assert.ThrowsAsync<LengthPrefixedException>(async () => await LengthPrefixed.ReadAsync(stream, 4, default));
        Assert.Equal(1, stream.Position);
    }

    [Fact]
    public async Task CleanEndBeforeAPrefixIsNullAndAnEmptyFrameIsEmpty()
    {
        using var empty = new MemoryStream();
        Assert.Null(await LengthPrefixed.ReadAsync(empty, 16, default));
        using var zero = new MemoryStream([0x00]);
        Assert.Empty((await LengthPrefixed.ReadAsync(zero, 16, default))!);
    }

    [Fact]
    public async Task AFrameExactlyAtTheLimitIsAccepted()
    {
        var stream = new MemoryStream();
        await LengthPrefixed.WriteAsync(stream, new byte[300], default);
        Assert.Equal([0xac, 0x02], stream.ToArray()[..2]);
        stream.Position = 0;
        Assert.Equal(300, (await LengthPrefixed.ReadAsync(stream, 300, default))!.Length);
    }

    [Fact]
    public void FramesRoundTripInSequence()
    {
        Gen.Byte.Array[0, 600].Array[1, 8].Sample(messages =>
        {
            var stream = new MemoryStream();
            foreach (byte[] m in messages)
            {
                LengthPrefixed.WriteAsync(stream, m, default).AsTask().GetAwaiter().GetResult();
            }

            stream.Position = 0;
            foreach (byte[] m in messages)
            {
                Assert.Equal(m, LengthPrefixed.ReadAsync(stream, 600, default).AsTask().GetAwaiter().GetResult());
            }

            Assert.Null(LengthPrefixed.ReadAsync(stream, 600, default).AsTask().GetAwaiter().GetResult());
        });
    }

    [Fact]
    public void GarbageOnlyEverFailsWithLengthPrefixedException()
    {
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            using var stream = new MemoryStream(bytes);
            try
            {
                while (LengthPrefixed.ReadAsync(stream, 16, default).AsTask().GetAwaiter().GetResult() is { } frame)
                {
                    Assert.True(frame.Length <= 16);
                }
            }
            catch (LengthPrefixedException)
            {
                // The documented rejection.
            }
        });
    }
}
