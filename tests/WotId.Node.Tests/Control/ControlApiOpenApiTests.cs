// The OpenAPI document the server publishes at /openapi/v1.json equals the committed docs/control-api.openapi.json,
// so a change to the API is a visible diff. To refresh the committed copy after a deliberate change, run this test
// with WOTID_UPDATE_OPENAPI=1.
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Testing;

namespace WotId.Node.Tests.Control;

public sealed class ControlApiOpenApiTests
{
    private static string CommittedPath => Path.Combine(RepositoryPaths.Root, "docs", "control-api.openapi.json");

    [Fact]
    public async Task ServedDocumentEqualsTheCommittedOne()
    {
        string served = await ServedDocumentAsync(tcp: false);
        if (Environment.GetEnvironmentVariable("WOTID_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served, ControlApiHarness.Ct);
        }

        string committed = (await File.ReadAllTextAsync(CommittedPath, ControlApiHarness.Ct)).ReplaceLineEndings("\n");
        Assert.Equal(committed, served);
    }

    [Fact]
    public async Task DocumentIsTheSameOverTcp() => Assert.Equal(await ServedDocumentAsync(tcp: false), await ServedDocumentAsync(tcp: true));

    [Fact]
    public async Task DocumentNeedsTheToken()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        using HttpClient raw = h.RawClient(withToken: false);
        using HttpResponseMessage response = await raw.GetAsync("openapi/v1.json", ControlApiHarness.Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DocumentDescribesEveryEndpointAndTheBearerScheme()
    {
        using JsonDocument document = JsonDocument.Parse(await ServedDocumentAsync(tcp: false));
        JsonElement paths = document.RootElement.GetProperty("paths");
        foreach (string path in new[]
        {
            "/v1/status", "/v1/contacts", "/v1/contacts/{contact}", "/v1/contacts/{contact}/accept-key", "/v1/invitation", "/v1/invitation/qr",
            "/v1/messages", "/v1/inbox", "/v1/conversations/{contact}", "/v1/messages/{id}/read", "/v1/events",
            "/v1/files", "/v1/files/upload", "/v1/files/{id}/accept", "/v1/files/{id}/decline", "/v1/files/{id}/cancel", "/v1/contacts/{contact}/file-auto-accept",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.False(document.RootElement.TryGetProperty("servers", out _));
    }

    private static async Task<string> ServedDocumentAsync(bool tcp)
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(tcp);
        using HttpClient raw = h.RawClient(withToken: true);
        string text = await raw.GetStringAsync("openapi/v1.json", ControlApiHarness.Ct);
        return text.ReplaceLineEndings("\n");
    }
}
