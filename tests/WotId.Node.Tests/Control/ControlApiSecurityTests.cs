// Who may use the control API (docs/node.md "Control API"), checked with raw HTTP requests over the real socket:
// the bearer token, the Host check against DNS rebinding, the Origin check against cross-site requests, the body
// limit, owner-only files, files removed on stop, and no CORS.
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace WotId.Node.Tests.Control;

[UnsupportedOSPlatform("windows")]
public sealed class ControlApiSecurityTests
{
    [Fact]
    public async Task MissingTokenIsUnauthorized()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: false);
        using HttpResponseMessage response = await raw.GetAsync("v1/status", ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Empty(h.Node.Calls);
    }

    [Theory]
    [InlineData("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer x")]
    public async Task WrongTokenIsUnauthorized(string authorization)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: false);
        using HttpRequestMessage request = new(HttpMethod.Get, "v1/contacts");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using HttpResponseMessage response = await raw.SendAsync(request, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task TokenFromAnEarlierStartIsUnauthorized()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        string first = h.Token;
        Assert.Equal(43, first.Length);
        await h.StopServerAsync();
        await using WotId.Node.Control.ControlApiServer again = await WotId.Node.Control.ControlApiServer.StartAsync(h.Node, h.Home, null, ControlApiHarness.Ct);
        Assert.NotEqual(first, h.Token);
        using HttpClient raw = new(WotId.Node.Control.ControlApiEndpoint.ForSocket(again.SocketPath).CreateHandler()) { BaseAddress = again.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first);
        using HttpResponseMessage response = await raw.GetAsync("v1/status", ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:8080")]
    [InlineData("localhost.evil.example")]
    [InlineData("127.0.0.2")]
    [InlineData("127.0.0.1.evil.example")]
    public async Task ForeignHostIsMisdirected(string host)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(tcp: true);
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpRequestMessage request = new(HttpMethod.Get, "v1/status");
        request.Headers.Host = host;
        using HttpResponseMessage response = await raw.SendAsync(request, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.MisdirectedRequest, "misdirected_request");
        Assert.Empty(h.Node.Calls);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:1234")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:65535")]
    public async Task LocalHostNamesAreServed(string host)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpRequestMessage request = new(HttpMethod.Get, "v1/status");
        request.Headers.Host = host;
        using HttpResponseMessage response = await raw.SendAsync(request, ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("null")]
    [InlineData("https://localhost")]
    [InlineData("http://localhost:1")]
    public async Task ForeignOriginIsForbidden(string origin)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpRequestMessage request = new(HttpMethod.Post, "v1/messages")
        {
            Content = new StringContent("""{"to":"bob","text":"hi"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Origin", origin);
        using HttpResponseMessage response = await raw.SendAsync(request, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden_origin");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task SameOriginIsServedWithoutCorsHeaders()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(tcp: true);
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpRequestMessage request = new(HttpMethod.Get, "v1/status");
        request.Headers.TryAddWithoutValidation("Origin", $"http://127.0.0.1:{h.Server.BaseAddress.Port}");
        using HttpResponseMessage response = await raw.SendAsync(request, ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task OversizedBodyIsTooLarge()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        string body = JsonSerializer.Serialize(new { to = "bob", text = new string('x', 200_000) });
        using StringContent content = new(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await raw.PostAsync("v1/messages", content, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task OversizedChunkedBodyIsTooLarge()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        byte[] body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { to = "bob", text = new string('x', 200_000) }));
        using StreamContent content = new(new MemoryStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpRequestMessage request = new(HttpMethod.Post, "v1/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage response = await raw.SendAsync(request, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task WrongMethodIsAnError()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.DeleteAsync("v1/status", ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Empty(h.Node.Calls);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task NonJsonBodyIsRefused(string mediaType)
    {
        // A browser form or text/plain "simple request" can never reach the node.
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using StringContent content = new("""{"to":"bob","text":"hi"}""", Encoding.UTF8, mediaType);
        using HttpResponseMessage response = await raw.PostAsync("v1/messages", content, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Empty(h.Node.Calls);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"to":"bob"}""")]
    [InlineData("""{"to":null,"text":"hi"}""")]
    [InlineData("""{"to":"bob","text":""}""")]
    [InlineData("[1,2,3]")]
    public async Task MalformedBodyIsInvalidInput(string body)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using StringContent content = new(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await raw.PostAsync("v1/messages", content, ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.BadRequest, "invalid_input");
        Assert.Empty(h.Node.Calls);
    }

    [Fact]
    public async Task UnknownPathIsNotFoundInTheErrorShape()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: true);
        using HttpResponseMessage response = await raw.GetAsync("v2/anything", ControlApiHarness.Ct);
        await ControlApiHarness.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task FilesAreOwnerOnlyAndRemovedOnStop()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        string socket = Path.Combine(h.Home, "control.sock");
        string token = Path.Combine(h.Home, "control.token");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(token));
        Assert.False(File.Exists(Path.Combine(h.Home, "control.json")));
        Assert.Empty(Directory.GetFiles(h.Home, "*.tmp"));

        await h.StopServerAsync();
        Assert.False(File.Exists(socket));
        Assert.False(File.Exists(token));
        Assert.False(h.Node.Disposed);
    }

    [Fact]
    public async Task TcpFilesAreOwnerOnlyAndRemovedOnStop()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(tcp: true);
        string endpoint = Path.Combine(h.Home, "control.json");
        string token = Path.Combine(h.Home, "control.token");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(endpoint));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(token));
        using JsonDocument json = JsonDocument.Parse(await File.ReadAllTextAsync(endpoint, ControlApiHarness.Ct));
        Assert.Equal(h.Server.BaseAddress.ToString(), json.RootElement.GetProperty("url").GetString());
        Assert.False(File.Exists(Path.Combine(h.Home, "control.sock")));

        await h.StopServerAsync();
        Assert.False(File.Exists(endpoint));
        Assert.False(File.Exists(token));
    }
}
