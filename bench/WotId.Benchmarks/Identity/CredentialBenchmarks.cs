// VerifiedHumanCredential throughput with ML-DSA-65 (VC-JOSE-COSE vc+jwt, RFC 9964): issuing (hedged signing),
// the JWS signature check alone, full credential verification (did:key resolution, policy, status list
// signature + bit lookup) and a bound presentation carrying one credential (two signatures + status list).
using System;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using WotId.Identity;
using WotId.Identity.Binding;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Issuing;
using WotId.Identity.Jose;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Identity.Verification;

namespace WotId.Benchmarks.Identity;

[Config(typeof(IdentityBenchmarkConfig))]
public class CredentialBenchmarks
{
    private const string ListUrl = "https://status.wot.id/lists/1";
    private SigningKey _issuerKey = null!;
    private SigningKey _holder = null!;
    private CredentialIssuer _issuer = null!;
    private CredentialVerifier _verifier = null!;
    private VerifierPolicy _policy = null!;
    private ConnectionBinding _binding = null!;
    private string _credential = string.Empty;
    private string _presentation = string.Empty;
    private DidPublicKey _issuerPublic = null!;

    [GlobalSetup]
    public void Setup()
    {
        _issuerKey = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        _holder = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        _issuer = new CredentialIssuer(_issuerKey, new IssuerState(ListUrl));
        _credential = _issuer.IssueVerifiedHuman(_holder.Did, TimeSpan.FromDays(365)).Jws;
        var lists = new LocalStatusListCache();
        lists.Put(ListUrl, _issuer.IssueStatusListCredential());
        _verifier = new CredentialVerifier(new DidResolver(), lists, new AcceptAllNonces());
        _policy = new VerifierPolicy { TrustedIssuers = [_issuer.Did] };
        byte[] identityKey = new byte[33];
        _binding = ConnectionBinding.ForHolder("12D3KooWHolder", "12D3KooWVerifier", identityKey);
        _presentation = PresentationBuilder.Create(_holder, [_credential], _binding, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9));
        _issuerPublic = _issuerKey.PublicKey;
        if (!VerifyJwsSignatureOnly() || !VerifyCredential().GetAwaiter().GetResult() || !VerifyPresentation().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("benchmark inputs do not verify");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _issuerKey.Dispose();
        _holder.Dispose();
    }

    [Benchmark]
    public string IssueCredential() => _issuer.IssueVerifiedHuman(_holder.Did, TimeSpan.FromDays(365)).Jws;

    [Benchmark]
    public bool VerifyJwsSignatureOnly() => CompactJws.Parse(_credential).Verify(_issuerPublic);

    [Benchmark(Baseline = true)]
    public async Task<bool> VerifyCredential() =>
        (await _verifier.VerifyCredentialAsync(_credential, _policy, _holder.Did, CancellationToken.None).ConfigureAwait(false)).IsValid;

    [Benchmark]
    public async Task<bool> VerifyPresentation() =>
        (await _verifier.VerifyPresentationAsync(_presentation, _policy, _binding, _holder.Did, CancellationToken.None).ConfigureAwait(false)).IsValid;
}
