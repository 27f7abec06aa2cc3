using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Fuzz;

namespace WotId.Fuzz.Tests;

/// <summary>
/// Every fuzz target gets the empty input and short and long random inputs. A target only lets through exceptions
/// that are findings, so any escape fails here.
/// </summary>
public sealed class FuzzTargetSmokeTests
{
    private const int Iterations = 3000;

    public static TheoryData<string> TargetNames()
    {
        var data = new TheoryData<string>();
        foreach (IFuzzTarget target in FuzzTargets.All)
        {
            data.Add(target.Name);
        }

        return data;
    }

    [Fact]
    public void EveryTargetHasAUniqueName()
    {
        List<string> names = FuzzTargets.All.Select(t => t.Name).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void TargetSurvivesRandomInputs(string name)
    {
        IFuzzTarget target = FuzzTargets.Find(name)!;
        var random = new Random(name.Aggregate(17, (h, c) => unchecked((h * 31) + c)));
        target.Run(ReadOnlySpan<byte>.Empty);
        for (int i = 0; i < Iterations; i++)
        {
            int length = i % 10 == 0 ? random.Next(0, 4096) : random.Next(0, 64);
            var input = new byte[length];
            random.NextBytes(input);
            if (i % 3 == 0 && length > 0)
            {
                // Bias toward small values that decoders treat as lengths, tags and type bytes.
                for (int j = 0; j < length; j++)
                {
                    input[j] = (byte)(input[j] % 8);
                }
            }

            target.Run(input);
        }
    }
}
