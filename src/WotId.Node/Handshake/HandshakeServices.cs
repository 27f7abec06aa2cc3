// Everything one node's handshakes share: its identity and policy, the TSP signer and verifier, the replay window of
// TSP message ids, and the credential verifier (did:key resolution, did:iota when the policy has a resolver for it,
// status lists, presentation nonces).
using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Identity.Dids;
using WotId.Identity.Verification;
using WotId.Tsp.Replay;
using WotId.Tsp.Wire;

namespace WotId.Node.Handshake;

/// <summary>Shared state of the handshakes of one node.</summary>
internal sealed class HandshakeServices
{
    public HandshakeServices(HandshakeIdentity identity, HandshakePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        Identity = identity;
        Policy = policy;
        Time = policy.TimeProvider;
        Signer = new SigningKeyTspSigner(identity.SigningKey);
        Tsp = new TspMessageVerifier(new TspDidKeyResolver(policy.DidResolver is { } dids ? new TspDidDocumentKeyResolver(dids) : null), policy.MaxFrameBytes);
        Replay = new ReplayWindow(Time, policy.ReplayWindow, policy.ClockSkew);
        Verifier = new CredentialVerifier(policy.DidResolver ?? new DidKeyResolver(), policy.StatusLists, policy.NonceStore ?? new MemoryNonceStore(), Time);
        VerifierPolicy = policy.ToVerifierPolicy();
    }

    public HandshakeIdentity Identity { get; }

    public HandshakePolicy Policy { get; }

    public TimeProvider Time { get; }

    public SigningKeyTspSigner Signer { get; }

    public TspMessageVerifier Tsp { get; }

    public ReplayWindow Replay { get; }

    public CredentialVerifier Verifier { get; }

    public VerifierPolicy VerifierPolicy { get; }

    /// <summary>The handshake's logger (the gate's); trace-level step stamps go here.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>
    /// Test seam: sees every outgoing frame (message number 1–4, or 0 for an error) and returns the bytes to send,
    /// or null to send nothing and keep waiting. Null in production.
    /// </summary>
    public Func<int, byte[], byte[]?>? OutgoingFrameFilter { get; set; }
}
