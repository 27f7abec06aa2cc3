using System;

namespace WotId.Fuzz;

/// <summary>
/// One fuzz target: a decoder of untrusted bytes. <see cref="Run"/> must swallow only the decoder's documented
/// format exception; anything else escaping is a finding.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name used on the command line.</summary>
    string Name { get; }

    /// <summary>Feeds one input to the decoder.</summary>
    void Run(ReadOnlySpan<byte> input);
}
