// How transfers and their progress look on a terminal (`wotid send-file`, `wotid files`, `wotid chat`): sizes in SI
// units (1 MB = 1,000,000 bytes, as file managers show them), rates per second, an ETA, a text progress bar, the line
// of a finished transfer. Pure functions of their arguments, so the tests pin every format.
using System;
using System.Globalization;
using System.Text;

namespace WotId.Cli.Commands.Files;

/// <summary>Formats sizes, rates, ETAs and progress lines.</summary>
internal static class TransferText
{
    private static readonly string[] s_units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    /// <summary>A size: "0 B", "999 B", "1.0 kB", "2.1 MB", "10 GB" (three significant digits at most).</summary>
    public static string Size(long bytes)
    {
        if (bytes < 1000)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        double value = bytes;
        int unit = 0;
        while (value >= 999.5 && unit < s_units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        string number = value >= 99.95 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture);
        return number + " " + s_units[unit];
    }

    /// <summary>A rate, "12.3 MB/s"; "–" when unknown.</summary>
    public static string Rate(double? bytesPerSecond) =>
        bytesPerSecond is double r && double.IsFinite(r) && r >= 0 ? Size((long)Math.Round(r)) + "/s" : "–";

    /// <summary>The time left: "0:42", "12:05", "1:02:03", "3d 4h"; "--:--" when unknown (no rate yet).</summary>
    public static string Eta(long remaining, double? bytesPerSecond)
    {
        if (remaining <= 0)
        {
            return "0:00";
        }

        if (bytesPerSecond is not double r || !double.IsFinite(r) || r <= 0)
        {
            return "--:--";
        }

        double seconds = Math.Ceiling(remaining / r);
        if (seconds >= 100 * 86400)
        {
            return ">99d";
        }

        TimeSpan t = TimeSpan.FromSeconds(seconds);
        return t.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalDays}d {t.Hours}h")
            : t.TotalHours >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
                : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
    }

    /// <summary>Whole percent done, 0..100 (a zero-byte file is 100 % once done, 0 % before).</summary>
    public static int Percent(long bytes, long size) =>
        size <= 0 ? (bytes >= size ? 100 : 0) : (int)Math.Clamp(Math.Floor(bytes * 100.0 / size), 0, 100);

    /// <summary>A bar of <paramref name="width"/> cells: '█' done, '░' to do.</summary>
    public static string Bar(long bytes, long size, int width)
    {
        int done = size <= 0 ? (bytes >= size ? width : 0) : (int)Math.Clamp(Math.Floor(bytes * (double)width / size), 0, width);
        return new StringBuilder(width).Append('█', done).Append('░', width - done).ToString();
    }

    /// <summary>One progress line: "[████░░░░] 42%  2.1 MB / 5.0 MB  1.2 MB/s  ETA 0:03".</summary>
    public static string ProgressLine(long bytes, long size, double? bytesPerSecond, int barWidth = 24) =>
        $"[{Bar(bytes, size, barWidth)}] {Percent(bytes, size),3}%  {Size(bytes)} / {Size(size)}  {Rate(bytesPerSecond)}  ETA {Eta(size - bytes, bytesPerSecond)}";

    /// <summary>
    /// The line of a whole file: "[████████] 100%  5.0 MB / 5.0 MB  1.2 MB/s", with the average rate of the transfer, or
    /// without a rate when there is none to show (it took no measurable time); no ETA.
    /// </summary>
    public static string DoneLine(long bytes, long size, double? averageBytesPerSecond, int barWidth = 24)
    {
        string line = $"[{Bar(bytes, size, barWidth)}] {Percent(bytes, size),3}%  {Size(bytes)} / {Size(size)}";
        return averageBytesPerSecond is double r && double.IsFinite(r) && r > 0 ? line + "  " + Rate(r) : line;
    }

    /// <summary>
    /// The short form of a transfer id shown in tables: its last 8 characters. Ids are UUIDv7 (RFC 9562 §5.7), whose
    /// leading characters are the creation time and shared by transfers made within a minute, and whose trailing ones
    /// are random; the short form, and any other unique prefix or suffix, is accepted back (<see cref="TransferIds"/>).
    /// </summary>
    public static string ShortId(string id) => id.Length <= 8 ? id : id[^8..];
}
