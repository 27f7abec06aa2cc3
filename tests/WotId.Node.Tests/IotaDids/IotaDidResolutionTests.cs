using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Identity.Keys;
using WotId.Node.IotaDids;
using WotId.Testing;
using WotId.Testing.Iota;

namespace WotId.Node.Tests.IotaDids;

/// <summary>
/// did:iota resolution through the node's JSON-RPC reader against a fixture IOTA node on 127.0.0.1 whose answers are
/// constructed fixtures (IotaIdentityFixtures; identity-wasm resolves from the same answers in the Identity interop tests).
/// </summary>
public sealed class IotaDidResolutionTests
{
    private const ulong CreatedMs = 1_767_323_045_123;
    private const ulong UpdatedMs = 1_767_323_046_999;
    private static readonly IotaDid s_did = IotaDid.FromObjectId("0x" + new string('a', 64), "a9c98038");
    private static readonly SigningKey s_key = SigningKey.FromSeed(KeyAlgorithm.MLDsa65, TestSeeds.Counting(40, 32));

    private static byte[] Packed(IotaDid did, bool deactivated = false) => IotaDidDocumentPacking.Pack(
        new DidDocumentBuilder(did.Value).AddSigningKey("sig", s_key.PublicKey).Build(),
        new IotaDocumentMetadata(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, deactivated ? true : null));

    private static FixtureJsonRpcServer Node(string chainId, Func<string, JsonObject> getObject) =>
        FixtureJsonRpcServer.Start((method, p) => method switch
        {
            "iota_getChainIdentifier" => JsonValue.Create(chainId),
            "iota_getObject" => getObject(p[0].GetString()!),
            _ => null,
        });

    private static JsonObject Identity(string objectId, byte[]? packed) =>
        IotaIdentityFixtures.IdentityObject(objectId, packed, CreatedMs, UpdatedMs);

