// One operation under a dudect-style timing test (DudectConsole).
using System;

namespace WotId.Benchmarks.ConstantTime;

/// <summary>The operation to time: called with the input class (0 fixed, 1 random) and an index into that class's pool.</summary>
internal sealed record DudectCase(Action<int, int> Operation);
