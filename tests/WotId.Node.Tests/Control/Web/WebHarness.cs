// A real ControlApiServer with the web page on (127.0.0.1, random port) in front of a RecordingNode, and raw
// HttpClients that send exactly the headers a test chooses (no cookie container, no default headers).
using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Control;

namespace WotId.Node.Tests.Control.Web;

internal sealed class WebHarness : IAsyncDisposable
{
    private WebHarness(string home, IWotIdNode node, ControlApiServer server)
    {
        Home = home;
        AnyNode = node;
        Server = server;
    }

    internal string Home { get; }

    internal IWotIdNode AnyNode { get; }

    internal RecordingNode Node => (RecordingNode)AnyNode;

    internal ControlApiServer Server { get; }

    internal Uri WebAddress => Server.WebAddress ?? throw new InvalidOperationException("web is off");

    /// <summary>The one-time token in the fragment of the printed address.</summary>
    internal string OneTimeToken => WebAddress.Fragment["#token=".Length..];

    /// <summary>http://127.0.0.1:PORT, the page's own origin.</summary>
    internal string Origin => "http://127.0.0.1:" + Server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal string CookieName => "wotid_session_" + Server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task<WebHarness> StartAsync(IWotIdNode? node = null)
    {
        string home = ControlApiHarness.NewHome();
        node ??= new RecordingNode();
        ControlApiServer server = await ControlApiServer.StartAsync(node, home, new ControlApiOptions { Web = true }, ControlApiHarness.Ct);
        return new WebHarness(home, node, server);
    }

    internal HttpClient Raw() =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>POST /web/session as the page does it (same Origin, JSON body).</summary>
    internal static HttpRequestMessage Exchange(string origin, string token)
    {
        HttpRequestMessage request = new(HttpMethod.Post, "web/session") { Content = JsonContent.Create(new { token }) };
        request.Headers.Add("Origin", origin);
        return request;
    }

    /// <summary>Signs in with the one-time token: the session cookie value and the anti-CSRF value.</summary>
    internal async Task<(string Cookie, string Csrf)> SignInAsync(HttpClient raw)
    {
        using HttpResponseMessage response = await raw.SendAsync(Exchange(Origin, OneTimeToken), ControlApiHarness.Ct);
        response.EnsureSuccessStatusCode();
        string setCookie = string.Join(';', response.Headers.GetValues("Set-Cookie"));
        string cookie = setCookie.Split(';')[0].Split('=', 2)[1];
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ControlApiHarness.Ct));
        return (cookie, body.RootElement.GetProperty("csrf").GetString()!);
    }

    /// <summary>A GET with the session cookie and, when given, the anti-CSRF header.</summary>
    internal HttpRequestMessage WithSession(string path, string cookie, string? csrf)
    {
        HttpRequestMessage request = new(HttpMethod.Get, path);
        request.Headers.Add("Cookie", CookieName + "=" + cookie);
        if (csrf is not null)
        {
            request.Headers.Add("X-Wotid-Csrf", csrf);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (AnyNode is SimulatedNode simulated)
        {
            await simulated.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Home, recursive: true);
        }
        catch (System.IO.IOException)
        {
            // Left for the OS to clean.
        }
    }
}
