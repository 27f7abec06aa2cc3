using System;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Identity.Verification;

namespace WotId.Identity.Tests.Behaviour;

/// <summary>
/// A verifier remembers signatures that verified (docs/credential.md "Verification results"), and nothing else: after
/// a credential verified once, a revocation, the end of its validity, or changed bytes still fail it.
/// </summary>
public sealed class VerifiedSignatureCacheTests
{
    [Fact]
    public async Task ACredentialThatVerifiedOnceFailsWhenItIsRevokedAfterwards()
    {
        var f = new VerifierFixture();
        Assert.True((await f.VerifyAsync()).IsValid);
        Assert.True((await f.VerifyAsync()).IsValid);

        Assert.True(f.Issuer.Revoke(f.Credential.Id));
        f.Publish();
        Assert.Equal(VerificationFailure.Revoked, (await f.VerifyAsync()).Failure);
    }

    [Fact]
    public async Task ACredentialThatVerifiedOnceFailsAfterItsValidity()
    {
        var f = new VerifierFixture();
        Assert.True((await f.VerifyAsync()).IsValid);
        f.Time.Now += TimeSpan.FromDays(366);
        Assert.Equal(VerificationFailure.Expired, (await f.VerifyAsync()).Failure);
    }

    [Fact]
    public async Task AChangedSignatureFailsAfterTheOriginalVerified()
    {
        var f = new VerifierFixture();
        Assert.True((await f.VerifyAsync()).IsValid);
        string changed = FlipSignature(f.Credential.Jws);
        Assert.Equal(VerificationFailure.BadSignature, (await f.VerifyAsync(changed)).Failure);
        Assert.True((await f.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task AStatusListReplacedByAForgedOneFailsAfterTheRealOneVerified()
    {
        var f = new VerifierFixture();
        Assert.True((await f.VerifyAsync()).IsValid);
        string real = (await f.StatusLists.GetAsync(VerifierFixture.ListUrl, default))!;
        string forged = FlipSignature(real);
        f.StatusLists.Put(VerifierFixture.ListUrl, forged);
        Assert.Equal(VerificationFailure.StatusUnavailable, (await f.VerifyAsync()).Failure);
    }

    private static string FlipSignature(string jws)
    {
        int dot = jws.LastIndexOf('.');
        byte[] sig = Base64Url.Decode(jws.AsSpan(dot + 1));
        sig[10] ^= 0x01;
        return jws[..(dot + 1)] + Base64Url.Encode(sig);
    }
}
