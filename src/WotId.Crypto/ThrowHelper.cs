using System;
using System.Diagnostics.CodeAnalysis;

namespace WotId.Crypto;

/// <summary>Caller-bug exceptions in one place (house style, point 7a). Messages never contain key material.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowLength(string paramName, int expected, int actual) =>
        throw new ArgumentException($"expected {expected} bytes, got {actual}", paramName);

    [DoesNotReturn]
    public static void ThrowTooSmall(string paramName, int needed) =>
        throw new ArgumentException($"destination needs at least {needed} bytes", paramName);

    public static void CheckLength(ReadOnlySpan<byte> value, int expected, string paramName)
    {
        if (value.Length != expected)
        {
            ThrowLength(paramName, expected, value.Length);
        }
    }

    public static void CheckDestination(Span<byte> destination, int needed, string paramName)
    {
        if (destination.Length < needed)
        {
            ThrowTooSmall(paramName, needed);
        }
    }
}
