using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Tsp.Wire;

namespace WotId.Tsp.Tests.Wire;

/// <summary>did:key VIDs resolve to their keys; messages from a did:key sender open without any registry.</summary>
public sealed class TspDidKeyResolverTests
{
    [Fact]
    public async Task AMessageFromAnMldsa65DidKeyOpens()
    {
        using MLDsaPrivateKey key = TestKeys.MLDsa(0);
        var signer = new TspMLDsa65Signer(key);
        string alice = DidKey.Create(KeyAlgorithm.MLDsa65, key.PublicKey);
        byte[] wire = TspSignedMessage.Create(signer, alice, TestKeys.Bob, new TspGenericPayload("hi"u8));

        var verifier = new TspMessageVerifier(new TspDidKeyResolver());
        TspOpenedMessage m = await verifier.OpenAsync(wire, TestKeys.Bob, TestContext.Current.CancellationToken);
        Assert.Equal(alice, m.Sender);
    }

    [Fact]
    public async Task OtherKeyTypesAndMethodsDoNotResolveOrGoToTheInnerResolver()
    {
        var inner = new TspStaticKeyResolver();
        inner.Add("did:iota:0x01", new TspVerificationKey(TspSignatureAlgorithm.Ed25519, new byte[32]));
        var resolver = new TspDidKeyResolver(inner);
        using X25519PrivateKey x = X25519PrivateKey.Generate();
        Assert.Null(await resolver.ResolveAsync(DidKey.Create(KeyAlgorithm.X25519, x.PublicKey), TestContext.Current.CancellationToken));
        Assert.Null(await resolver.ResolveAsync("did:key:zNotAKey", TestContext.Current.CancellationToken));
        Assert.NotNull(await resolver.ResolveAsync("did:iota:0x01", TestContext.Current.CancellationToken));
        Assert.Null(await new TspDidKeyResolver().ResolveAsync("did:iota:0x01", TestContext.Current.CancellationToken));

        using Ed25519PrivateKey ed = Ed25519PrivateKey.FromSeed(new byte[32]);
        TspVerificationKey? k = await resolver.ResolveAsync(DidKey.Create(KeyAlgorithm.Ed25519, ed.PublicKey), TestContext.Current.CancellationToken);
        Assert.Equal(TspSignatureAlgorithm.Ed25519, k!.Algorithm);
    }

    [Fact]
    public async Task AResolvedDidKeyResolvesToTheSameKeyAgainAndADifferentDidToItsOwnKey()
    {
        using MLDsaPrivateKey a = TestKeys.MLDsa(0);
        using MLDsaPrivateKey b = TestKeys.MLDsa(1);
        string didA = DidKey.Create(KeyAlgorithm.MLDsa65, a.PublicKey);
        string didB = DidKey.Create(KeyAlgorithm.MLDsa65, b.PublicKey);
        var resolver = new TspDidKeyResolver();
        for (int i = 0; i < 2; i++)
        {
            TspVerificationKey? ka = await resolver.ResolveAsync(didA, TestContext.Current.CancellationToken);
            TspVerificationKey? kb = await resolver.ResolveAsync(didB, TestContext.Current.CancellationToken);
            Assert.Equal(a.PublicKey, ka!.PublicKey.ToArray());
            Assert.Equal(b.PublicKey, kb!.PublicKey.ToArray());
        }

        // An unparseable did:key is never remembered as anything but unresolvable.
        Assert.Null(await resolver.ResolveAsync("did:key:zNotAKey", TestContext.Current.CancellationToken));
        Assert.Null(await resolver.ResolveAsync("did:key:zNotAKey", TestContext.Current.CancellationToken));
    }
}
