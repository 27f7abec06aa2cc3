using System;
using System.Collections.Generic;
using System.Linq;

namespace WotId.Fuzz;

/// <summary>The registry of fuzz targets: every <see cref="IFuzzTarget"/> in this assembly, ordered by name.</summary>
public static class FuzzTargets
{
    /// <summary>One instance of every target, ordered by <see cref="IFuzzTarget.Name"/>.</summary>
    public static IReadOnlyList<IFuzzTarget> All { get; } = typeof(FuzzTargets).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && !t.IsInterface && typeof(IFuzzTarget).IsAssignableFrom(t))
        .Select(t => (IFuzzTarget)Activator.CreateInstance(t)!)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static IFuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
