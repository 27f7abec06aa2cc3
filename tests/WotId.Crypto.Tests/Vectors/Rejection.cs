// How a Wycheproof "invalid" case counts as rejected: the API's documented failure modes only.
using System;

namespace WotId.Crypto.Tests.Vectors;

internal static class Rejection
{
    /// <summary>
    /// True when <paramref name="operation"/> rejects its input the documented way: it returns false
    /// (authentication or validation failure) or throws <see cref="ArgumentException"/> (misuse, e.g. a wrong length).
    /// Any other exception propagates and fails the test.
    /// </summary>
    public static bool IsRejected(Func<bool> operation)
    {
        try
        {
            return !operation();
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>True when <paramref name="operation"/> throws <see cref="ArgumentException"/>.</summary>
    public static bool Throws(Action operation) => IsRejected(() =>
    {
        operation();
        return true;
    });
}
