// The progress formats of `wotid send-file` and `wotid files` (pure functions): sizes, rates, ETAs, percent, bar, and
// the sliding-window rate.
using System;
using WotId.Cli.Commands.Files;

namespace WotId.Cli.Tests.Files;

public sealed class TransferTextTests
{
    [Theory]
    [InlineData(0L, "0 B")]
    [InlineData(999L, "999 B")]
    [InlineData(1000L, "1.0 kB")]
    [InlineData(1234L, "1.2 kB")]
    [InlineData(99_949L, "99.9 kB")]
    [InlineData(99_950L, "100 kB")]
    [InlineData(999_499L, "999 kB")]
    [InlineData(999_500L, "1.0 MB")]
    [InlineData(999_950L, "1.0 MB")]
    [InlineData(2_100_000L, "2.1 MB")]
    [InlineData(1L << 30, "1.1 GB")]
    [InlineData(5L * 1000 * 1000 * 1000 * 1000, "5.0 TB")]
    [InlineData(long.MaxValue, "9.2 EB")]
    public void SizeUsesThreeSignificantDigits(long bytes, string expected) => Assert.Equal(expected, TransferText.Size(bytes));

    [Theory]
    [InlineData(null, "–")]
    [InlineData(double.NaN, "–")]
    [InlineData(-1.0, "–")]
    [InlineData(0.0, "0 B/s")]
    [InlineData(12_345_678.9, "12.3 MB/s")]
    public void RateFormats(double? rate, string expected) => Assert.Equal(expected, TransferText.Rate(rate));

    [Theory]
    [InlineData(0L, null, "0:00")]
    [InlineData(100L, null, "--:--")]
    [InlineData(100L, 0.0, "--:--")]
    [InlineData(100L, 1000.0, "0:01")]
    [InlineData(42_000L, 1000.0, "0:42")]
    [InlineData(725_000L, 1000.0, "12:05")]
    [InlineData(3_723_000L, 1000.0, "1:02:03")]
    [InlineData(273_600_000L, 1000.0, "3d 4h")]
    [InlineData(long.MaxValue, 1.0, ">99d")]
    public void EtaFormats(long remaining, double? rate, string expected) => Assert.Equal(expected, TransferText.Eta(remaining, rate));

    [Theory]
    [InlineData(0L, 0L, 100)]
    [InlineData(0L, 10L, 0)]
    [InlineData(9L, 10L, 90)]
    [InlineData(999L, 1000L, 99)]
    [InlineData(10L, 10L, 100)]
    [InlineData(11L, 10L, 100)]
    [InlineData(5L << 32, 6L << 32, 83)]
    public void PercentIsWholeAndClamped(long bytes, long size, int expected) => Assert.Equal(expected, TransferText.Percent(bytes, size));

    [Fact]
    public void BarAndLine()
    {
        Assert.Equal("██░░░░░░░░", TransferText.Bar(25, 100, 10));
        Assert.Equal("██████████", TransferText.Bar(0, 0, 10));
        Assert.Equal("[██████░░░░░░░░░░░░░░░░░░]  25%  1.0 MB / 4.0 MB  1.0 MB/s  ETA 0:03", TransferText.ProgressLine(1_000_000, 4_000_000, 1_000_000));
    }

    [Fact]
    public void TheDoneLineHasTheAverageRateOrNoneAndNoEta()
    {
        Assert.Equal("[████████████████████████] 100%  5.0 MB / 5.0 MB  1.2 MB/s", TransferText.DoneLine(5_000_000, 5_000_000, 1_234_567));
        Assert.Equal("[████████████████████████] 100%  1 B / 1 B", TransferText.DoneLine(1, 1, null));
        Assert.Equal("[████████████████████████] 100%  0 B / 0 B", TransferText.DoneLine(0, 0, 0.0));
    }

    [Fact]
    public void ShortIdIsTheLastEightCharacters()
    {
        Assert.Equal("3f2a9c0e", TransferText.ShortId("0193f1a2-7c00-7000-8000-00003f2a9c0e"));
        Assert.Equal("abc", TransferText.ShortId("abc"));
    }

    [Fact]
    public void RateMeterAveragesOverItsWindowAndRestartsWhenBytesGoBack()
    {
        RateMeter meter = new(TimeSpan.FromSeconds(5));
        Assert.Null(meter.Add(TimeSpan.Zero, 0));
        Assert.Equal(1000.0, meter.Add(TimeSpan.FromSeconds(1), 1000));
        Assert.Equal(1500.0, meter.Add(TimeSpan.FromSeconds(2), 3000));

        // Samples older than the window drop out: only 4 s .. 10 s count.
        meter.Add(TimeSpan.FromSeconds(4), 5000);
        Assert.Equal(500.0, meter.Add(TimeSpan.FromSeconds(10), 8000));

        // A resume from an earlier durable chunk: the rate starts over.
        Assert.Null(meter.Add(TimeSpan.FromSeconds(11), 4000));
        Assert.Equal(2000.0, meter.Add(TimeSpan.FromSeconds(12), 6000));
    }
}
