// The web page's access rules (docs/node.md "Chat in the browser", "Security") against a real server on 127.0.0.1:
// the one-time token, the session cookie and its anti-CSRF header, Origin and Sec-Fetch-Site, the Host check against
// DNS rebinding, and the security headers. Bearer-token clients keep working beside the page.
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using WotId.Node.Control;

namespace WotId.Node.Tests.Control.Web;

public sealed class WebSecurityTests
{
    private const string Csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    [Fact]
    public async Task PrintedAddressIsLoopbackWithATokenInTheFragment()
    {
        await using WebHarness h = await WebHarness.StartAsync();
        Assert.True(h.Server.UsesTcp);
        Assert.Equal("127.0.0.1", h.WebAddress.Host);
        Assert.Equal("/", h.WebAddress.AbsolutePath);
        Assert.Empty(h.WebAddress.Query);
        Assert.Equal(43, h.OneTimeToken.Length);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task PageFilesAreServedWithStrictHeaders(string path, string mediaType)
    {
        await using WebHarness h = await WebHarness.StartAsync();
        using HttpClient raw = h.Raw();
        using HttpResponseMessage response = await raw.GetAsync(path, ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        string body = await response.Content.ReadAsStringAsync(ControlApiHarness.Ct);
        Assert.DoesNotContain("http://", body.Replace("http://www.w3.org", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiErrorsCarryTheSecurityHeadersToo()
    {
        await using WebHarness h = await WebHarness.StartAsync();
        using HttpClient raw = h.Raw();
        using HttpResponseMessage response = await raw.GetAsync("v1/status", ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task NoTokenAndNoCookieIsRefused()
    {
        await using WebHarness h = await WebHarness.StartAsync();
        using HttpClient raw = h.Raw();
        using HttpResponseMessage session = await raw.GetAsync("web/session", ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(session, HttpStatusCode.Unauthorized, "unauthorized");
        using HttpResponseMessage events = await raw.GetAsync("v1/events", HttpCompletionOption.ResponseHeadersRead, ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, events.StatusCode);
        Assert.Empty(h.Node.Calls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task WrongOneTimeTokenIsRefusedAndSetsNoCookie(string token)
    {
        await using WebHarness h = await WebHarness.StartAsync();
        using HttpClient raw = h.Raw();
        using HttpResponseMessage response = await raw.SendAsync(WebHarness.Exchange(h.Origin, token), ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.False(response.Headers.Contains("Set-Cookie"));

        // A wrong guess does not burn the real token.
        (string cookie, _) = await h.SignInAsync(raw);
        Assert.False(string.IsNullOrEmpty(cookie));
    }

    [Fact]
    public async Task OneTimeTokenWorksOnceAndSetsAStrictHttpOnlyCookie()
    {
        await using WebHarness h = await WebHarness.StartAsync();
        using HttpClient raw = h.Raw();
        using HttpResponseMessage first = await raw.SendAsync(WebHarness.Exchange(h.Origin, h.OneTimeToken), ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        string setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(h.CookieName + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(h.OneTimeToken, setCookie, StringComparison.Ordinal);

        using HttpResponseMessage again = await raw.SendAsync(WebHarness.Exchange(h.Origin, h.OneTimeToken), ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(again, HttpStatusCode.Unauthorized, "link_used");
        Assert.False(again.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task SessionCookieNeedsItsCsrfHeader()
    {
        await using WebHarness h = await WebHarness.StartAsync();
        using HttpClient raw = h.Raw();
        (string cookie, string csrf) = await h.SignInAsync(raw);

        using HttpResponseMessage without = await raw.SendAsync(h.WithSession("v1/status", cookie, csrf: null), ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(without, HttpStatusCode.Forbidden, "csrf_required");
        using HttpResponseMessage wrong = await raw.SendAsync(h.WithSession("v1/status", cookie, csrf: cookie), ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(wrong, HttpStatusCode.Forbidden, "csrf_required");
        Assert.Empty(h.Node.Calls);

        using HttpResponseMessage right = await raw.SendAsync(h.WithSession("v1/status", cookie, csrf), ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(["status"], h.Node.Calls);

        // The page's other tabs and reloads get the same value back with the cookie alone.
        using HttpResponseMessage resumed = await raw.SendAsync(h.WithSession("web/session", cookie, csrf: null), ControlApiHarness.Ct);
        Assert.Contains(csrf, await resumed.Content.ReadAsStringAsync(ControlApiHarness.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventStreamTakesTheCsrfValueInTheQueryAndNothingElseDoes()
    {
        await using WebHarness h = await WebHarness.StartAsync();
        using HttpClient raw = h.Raw();
        (string cookie, string csrf) = await h.SignInAsync(raw);
        string query = "?csrf=" + Uri.EscapeDataString(csrf);

        using HttpResponseMessage status = await raw.SendAsync(h.WithSession("v1/status" + query, cookie, csrf: null), ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(status, HttpStatusCode.Forbidden, "csrf_required");
        using HttpResponseMessage wrong = await raw.SendAsync(h.WithSession("v1/events?csrf=x", cookie, csrf: null), HttpCompletionOption.ResponseHeadersRead, ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);

        using HttpResponseMessage events = await raw.SendAsync(h.WithSession("v1/events" + query, cookie, csrf: null), HttpCompletionOption.ResponseHeadersRead, ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnotherOriginIsRefused()
    {
        await using WebHarness h = await WebHarness.StartAsync();
        using HttpClient raw = h.Raw();

        using HttpResponseMessage foreign = await raw.SendAsync(WebHarness.Exchange("http://evil.example", h.OneTimeToken), ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(foreign, HttpStatusCode.Forbidden, "forbidden_origin");
        using HttpResponseMessage otherPort = await raw.SendAsync(WebHarness.Exchange("http://127.0.0.1:1", h.OneTimeToken), ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(otherPort, HttpStatusCode.Forbidden, "forbidden_origin");
        using HttpRequestMessage noOrigin = WebHarness.Exchange(h.Origin, h.OneTimeToken);
        noOrigin.Headers.Remove("Origin");
        using HttpResponseMessage missing = await raw.SendAsync(noOrigin, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(missing, HttpStatusCode.Forbidden, "forbidden_origin");

        // None of them used the token up.
        (string cookie, string csrf) = await h.SignInAsync(raw);

        using HttpRequestMessage fromAnotherSite = h.WithSession("v1/status", cookie, csrf);
        fromAnotherSite.Headers.Add("Origin", "http://evil.example");
        using HttpResponseMessage refused = await raw.SendAsync(fromAnotherSite, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(refused, HttpStatusCode.Forbidden, "forbidden_origin");

        using HttpRequestMessage crossSite = h.WithSession("v1/status", cookie, csrf);
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using HttpResponseMessage refusedToo = await raw.SendAsync(crossSite, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(refusedToo, HttpStatusCode.Forbidden, "forbidden_origin");
        Assert.Empty(h.Node.Calls);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/web/session")]
    [InlineData("/v1/status")]
    public async Task RebindingHostIsRefused(string path)
    {
        await using WebHarness h = await WebHarness.StartAsync();
        using HttpClient raw = h.Raw();
        (string cookie, string csrf) = await h.SignInAsync(raw);
        using HttpRequestMessage request = h.WithSession(path, cookie, csrf);
        request.Headers.Host = "evil.example:" + h.Server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using HttpResponseMessage response = await raw.SendAsync(request, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.MisdirectedRequest, "misdirected_request");
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task BearerClientsKeepWorkingBesideThePage()
    {
        await using WebHarness h = await WebHarness.StartAsync();
        await using ControlApiClient client = await ControlApiClient.TryConnectAsync(h.Home, ControlApiHarness.Ct) ?? throw new InvalidOperationException("no node answers");
        Assert.Equal("alice", (await client.GetStatusAsync(ControlApiHarness.Ct)).Name);
    }

    [Fact]
    public async Task WithoutTheOptionThereIsNoPageAndNoSession()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(tcp: true);
        Assert.Null(h.Server.WebAddress);
        using HttpClient raw = h.RawClient(withToken: false);
        using HttpResponseMessage page = await raw.GetAsync("/", ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        using HttpResponseMessage session = await raw.GetAsync("web/session", ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, session.StatusCode);
        using HttpClient authorized = h.RawClient(withToken: true);
        using HttpResponseMessage none = await authorized.GetAsync("/", ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(Csp, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
