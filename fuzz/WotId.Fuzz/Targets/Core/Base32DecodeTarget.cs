// Fuzz target: Base32.Decode (RFC 4648 lower, no padding) over the UTF-8 reading of the input.
using System;
using WotId.Core.Encoding;

namespace WotId.Fuzz.Targets.Core;

/// <summary>Feeds arbitrary input to <c>Base32.Decode</c>; only <see cref="FormatException"/> may escape the decoder.</summary>
public sealed class Base32DecodeTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "core-base32";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        string text = System.Text.Encoding.UTF8.GetString(input);
        try
        {
            _ = Base32.Decode(text);
        }
        catch (FormatException)
        {
            // Documented rejection.
        }
    }
}
