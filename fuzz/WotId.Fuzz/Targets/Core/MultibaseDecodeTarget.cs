// Fuzz target: Multibase.Decode over the UTF-8 reading of the input.
using System;
using WotId.Core.Encoding;

namespace WotId.Fuzz.Targets.Core;

/// <summary>Feeds arbitrary input to <c>Multibase.Decode</c>; only <see cref="FormatException"/> may escape the decoder.</summary>
public sealed class MultibaseDecodeTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "core-multibase";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        string text = System.Text.Encoding.UTF8.GetString(input);
        try
        {
            _ = Multibase.Decode(text);
        }
        catch (FormatException)
        {
            // Documented rejection.
        }
    }
}
