using System;
using System.Threading;
using CsCheck;
using WotId.Identity.Binding;
using WotId.Identity.Tests.Behaviour;
using WotId.Identity.Verification;

namespace WotId.Identity.Tests.Properties;

/// <summary>The verifier never throws on input and never accepts a changed credential or presentation.</summary>
public sealed class VerifierPropertyTests
{
    private static readonly VerifierFixture s_fixture = new();
    private static readonly ConnectionBinding s_holder = VerifierFixture.HolderSide("12D3KooWHolder", "12D3KooWVerifier", 5);
    private static readonly ConnectionBinding s_verifier = VerifierFixture.VerifierSide("12D3KooWVerifier", "12D3KooWHolder", 5);
    private static readonly string s_presentation = s_fixture.Present(s_holder);

    private static Gen<string> Mutations(string valid) =>
        Gen.OneOf(
            Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Char['+', 'z']).Select((i, c) => valid[..i] + c + valid[(i + 1)..]),
            Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[1, 200]).Select((i, n) => valid[..i] + valid[Math.Min(valid.Length, i + n)..]),
            Gen.Select(Gen.Int[0, valid.Length], Gen.String[1, 20]).Select((i, s) => valid[..i] + s + valid[i..]))
        .Where(m => m != valid);

    [Fact]
    public void ChangedCredentialNeverVerifies() =>
        Mutations(s_fixture.Credential.Jws).Sample(
            jws =>
            {
                VerificationResult r = s_fixture.Verifier.VerifyCredentialAsync(jws, s_fixture.Policy, s_fixture.Holder.Did, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                Assert.False(r.IsValid, "a changed credential verified");
                Assert.NotEqual(VerificationFailure.None, r.Failure);
            },
            iter: 60);

    [Fact]
    public void ChangedPresentationNeverVerifies() =>
        Mutations(s_presentation).Sample(
            jws =>
            {
                VerificationResult r = s_fixture.Verifier.VerifyPresentationAsync(jws, s_fixture.Policy, s_verifier, s_fixture.Holder.Did, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                Assert.False(r.IsValid, "a changed presentation verified");
            },
            iter: 60);

    [Fact]
    public void ArbitraryTextGivesAResultNotAnException() =>
        Gen.String[0, 500].Sample(
            s =>
            {
                Assert.Equal(VerificationFailure.MalformedInput, s_fixture.Verifier.VerifyCredentialAsync(s, s_fixture.Policy, null, CancellationToken.None).AsTask().GetAwaiter().GetResult().Failure);
                Assert.Equal(VerificationFailure.MalformedInput, s_fixture.Verifier.VerifyPresentationAsync(s, s_fixture.Policy, s_verifier, null, CancellationToken.None).AsTask().GetAwaiter().GetResult().Failure);
            });
}
