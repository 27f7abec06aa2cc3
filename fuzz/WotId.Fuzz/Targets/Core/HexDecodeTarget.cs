// Fuzz target: Hex.Decode over the UTF-8 reading of the input.
using System;
using WotId.Core.Encoding;

namespace WotId.Fuzz.Targets.Core;

/// <summary>Feeds arbitrary input to <c>Hex.Decode</c>; only <see cref="FormatException"/> may escape the decoder.</summary>
public sealed class HexDecodeTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "core-hex";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        string text = System.Text.Encoding.UTF8.GetString(input);
        try
        {
            _ = Hex.Decode(text);
        }
        catch (FormatException)
        {
            // Documented rejection.
        }
    }
}
