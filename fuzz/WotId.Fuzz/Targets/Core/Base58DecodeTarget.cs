// Fuzz target: Base58.Decode (bitcoin alphabet) over the UTF-8 reading of the input.
using System;
using WotId.Core.Encoding;

namespace WotId.Fuzz.Targets.Core;

/// <summary>Feeds arbitrary input to <c>Base58.Decode</c>; only <see cref="FormatException"/> may escape the decoder.</summary>
public sealed class Base58DecodeTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "core-base58";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        string text = System.Text.Encoding.UTF8.GetString(input);
        try
        {
            _ = Base58.Decode(text);
        }
        catch (FormatException)
        {
            // Documented rejection.
        }
    }
}
