// Welch's t-test over two classes of timing measurements, as dudect computes it (Reparaz, Balasch, Verbauwhede,
// "Dude, is my code constant time?", DATE 2017, §II): online means and variances (Welford) per class, and the same
// statistic again over measurements cropped at several percentiles of the first batch, because the upper tail of
// timing distributions is mostly noise from the operating system.
using System;
using System.Collections.Generic;
using System.Linq;

namespace WotId.Benchmarks.ConstantTime;

/// <summary>Accumulates (class, duration) pairs and reports the largest |t| over the uncropped and cropped sets.</summary>
public sealed class WelchTTest
{
    private static readonly double[] Percentiles = [0.50, 0.75, 0.90, 0.95, 0.99];

    private readonly Moments[] _uncropped = [new(), new()];
    private readonly Moments[][] _cropped = Percentiles.Select(_ => new Moments[] { new(), new() }).ToArray();
    private double[]? _thresholds;

    /// <summary>Measurements added so far.</summary>
    public long Count => _uncropped[0].N + _uncropped[1].N;

    /// <summary>
    /// Sets the cropping thresholds from a first batch of durations (both classes together), as dudect does once it
    /// has enough measurements.
    /// </summary>
    public void SetThresholds(IReadOnlyList<double> firstBatch)
    {
        double[] sorted = firstBatch.Order().ToArray();
        _thresholds = Percentiles.Select(p => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))]).ToArray();
    }

    /// <summary>Adds one measurement of class 0 (fixed input) or 1 (random input).</summary>
    public void Add(int inputClass, double duration)
    {
        _uncropped[inputClass].Add(duration);
        if (_thresholds is null)
        {
            return;
        }

        for (int i = 0; i < _thresholds.Length; i++)
        {
            if (duration < _thresholds[i])
            {
                _cropped[i][inputClass].Add(duration);
            }
        }
    }

    /// <summary>The largest |t| over the uncropped set and every cropped set with data in both classes.</summary>
    public double MaxAbsT()
    {
        double max = Math.Abs(T(_uncropped));
        foreach (Moments[] pair in _cropped)
        {
            if (pair[0].N > 1 && pair[1].N > 1)
            {
                max = Math.Max(max, Math.Abs(T(pair)));
            }
        }

        return max;
    }

    /// <summary>Means of the two uncropped classes (fixed, random).</summary>
    public (double Fixed, double Random) Means => (_uncropped[0].Mean, _uncropped[1].Mean);

    private static double T(Moments[] pair)
    {
        Moments a = pair[0], b = pair[1];
        if (a.N < 2 || b.N < 2)
        {
            return 0;
        }

        double denominator = Math.Sqrt((a.Variance / a.N) + (b.Variance / b.N));
        return denominator == 0 ? 0 : (a.Mean - b.Mean) / denominator;
    }

    private sealed class Moments
    {
        private double _m2;

        public long N { get; private set; }

        public double Mean { get; private set; }

        public double Variance => N > 1 ? _m2 / (N - 1) : 0;

        public void Add(double x)
        {
            N++;
            double delta = x - Mean;
            Mean += delta / N;
            _m2 += delta * (x - Mean);
        }
    }
}
