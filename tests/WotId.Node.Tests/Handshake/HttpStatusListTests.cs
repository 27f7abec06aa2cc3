// Revocation over real HTTP on 127.0.0.1: the issuer's status list credential is served by StatusListServer and
// fetched, verified and cached by HttpStatusListProvider; revoking makes the next handshake (after the cache's max
// age) fail with Revoked; an unreachable server falls back to the configured policy.
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Libp2p.Host;
using WotId.Node.Handshake;
using WotId.Node.Handshake.Status;
using WotId.Testing;

namespace WotId.Node.Tests.Handshake;

public sealed class HttpStatusListTests
{
    private const string ListPath = "/lists/1";
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RevokingMakesTheNextHandshakeFailWithRevokedOnceTheCacheExpires()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using StatusListServer http = StatusListServer.Start();
        using var world = new HandshakeWorld(listUrl: http.UrlFor(ListPath));
        http.Publish(ListPath, world.Issuer.IssueStatusListCredential());
        var cacheClock = new ManualTime(DateTimeOffset.UtcNow);
        using var client = new HttpClient();
        var provider = new HttpStatusListProvider(client, new HttpStatusListProviderOptions { MaxAge = TimeSpan.FromMinutes(5), TimeProvider = cacheClock });
        HandshakeParty alice = world.NewParty();
        await using TestNode server = await TestNode.StartAsync(world.NewParty().Identity(), world.Policy(provider));
        await using TestNode dialler = await TestNode.StartAsync(alice.Identity(), world.Policy(provider));

        Assert.True((await HandshakeOnceAsync(dialler, server, cts.Token)).Succeeded);
        int fetchedBefore = http.RequestCount;
        Assert.True(world.Issuer.Revoke(alice.CredentialId));
        http.Publish(ListPath, world.Issuer.IssueStatusListCredential());

        Assert.True((await HandshakeOnceAsync(dialler, server, cts.Token)).Succeeded);
        Assert.Equal(fetchedBefore, http.RequestCount);

        cacheClock.Now += TimeSpan.FromMinutes(6);
        HandshakeEvent revoked = await HandshakeOnceAsync(dialler, server, cts.Token);
        Assert.Equal(HandshakeFailureReason.Revoked, revoked.Failure!.Reason);
        Assert.True(http.RequestCount > fetchedBefore);
    }

    [Fact]
    public async Task UnreachableServerFailsClosedByDefault()
    {
        using var world = new HandshakeWorld(listUrl: "http://127.0.0.1:1/lists/1");
        using var client = new HttpClient();
        var provider = new HttpStatusListProvider(client);

        Assert.Null(await provider.GetAsync(world.Issuer.State.StatusListUrl, default));
        Assert.Equal(1, provider.FailedFetches);
    }

    [Fact]
    public async Task StaleCopyIsUsedWhileUnreachableUpToTheLimit()
    {
        StatusListServer http = StatusListServer.Start();
        string url = http.UrlFor(ListPath);
        using var world = new HandshakeWorld(listUrl: url);
        string published = world.Issuer.IssueStatusListCredential();
        http.Publish(ListPath, published);
        var clock = new ManualTime(DateTimeOffset.UtcNow);
        using var client = new HttpClient();
        var provider = new HttpStatusListProvider(client, new HttpStatusListProviderOptions
        {
            MaxAge = TimeSpan.FromMinutes(1),
            WhenUnavailable = StatusListFallback.UseStaleUpTo(TimeSpan.FromHours(1)),
            TimeProvider = clock,
        });
        Assert.Equal(published, await provider.GetAsync(url, default));
        await http.DisposeAsync();

        clock.Now += TimeSpan.FromMinutes(30);
        Assert.Equal(published, await provider.GetAsync(url, default));
        clock.Now += TimeSpan.FromMinutes(31);
        Assert.Null(await provider.GetAsync(url, default));
        Assert.Equal(2, provider.FailedFetches);
    }

    [Fact]
    public async Task ListSignedBySomeoneElseIsRefusedAndKeepsTheVerifiedCopy()
    {
        await using StatusListServer http = StatusListServer.Start();
        string url = http.UrlFor(ListPath);
        using var world = new HandshakeWorld(listUrl: url);
        string genuine = world.Issuer.IssueStatusListCredential();
        http.Publish(ListPath, genuine);
        var clock = new ManualTime(DateTimeOffset.UtcNow);
        using var client = new HttpClient();
        var provider = new HttpStatusListProvider(client, new HttpStatusListProviderOptions
        {
            MaxAge = TimeSpan.FromMinutes(1),
            WhenUnavailable = StatusListFallback.UseStaleUpTo(TimeSpan.FromHours(1)),
            TimeProvider = clock,
        });
        Assert.Equal(genuine, await provider.GetAsync(url, default));

        // Another key claims the issuer's DID: the signature cannot verify against the issuer's did:key.
        using SigningKey forger = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        string forged = ForgeAsIssuer(world, forger);
        http.Publish(ListPath, forged);
        clock.Now += TimeSpan.FromMinutes(2);

        Assert.Equal(genuine, await provider.GetAsync(url, default));
        Assert.Equal(1, provider.FailedFetches);
    }

    [Fact]
    public async Task ServerAnswersOnlyPublishedPaths()
    {
        await using StatusListServer http = StatusListServer.Start();
        using var client = new HttpClient();
        http.Publish(ListPath, "a.b.c");

        using HttpResponseMessage found = await client.GetAsync(http.UrlFor(ListPath));
        using HttpResponseMessage missing = await client.GetAsync(http.UrlFor("/lists/2"));
        Assert.Equal(System.Net.HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("application/vc+jwt", found.Content.Headers.ContentType!.MediaType);
        Assert.Equal("a.b.c", await found.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("127.0.0.1", http.BaseAddress.Host);
    }

    private static string ForgeAsIssuer(HandshakeWorld world, SigningKey forger)
    {
        byte[] payload = WotId.Identity.Status.StatusListCredential.Write(world.Issuer.Did, world.Issuer.State.StatusListUrl, "revocation", world.Issuer.State.List, DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()), null);
        var header = new WotId.Identity.Jose.JwsHeader(forger.Algorithm, world.IssuerKey.KeyId, WotId.Identity.Credentials.CredentialTerms.VcJwtType);
        return WotId.Identity.Jose.CompactJws.Sign(header, payload, forger);
    }

    private static async Task<HandshakeEvent> HandshakeOnceAsync(TestNode dialler, TestNode server, CancellationToken cancellationToken)
    {
        Task<HandshakeEvent> onServer = server.NextHandshakeAsync(cancellationToken);
        Task<HandshakeEvent> onDialler = dialler.NextHandshakeAsync(cancellationToken);
        Libp2pConnection c = await dialler.Host.DialAsync(server.Address, cancellationToken);
        HandshakeEvent result = await onServer;
        await onDialler;
        await c.CloseAsync();
        await c.Completion.WaitAsync(cancellationToken);
        while (server.Host.Connections.Count > 0)
        {
            await Task.Delay(10, cancellationToken);
        }

        return result;
    }
}
