// The transfer rate shown next to the progress bar: bytes over a sliding window of the last few seconds of samples
// (so a stall shows as a falling rate, and a resumed transfer's earlier bytes do not count). Time is passed in, so it
// is a pure function of its samples.
using System;
using System.Collections.Generic;

namespace WotId.Cli.Commands.Files;

/// <summary>Rate over a sliding window.</summary>
internal sealed class RateMeter(TimeSpan window)
{
    private const int MaxSamples = 64;

    private readonly Queue<(TimeSpan At, long Bytes)> _samples = new();

    /// <summary>Adds a sample (time since any fixed origin, total bytes so far); returns the rate in bytes/s, or null before two samples.</summary>
    public double? Add(TimeSpan at, long bytes)
    {
        if (_samples.Count > 0 && (bytes < _samples.Peek().Bytes || at < _samples.Peek().At))
        {
            // Bytes went back (a restart resumed from an earlier durable chunk) or the clock did: start over.
            _samples.Clear();
        }

        _samples.Enqueue((at, bytes));
        while (_samples.Count > MaxSamples || (_samples.Count > 2 && at - _samples.Peek().At > window))
        {
            _samples.Dequeue();
        }

        (TimeSpan firstAt, long firstBytes) = _samples.Peek();
        double seconds = (at - firstAt).TotalSeconds;
        return _samples.Count < 2 || seconds <= 0 ? null : (bytes - firstBytes) / seconds;
    }
}
