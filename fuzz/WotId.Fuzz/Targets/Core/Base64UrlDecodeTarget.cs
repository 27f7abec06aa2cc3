// Fuzz target: Base64Url.Decode (no padding) over the UTF-8 reading of the input.
using System;
using WotId.Core.Encoding;

namespace WotId.Fuzz.Targets.Core;

/// <summary>Feeds arbitrary input to <c>Base64Url.Decode</c>; only <see cref="FormatException"/> may escape the decoder.</summary>
public sealed class Base64UrlDecodeTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "core-base64url";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        string text = System.Text.Encoding.UTF8.GetString(input);
        try
        {
            _ = Base64Url.Decode(text);
        }
        catch (FormatException)
        {
            // Documented rejection.
        }
    }
}
