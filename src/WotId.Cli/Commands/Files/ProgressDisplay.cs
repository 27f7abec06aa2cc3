// The progress bar of `wotid send-file` on standard error. On a terminal the line is redrawn in place (carriage
// return, at most 10 times a second); elsewhere (a pipe, a log file) a full line is printed at most every 5 seconds,
// so the output stays readable. The line of the whole file is drawn once, whenever it comes (the last progress event,
// the completion, a read of the transfer's record), with the average rate of the transfer instead of the sliding one
// and no ETA; without a rate when the transfer took no measurable time.
using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace WotId.Cli.Commands.Files;

/// <summary>Draws <see cref="TransferText.ProgressLine"/> as bytes arrive, and <see cref="TransferText.DoneLine"/> once at the end.</summary>
internal sealed class ProgressDisplay(TextWriter writer, bool interactive, long size, Stopwatch clock)
{
    private static readonly TimeSpan s_redraw = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_logLine = TimeSpan.FromSeconds(5);

    /// <summary>Shorter transfers show no rate: the node reports progress at most every 100 ms (docs/files.md), so the time of one is not measured.</summary>
    private static readonly TimeSpan s_measurable = TimeSpan.FromMilliseconds(100);

    private readonly RateMeter _rate = new(TimeSpan.FromSeconds(5));
    private TimeSpan _drawnAt = TimeSpan.MinValue;
    private int _drawnLength;
    private (TimeSpan At, long Bytes)? _start;
    private bool _done;

    /// <summary>The contact accepted and the bytes start to flow from <paramref name="bytes"/> (a resumed transfer's offset): the average rate counts from here.</summary>
    public void Started(long bytes) => _start = (clock.Elapsed, bytes);

    public async Task ProgressAsync(long bytes)
    {
        if (_done)
        {
            return;
        }

        TimeSpan now = clock.Elapsed;
        if (_start is not { } start || bytes < start.Bytes)
        {
            _start = start = (now, bytes);
        }

        string line;
        if (bytes >= size)
        {
            // Done: the whole file once, however many events still say so.
            _done = true;
            TimeSpan took = now - start.At;
            line = TransferText.DoneLine(bytes, size, took >= s_measurable && bytes > start.Bytes ? (bytes - start.Bytes) / took.TotalSeconds : null);
        }
        else
        {
            double? rate = _rate.Add(now, bytes);
            if (_drawnAt != TimeSpan.MinValue && now - _drawnAt < (interactive ? s_redraw : s_logLine))
            {
                return;
            }

            line = TransferText.ProgressLine(bytes, size, rate);
        }

        _drawnAt = now;
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
