using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Dids;
using WotId.Identity.Keys;
using WotId.Node.Invitations;
using WotId.Testing;

namespace WotId.Node.Tests.Invitations;

/// <summary>
/// Invitations from DIDs other than ML-DSA-65 did:keys: an Ed25519 did:key, and a DID resolved through an
/// <see cref="IDidResolver"/> (the project has no resolver for another method yet, so a table of documents stands in).
/// </summary>
public sealed class InvitationDidMethodTests
{
    private const string Did = "did:example:alice";

    [Fact]
    public async Task AnEd25519DidKeyInvitationVerifies()
    {
        using SigningKey key = SigningKey.FromSeed(KeyAlgorithm.Ed25519, TestSeeds.Counting(40, 32));
        string uri = InvitationCodec.Encode(InvitationFixture.Full() with { Did = key.Did }, key);

        Invitation read = await new InvitationFixture().Verifier.VerifyAsync(uri, TestContext.Current.CancellationToken);

        Assert.Equal(key.Did, read.Did);
    }

    [Fact]
    public async Task AResolvedDidVerifiesWithAnyOfItsAuthenticationKeys()
    {
        var fixture = new InvitationFixture();
        var resolver = new TableResolver(Document([Method("#other", InvitationFixture.OtherKey), Method("#main", InvitationFixture.Key)], X25519Method("#agree")));
        string uri = InvitationCodec.Encode(InvitationFixture.Full() with { Did = Did }, InvitationFixture.Key);

        Invitation read = await new InvitationVerifier(fixture.Time, resolver).VerifyAsync(uri, TestContext.Current.CancellationToken);

        Assert.Equal(Did, read.Did);
    }

    [Fact]
    public async Task AResolvedDidWithoutTheSigningKeyIsABadSignature()
    {
        var resolver = new TableResolver(Document([Method("#other", InvitationFixture.OtherKey)]));
        await ExpectAsync(InvitationError.BadSignature, resolver);
    }

    [Fact]
    public async Task AResolvedDidWhoseAuthenticationKeysCannotSignIsUnsupported()
    {
        var falcon = new VerificationMethod(Did + "#falcon", Did, new DidPublicKey(KeyAlgorithm.Falcon512Experimental, new byte[KeyAlgorithms.PublicKeySize(KeyAlgorithm.Falcon512Experimental)]));
        var resolver = new TableResolver(Document([falcon], X25519Method("#agree")));
        await ExpectAsync(InvitationError.UnsupportedKey, resolver);
    }

    [Fact]
    public async Task AnUnknownDidIsUnresolvable()
    {
        await ExpectAsync(InvitationError.UnresolvableDid, new TableResolver());
    }

    private static async Task ExpectAsync(InvitationError expected, IDidResolver resolver)
    {
        var fixture = new InvitationFixture();
        string uri = InvitationCodec.Encode(InvitationFixture.Full() with { Did = Did }, InvitationFixture.Key);
        InvitationException e = await Assert.ThrowsAsync<InvitationException>(
            () => new InvitationVerifier(fixture.Time, resolver).VerifyAsync(uri, TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(expected, e.Error);
    }

    private static VerificationMethod Method(string fragment, SigningKey key) => new(Did + fragment, Did, key.PublicKey);

    private static VerificationMethod X25519Method(string fragment) => new(Did + fragment, Did, new DidPublicKey(KeyAlgorithm.X25519, TestSeeds.Counting(3, 32)));

    private static DidDocument Document(VerificationMethod[] authentication, VerificationMethod? keyAgreement = null) =>
        new(
            Did,
            keyAgreement is null ? authentication : [.. authentication, keyAgreement],
            Array.ConvertAll(authentication, m => m.Id),
            [],
            keyAgreement is null ? [] : [keyAgreement.Id],
            []);

    private sealed class TableResolver(params DidDocument[] documents) : IDidResolver
    {
        private readonly Dictionary<string, DidDocument> _documents = new(Array.ConvertAll(documents, d => KeyValuePair.Create(d.Id, d)));

        public ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_documents.TryGetValue(did, out DidDocument? d)
                ? DidResolutionResult.Success(d)
                : DidResolutionResult.Failure(DidResolutionError.NotFound, "unknown DID"));
    }
}
