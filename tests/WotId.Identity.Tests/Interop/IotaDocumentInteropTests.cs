using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Testing;
using WotId.Testing.Iota;

namespace WotId.Identity.Tests.Interop;

/// <summary>
/// Packed did:iota documents against @iota/identity-wasm 1.9.7-beta.1 (interop/identity/iota-document.mjs) in both
/// directions: the library's IotaDocument.pack() bytes unpack here and re-pack byte for byte, and bytes packed here
/// are read by the library's own resolver (over a fixture JSON-RPC server) and re-packed by it identically.
/// </summary>
public sealed class IotaDocumentInteropTests
{
    private static readonly DateTimeOffset s_created = DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset s_updated = s_created.AddSeconds(1);

    [Fact]
    public async Task LibraryPackedDocumentsUnpackAndRepackByteForByte()
    {
        JsonElement answer = await RunAsync("samples");
        List<JsonElement> samples = [.. answer.GetProperty("samples").EnumerateArray()];
        Assert.Equal(7, samples.Count);
        foreach (JsonElement sample in samples)
        {
            string name = sample.GetProperty("name").GetString()!;
            byte[] packed = Hex.Decode(sample.GetProperty("packed").GetString()!);
            IotaDid did = IotaDid.Parse(sample.GetProperty("did").GetString()!);

            IotaPackedDocument unpacked = IotaDidDocumentPacking.Unpack(packed, did);
            Assert.True(sample.GetProperty("doc").GetRawText() == unpacked.DocumentJson, name + ": document JSON differs from the library's");
            byte[] repacked = IotaDidDocumentPacking.Pack(unpacked.DocumentJson, unpacked.Metadata);
            Assert.True(packed.AsSpan().SequenceEqual(repacked), name + ": re-packed bytes differ from the library's");
            Assert.Equal(name == "everything", unpacked.IsDeactivated);
            Assert.Equal(s_created, unpacked.Metadata.Created);
        }
    }

    [Theory]
    [InlineData("ml-dsa-44", KeyAlgorithm.MLDsa44)]
    [InlineData("ml-dsa-65", KeyAlgorithm.MLDsa65)]
    [InlineData("ml-dsa-87", KeyAlgorithm.MLDsa87)]
    public async Task LibraryMlDsaMethodsReadAsAssertionKeys(string name, KeyAlgorithm algorithm)
    {
        JsonElement sample = (await RunAsync("samples")).GetProperty("samples").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        IotaDid did = IotaDid.Parse(sample.GetProperty("did").GetString()!);
        DidDocument doc = IotaDidDocumentPacking.Unpack(Hex.Decode(sample.GetProperty("packed").GetString()!), did).ToDidDocument();

        VerificationMethod method = Assert.Single(doc.VerificationMethods);
        Assert.Equal(algorithm, method.PublicKey.Algorithm);
        Assert.Same(method, doc.FindMethod("#" + name, VerificationRelationship.AssertionMethod));
        string pub = sample.GetProperty("doc").GetProperty("assertionMethod")[0].GetProperty("publicKeyJwk").GetProperty("pub").GetString()!;
        Assert.Equal(Base64Url.Decode(pub), method.PublicKey.Key.ToArray());
    }

