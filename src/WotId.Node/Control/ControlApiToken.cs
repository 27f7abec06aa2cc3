// The control API's bearer token (docs/node.md "Control API"): 32 random bytes, base64url, made at start, written to
// control.token (0600) for the owner's other processes, compared in constant time.
using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WotId.Node.Control;

/// <summary>One server run's token.</summary>
internal sealed class ControlApiToken
{
    private const int TokenBytes = 32;
    private readonly byte[] _expected;

    private ControlApiToken(string value)
    {
        Value = value;
        _expected = Encoding.ASCII.GetBytes(value);
    }

    /// <summary>The token text (43 base64url characters). Written only to control.token, never logged.</summary>
    public string Value { get; }

    public static ControlApiToken Create()
    {
        Span<byte> random = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(random);
        string value = Base64Url.EncodeToString(random);
        CryptographicOperations.ZeroMemory(random);
        return new ControlApiToken(value);
    }

    /// <summary>Whether an Authorization header value is <c>Bearer &lt;token&gt;</c>; constant time in the token.</summary>
    public bool Matches(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length > scheme.Length + 256)
        {
            return false;
        }

        ReadOnlySpan<char> presented = authorization.AsSpan(scheme.Length).Trim();
        Span<byte> bytes = stackalloc byte[256 * 3];
        int length = Encoding.UTF8.GetBytes(presented, bytes);
        return CryptographicOperations.FixedTimeEquals(bytes[..length], _expected);
    }

    public override string ToString() => "ControlApiToken(****)";
}
