// The progress bar of `wotid send-file` on standard error. On a terminal the line is redrawn in place (carriage
// return, at most 10 times a second); elsewhere (a pipe, a log file) a full line is printed at most every 5 seconds,
// so the output stays readable.
using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Files;

/// <summary>Draws <see cref="TransferText.ProgressLine"/> as bytes arrive.</summary>
internal sealed class ProgressDisplay(TextWriter writer, bool interactive, long size, Stopwatch clock)
{
    private static readonly TimeSpan s_redraw = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_logLine = TimeSpan.FromSeconds(5);

    private readonly RateMeter _rate = new(TimeSpan.FromSeconds(5));
    private TimeSpan _drawnAt = TimeSpan.MinValue;
    private int _drawnLength;

    public async Task ProgressAsync(long bytes, bool force = false)
    {
        TimeSpan now = clock.Elapsed;
        double? rate = _rate.Add(now, bytes);
        if (!force && _drawnAt != TimeSpan.MinValue && now - _drawnAt < (interactive ? s_redraw : s_logLine))
        {
            return;
        }

        _drawnAt = now;
        string line = TransferText.ProgressLine(bytes, size, rate);
        if (interactive)
        {
            await writer.WriteAsync("\r" + line.PadRight(_drawnLength)).ConfigureAwait(false);
            _drawnLength = line.Length;
        }
        else
        {
            await writer.WriteLineAsync(line).ConfigureAwait(false);
        }

        await writer.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Ends the bar's line (on a terminal) and prints <paramref name="message"/> on a line of its own.</summary>
    public async Task MessageAsync(string message)
    {
        if (interactive && _drawnLength > 0)
        {
            await writer.WriteLineAsync().ConfigureAwait(false);
            _drawnLength = 0;
        }

        if (message.Length > 0)
        {
            await writer.WriteLineAsync(message).ConfigureAwait(false);
        }

        await writer.FlushAsync().ConfigureAwait(false);
    }
}