    [Fact]
    public async Task AnIdentityObjectResolvesToItsDocumentWithTheChainTimestamps()
    {
        await using FixtureJsonRpcServer node = Node("a9c98038", id => Identity(id, Packed(s_did)));
        IotaDidResolver resolver = IotaRpcObjectReader.CreateResolver(node.Endpoint);

        IotaDidResolution resolution = await resolver.ResolveIotaAsync(s_did.Value, CancellationToken.None);

        Assert.Equal(DidResolutionError.None, resolution.Result.Error);
        DidDocument doc = resolution.Result.Document!;
        Assert.Equal(s_did.Value, doc.Id);
        Assert.True(doc.FindMethod("#sig", VerificationRelationship.AssertionMethod)!.PublicKey.SameAs(s_key.PublicKey));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)(CreatedMs / 1000)), resolution.Packed!.Metadata.Created);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)(UpdatedMs / 1000)), resolution.Packed.Metadata.Updated);
        Assert.Equal(["iota_getChainIdentifier", "iota_getObject"], node.Methods.ToArray());
    }

    [Fact]
    public async Task TheCompositeResolverAnswersDidIotaOnceAnIotaResolverIsRegistered()
    {
        await using FixtureJsonRpcServer node = Node("a9c98038", id => Identity(id, Packed(s_did)));
        var resolver = new DidResolver();
        Assert.Equal(DidResolutionError.MethodNotSupported, (await resolver.ResolveAsync(s_did.Value, CancellationToken.None)).Error);

        resolver.Register("iota", IotaRpcObjectReader.CreateResolver(node.Endpoint));
        Assert.Equal(s_did.Value, (await resolver.ResolveAsync(s_did.Value, CancellationToken.None)).Document!.Id);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("metadata")]
    public async Task ADeactivatedDidResolvesAsDeactivated(string how)
    {
        await using FixtureJsonRpcServer node = Node("a9c98038", id => Identity(id, how == "none" ? null : Packed(s_did, deactivated: true)));
        DidResolutionResult result = await IotaRpcObjectReader.CreateResolver(node.Endpoint).ResolveAsync(s_did.Value, CancellationToken.None);
        Assert.Equal(DidResolutionError.Deactivated, result.Error);
        Assert.Null(result.Document);
    }

    [Fact]
    public async Task AMissingObjectAndAnObjectOfAnotherTypeAreNotFound()
    {
        await using FixtureJsonRpcServer missing = Node("a9c98038", IotaIdentityFixtures.MissingObject);
        Assert.Equal(DidResolutionError.NotFound, (await IotaRpcObjectReader.CreateResolver(missing.Endpoint).ResolveAsync(s_did.Value, CancellationToken.None)).Error);

        await using FixtureJsonRpcServer coin = Node("a9c98038", id => IotaIdentityFixtures.IdentityObject(id, Packed(s_did), CreatedMs, UpdatedMs, module: "coin", name: "Coin"));
        Assert.Equal(DidResolutionError.NotFound, (await IotaRpcObjectReader.CreateResolver(coin.Endpoint).ResolveAsync(s_did.Value, CancellationToken.None)).Error);

        await using FixtureJsonRpcServer otherPackage = Node("a9c98038", id => Identity(id, Packed(s_did)));
        var pinned = IotaRpcObjectReader.CreateResolver(otherPackage.Endpoint, new IotaDidResolverOptions { IdentityPackageIds = ["0x" + new string('2', 64)] });
        Assert.Equal(DidResolutionError.NotFound, (await pinned.ResolveAsync(s_did.Value, CancellationToken.None)).Error);
    }

    [Fact]
    public async Task ADidOfAnotherNetworkIsNotLookedUp()
    {
        await using FixtureJsonRpcServer testnet = Node(IotaDidResolver.TestnetChainId, id => Identity(id, Packed(IotaDid.FromObjectId(id, "testnet"))));
        IotaDidResolver resolver = IotaRpcObjectReader.CreateResolver(testnet.Endpoint);

        DidResolutionResult wrong = await resolver.ResolveAsync(s_did.Value, CancellationToken.None);
        Assert.Equal(DidResolutionError.NotFound, wrong.Error);
        Assert.Contains("'testnet'", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("iota_getObject", testnet.Methods);
        Assert.Equal(DidResolutionError.NotFound, (await resolver.ResolveAsync("did:iota:0x" + new string('a', 64), CancellationToken.None)).Error);

        string testnetDid = "did:iota:testnet:0x" + new string('b', 64);
        Assert.Equal(testnetDid, (await resolver.ResolveAsync(testnetDid, CancellationToken.None)).Document!.Id);
    }

    [Fact]
    public async Task AnswersAreCachedUntilTheyExpire()
    {
        await using FixtureJsonRpcServer node = Node("a9c98038", id => Identity(id, Packed(s_did)));
        var time = new ManualTime(DateTimeOffset.UnixEpoch.AddDays(20_000));
        IotaDidResolver resolver = IotaRpcObjectReader.CreateResolver(node.Endpoint, new IotaDidResolverOptions { CacheTtl = TimeSpan.FromMinutes(5) }, time);

        await resolver.ResolveAsync(s_did.Value, CancellationToken.None);
        time.Now += TimeSpan.FromMinutes(4);
        await resolver.ResolveAsync(s_did.Value, CancellationToken.None);
        Assert.Equal(1, node.Methods.Count(m => m == "iota_getObject"));

        time.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(DidResolutionError.None, (await resolver.ResolveAsync(s_did.Value, CancellationToken.None)).Error);
        Assert.Equal(2, node.Methods.Count(m => m == "iota_getObject"));
    }

    [Fact]
    public async Task AnUnreachableNodeIsAnInternalErrorThatIsNotCached()
    {
        var endpoint = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/");
        IotaDidResolver resolver = IotaRpcObjectReader.CreateResolver(endpoint);
        DidResolutionResult result = await resolver.ResolveAsync(s_did.Value, CancellationToken.None);
        Assert.Equal(DidResolutionError.InternalError, result.Error);
        Assert.Contains("could not be read", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedPackedDocumentIsAnInvalidDocument()
    {
        byte[] broken = Packed(s_did);
        broken[3] = 9;
        await using FixtureJsonRpcServer node = Node("a9c98038", id => Identity(id, broken));
        DidResolutionResult result = await IotaRpcObjectReader.CreateResolver(node.Endpoint).ResolveAsync(s_did.Value, CancellationToken.None);
        Assert.Equal(DidResolutionError.InvalidDidDocument, result.Error);
    }

}