    [Theory]
    [InlineData("ed25519", "#ed", KeyAlgorithm.Ed25519)]
    [InlineData("id-MLDSA44-Ed25519", "#hybrid44", KeyAlgorithm.MLDsa44Ed25519)]
    [InlineData("id-MLDSA65-Ed25519", "#hybrid65", KeyAlgorithm.MLDsa65Ed25519)]
    public async Task LibraryEd25519AndCompositeMethodsReadAsAssertionKeys(string name, string fragment, KeyAlgorithm algorithm)
    {
        JsonElement sample = (await RunAsync("samples")).GetProperty("samples").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        IotaDid did = IotaDid.Parse(sample.GetProperty("did").GetString()!);
        DidDocument doc = IotaDidDocumentPacking.Unpack(Hex.Decode(sample.GetProperty("packed").GetString()!), did).ToDidDocument();

        VerificationMethod method = Assert.Single(doc.VerificationMethods);
        Assert.Equal(algorithm, method.PublicKey.Algorithm);
        Assert.Same(method, doc.FindMethod(fragment, VerificationRelationship.AssertionMethod));
        JsonElement jwk = sample.GetProperty("doc").GetProperty("assertionMethod")[0];
        byte[] expected = algorithm == KeyAlgorithm.Ed25519
            ? Base64Url.Decode(jwk.GetProperty("publicKeyJwk").GetProperty("x").GetString()!)
            : [.. Base64Url.Decode(jwk.GetProperty("compositeJwk").GetProperty("pqPublicKey").GetProperty("pub").GetString()!),
               .. Base64Url.Decode(jwk.GetProperty("compositeJwk").GetProperty("traditionalPublicKey").GetProperty("x").GetString()!)];
        Assert.Equal(expected, method.PublicKey.Key.ToArray());
    }

    [Fact]
    public async Task LibraryResolverReadsDocumentsPackedHereAndRepacksThemIdentically()
    {
        // The library's "everything" document (Ed25519, ML-DSA-65, composite, service, controllers, custom
        // properties) and a wot.id DidDocument with Multikey ML-DSA-65 and X25519 keys, both packed here.
        JsonElement everything = (await RunAsync("samples")).GetProperty("samples").EnumerateArray().Last();
        IotaDid libraryDid = IotaDid.Parse(everything.GetProperty("did").GetString()!);
        var cases = new List<(IotaDid Did, byte[] Packed)>
        {
            (libraryDid, IotaDidDocumentPacking.Pack(everything.GetProperty("doc").GetRawText(), new IotaDocumentMetadata(s_created, s_updated, deactivated: false))),
            WotIdDocument(),
        };

        foreach ((IotaDid did, byte[] packed) in cases)
        {
            await using FixtureJsonRpcServer node = FixtureJsonRpcServer.Start((method, _) => method switch
            {
                "iota_getChainIdentifier" => JsonValue.Create(did.HasExplicitNetwork ? did.Network : IotaIdentityFixtures.MainnetChainId),
                "iota_getObject" => IotaIdentityFixtures.IdentityObject(did.ObjectId, packed, (ulong)s_created.ToUnixTimeMilliseconds(), (ulong)s_updated.ToUnixTimeMilliseconds()),
                _ => null,
            });

            JsonElement resolved = await RunAsync("resolve", node.Endpoint.ToString(), IotaIdentityFixtures.PackageId, did.Value);
            Assert.Equal(Hex.Encode(packed), resolved.GetProperty("packed").GetString());
            Assert.Equal(IotaDidDocumentPacking.Unpack(packed, did).DocumentJson, resolved.GetProperty("doc").GetRawText());
            Assert.False(resolved.GetProperty("deactivated").GetBoolean());
        }
    }

    private static (IotaDid Did, byte[] Packed) WotIdDocument()
    {
        IotaDid did = IotaDid.FromObjectId("0x" + new string('9', 64));
        Keys.SigningKey signer = TestKeys.Get(KeyAlgorithm.MLDsa65, 90);
        DidDocument doc = new DidDocumentBuilder(did.Value)
            .AddSigningKey("sig", signer.PublicKey)
            .AddMailbox("0x" + new string('e', 64))
            .Build();
        return (did, IotaDidDocumentPacking.Pack(doc, new IotaDocumentMetadata(s_created, s_updated)));
    }

    private static async Task<JsonElement> RunAsync(params string[] args)
    {
        string stdout = await NodeProcess.RunAsync("identity/iota-document.mjs", string.Empty, TimeSpan.FromSeconds(90), args);
        // The library logs failed JSON-RPC calls on stdout; the answer is the last line.
        string last = stdout.TrimEnd().Split('\n')[^1];
        JsonElement answer = JsonDocument.Parse(last).RootElement.Clone();
        Assert.True(answer.GetProperty("ok").GetBoolean(), stdout);
        return answer;
    }
}
