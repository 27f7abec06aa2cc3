// The receiver's space check before a stream (docs/files.md "Disk full at the receiver"): the rest of the file must fit
// in the free space plus what the partial file holds beyond the durable offset (cut before the stream writes).
using System.IO;
using WotId.Node.Files;
using WotId.Node.Runtime;

namespace WotId.Node.Tests.Runtime;

public sealed class PartialSpaceTests
{
    [Theory]
    [InlineData(3_000_000, 0, 0, 3_000_000, true)] // exactly the rest
    [InlineData(3_000_000, 0, 0, 2_999_999, false)] // one byte short
    [InlineData(3_000_000, 1_000_000, 1_000_000, 2_000_000, true)] // the durable prefix is already there
    [InlineData(3_000_000, 1_000_000, 1_500_000, 1_500_000, true)] // 500,000 bytes past the offset are cut first
    [InlineData(3_000_000, 1_000_000, 1_500_000, 1_499_999, false)]
    [InlineData(3_000_000, 1_000_000, 9_000_000, 0, true)] // a stale tail longer than the rest gives it all back
    [InlineData(3_000_000, 3_000_000, 3_000_000, 0, true)] // nothing left to write
    [InlineData(0, 0, 0, 0, true)] // a zero-byte file
    public void TheRestFitsWhenFreeSpaceAndTheCutTailCoverIt(long size, long durable, long partialLength, long available, bool fits) =>
        Assert.Equal(fits, PartialSpace.RestFits(size, durable, partialLength, available));

    [Fact]
    public void UnknownFreeSpaceIsLeftToTheWrites() => Assert.True(PartialSpace.RestFits(long.MaxValue, 0, 0, available: null));

    [Fact]
    public void AFileLargerThanTheDiskIsRefusedWithDiskFullBeforeAnyByte()
    {
        using var t = new TestProfiles();
        string partial = Path.Combine(t.Root, "partial", "transfer");
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        long? free = PartialSpace.Available(Path.GetDirectoryName(partial)!);
        Assert.NotNull(free);
        Assert.InRange(free.Value, 1, long.MaxValue);

        FileTransferException e = Assert.Throws<FileTransferException>(() => PartialSpace.EnsureRestFits(free.Value + (1L << 40), 0, partial));
        Assert.Equal(FileTransferError.DiskFull, e.Error);
        Assert.False(File.Exists(partial));
        PartialSpace.EnsureRestFits(1024, 0, partial); // a kilobyte fits
    }
}
