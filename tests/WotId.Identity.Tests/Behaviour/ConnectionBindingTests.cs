using System;
using System.Threading.Tasks;
using WotId.Identity.Binding;
using WotId.Identity.Verification;

namespace WotId.Identity.Tests.Behaviour;

public sealed class ConnectionBindingTests
{
    private const string Alice = "12D3KooWAliceAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string Bob = "12D3KooWBobBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    private const string Carol = "12D3KooWCarolCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";

    [Fact]
    public void HolderAndVerifierViewsOfOneConnectionAgree()
    {
        byte[] key = TestKeys.IdentityKey(7);
        byte[] nonce = [1, 2, 3];
        var holder = ConnectionBinding.ForHolder(Alice, Bob, key, nonce);
        var verifier = ConnectionBinding.ForVerifier(Bob, Alice, key, nonce);
        Assert.Equal(holder.Challenge, verifier.Challenge);
        Assert.Equal("p2p:" + Bob, holder.Audience);
        Assert.Equal(holder.Audience, verifier.Audience);
        Assert.Equal(32, holder.ChallengeBytes.Length);
    }

    [Fact]
    public void EveryInputChangesTheChallenge()
    {
        byte[] key = TestKeys.IdentityKey(7);
        string baseline = ConnectionBinding.ForHolder(Alice, Bob, key, [1]).Challenge;
        Assert.NotEqual(baseline, ConnectionBinding.ForHolder(Carol, Bob, key, [1]).Challenge);
        Assert.NotEqual(baseline, ConnectionBinding.ForHolder(Alice, Carol, key, [1]).Challenge);
        Assert.NotEqual(baseline, ConnectionBinding.ForHolder(Alice, Bob, TestKeys.IdentityKey(8), [1]).Challenge);
        Assert.NotEqual(baseline, ConnectionBinding.ForHolder(Alice, Bob, key, [2]).Challenge);
        Assert.NotEqual(ConnectionBinding.ForHolder("ab", "c", key).Challenge, ConnectionBinding.ForHolder("a", "bc", key).Challenge);
    }

    [Fact]
    public async Task PresentationCapturedOnOneConnectionFailsOnAnother()
    {
        var f = new VerifierFixture();
        byte[] key = TestKeys.IdentityKey(7);
        string vp = f.Present(ConnectionBinding.ForHolder(Alice, Bob, key, [1, 1]));

        VerificationResult sameConnection = await f.VerifyPresentationAsync(vp, ConnectionBinding.ForVerifier(Bob, Alice, key, [1, 1]));
        Assert.True(sameConnection.IsValid, sameConnection.ToString());

        // Bob replays Alice's presentation to Carol: Carol's connection has other peer ids.
        VerificationResult relayed = await f.VerifyPresentationAsync(vp, ConnectionBinding.ForVerifier(Carol, Bob, key, [1, 1]));
        Assert.Equal(VerificationFailure.NotBound, relayed.Failure);

        // A second connection between the same peers has a new connection nonce.
        VerificationResult reconnect = await f.VerifyPresentationAsync(vp, ConnectionBinding.ForVerifier(Bob, Alice, key, [2, 2]));
        Assert.Equal(VerificationFailure.NotBound, reconnect.Failure);
    }
}
