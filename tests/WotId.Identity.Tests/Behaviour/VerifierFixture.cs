using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Binding;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Identity.Verification;
using WotId.Testing;

namespace WotId.Identity.Tests.Behaviour;

/// <summary>One issuer, one holder, a status cache and a verifier over real did:key resolution and ML-DSA-65.</summary>
internal sealed class VerifierFixture
{
    public const string ListUrl = "https://status.wot.id/lists/1";
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public VerifierFixture(KeyAlgorithm issuerAlgorithm = KeyAlgorithm.MLDsa65, byte issuerTag = 40)
    {
        Time = new ManualTime(Start);
        IssuerKey = TestKeys.Get(issuerAlgorithm, issuerTag);
        Holder = TestKeys.Get(KeyAlgorithm.MLDsa65, 41);
        Issuer = new CredentialIssuer(IssuerKey, new IssuerState(ListUrl), Time);
        Policy = new VerifierPolicy { TrustedIssuers = [Issuer.Did], AllowExperimentalFalcon = false };
        Verifier = new CredentialVerifier(Resolver, StatusLists, Nonces, Time);
        Credential = Issuer.IssueVerifiedHuman(Holder.Did, TimeSpan.FromDays(365));
        Publish();
    }

    public ManualTime Time { get; }

    public SigningKey IssuerKey { get; }

    public SigningKey Holder { get; }

    public CredentialIssuer Issuer { get; }

    public IssuedCredential Credential { get; }

    public DidResolver Resolver { get; } = new(allowExperimentalFalcon: true);

    public LocalStatusListCache StatusLists { get; } = new();

    public MemoryNonceStore Nonces { get; } = new();

    public VerifierPolicy Policy { get; set; }

    public CredentialVerifier Verifier { get; }

    public static ConnectionBinding HolderSide(string holderPeer, string verifierPeer, byte identityTag) =>
        ConnectionBinding.ForHolder(holderPeer, verifierPeer, TestKeys.IdentityKey(identityTag));

    public static ConnectionBinding VerifierSide(string verifierPeer, string holderPeer, byte identityTag) =>
        ConnectionBinding.ForVerifier(verifierPeer, holderPeer, TestKeys.IdentityKey(identityTag));

    public void Publish() => StatusLists.Put(ListUrl, Issuer.IssueStatusListCredential());

    public ValueTask<VerificationResult> VerifyAsync(string? jws = null, string? subject = null) =>
        Verifier.VerifyCredentialAsync(jws ?? Credential.Jws, Policy, subject ?? Holder.Did, CancellationToken.None);

    public string Present(ConnectionBinding binding, string? credential = null) =>
        PresentationBuilder.Create(Holder, [credential ?? Credential.Jws], binding, Time.Now, TimeSpan.FromMinutes(5));

    public ValueTask<VerificationResult> VerifyPresentationAsync(string vp, ConnectionBinding binding) =>
        Verifier.VerifyPresentationAsync(vp, Policy, binding, Holder.Did, CancellationToken.None);
}
