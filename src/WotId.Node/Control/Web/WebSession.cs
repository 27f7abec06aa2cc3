// Browser sign-in of the web page (docs/node.md "Chat in the browser"). The address `wotid run --web` prints carries
// a one-time token in its fragment (never sent in a request line, a Referer or a log). The page sends it once in a
// POST body to /web/session and receives an HttpOnly, SameSite=Strict session cookie plus an anti-CSRF value that it
// must echo in the X-Wotid-Csrf header of every API call. Both live only in memory: a restarted node (another port,
// other values) knows neither, and the page asks for the new address.
using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace WotId.Node.Control.Web;

/// <summary>The one-time token, and the one browser session it was exchanged for, of one server run.</summary>
internal sealed class WebSession
{
    /// <summary>The header that carries the anti-CSRF value.</summary>
    public const string CsrfHeader = "X-Wotid-Csrf";

    /// <summary>The query parameter that carries it for EventSource, which cannot set headers.</summary>
    public const string CsrfQuery = "csrf";

    private const int SecretBytes = 32;
    private const int MaxPresentedChars = 256;
    private readonly Lock _gate = new();
    private string? _oneTime;
    private string? _session;
    private string? _csrf;

    private WebSession(string oneTime) => _oneTime = oneTime;

    /// <summary>Outcome of an exchange.</summary>
    internal enum ExchangeResult
    {
        Exchanged,
        WrongToken,
        AlreadyUsed,
    }

    /// <summary>The token for the printed address (read once by the server at start; never logged).</summary>
    public string OneTimeToken { get; private init; } = string.Empty;

    public static WebSession Create()
    {
        string oneTime = NewSecret();
        return new WebSession(oneTime) { OneTimeToken = oneTime };
    }

    /// <summary>The cookie name; it names the port because browsers share cookies among all ports of a host.</summary>
    public static string CookieName(int port) => "wotid_session_" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Consumes the one-time token: on success returns the new session id and anti-CSRF value.</summary>
    public ExchangeResult Exchange(string? presented, out string session, out string csrf)
    {
        session = csrf = string.Empty;
        lock (_gate)
        {
            if (_oneTime is null)
            {
                return ExchangeResult.AlreadyUsed;
            }

            if (!FixedTimeEquals(presented, _oneTime))
            {
                return ExchangeResult.WrongToken;
            }

            _oneTime = null;
            _session = session = NewSecret();
            _csrf = csrf = NewSecret();
            return ExchangeResult.Exchanged;
        }
    }

    /// <summary>Whether <paramref name="cookie"/> is this run's session.</summary>
    public bool IsSession(string? cookie)
    {
        lock (_gate)
        {
            return _session is not null && FixedTimeEquals(cookie, _session);
        }
    }

    /// <summary>The anti-CSRF value for a request that carries the session cookie (null when it does not).</summary>
    public string? CsrfFor(string? cookie)
    {
        lock (_gate)
        {
            return _session is not null && FixedTimeEquals(cookie, _session) ? _csrf : null;
        }
    }

    /// <summary>Whether the cookie is the session and <paramref name="presentedCsrf"/> its anti-CSRF value.</summary>
    public bool Authorizes(string? cookie, string? presentedCsrf)
    {
        lock (_gate)
        {
            return _session is not null && _csrf is not null && FixedTimeEquals(cookie, _session) & FixedTimeEquals(presentedCsrf, _csrf);
        }
    }

    public override string ToString() => "WebSession(****)";

    private static string NewSecret()
    {
        Span<byte> random = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(random);
        string value = Base64Url.EncodeToString(random);
        CryptographicOperations.ZeroMemory(random);
        return value;
    }

    private static bool FixedTimeEquals(string? presented, string expected)
    {
        if (presented is null || presented.Length > MaxPresentedChars)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxPresentedChars * 3];
        int length = Encoding.UTF8.GetBytes(presented, bytes);
        return CryptographicOperations.FixedTimeEquals(bytes[..length], Encoding.ASCII.GetBytes(expected));
    }
}
