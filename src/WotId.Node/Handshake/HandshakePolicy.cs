// What a node accepts in /wotid/handshake/1.0.0 and its limits (docs/node.md "Handshake", "Limits").
using System;
using System.Collections.Generic;
using WotId.Identity.Status;
using WotId.Identity.Verification;

namespace WotId.Node.Handshake;

/// <summary>Trust, revocation, replay and limits of the handshake.</summary>
public sealed class HandshakePolicy
{
    /// <summary>Largest handshake frame accepted or sent (the length-prefixed body).</summary>
    public const int DefaultMaxFrameBytes = 256 * 1024;

    /// <summary>Creates a policy.</summary>
    public HandshakePolicy(IReadOnlyCollection<string> trustedIssuers, IStatusListProvider statusLists)
    {
        ArgumentNullException.ThrowIfNull(trustedIssuers);
        ArgumentNullException.ThrowIfNull(statusLists);
        TrustedIssuers = trustedIssuers;
        StatusLists = statusLists;
    }

    /// <summary>Resolves the issuer and holder DIDs of presented credentials; null resolves did:key only.</summary>
    public WotId.Identity.Dids.IDidResolver? DidResolver { get; init; }

    /// <summary>Issuer DIDs whose VerifiedHuman credentials are accepted.</summary>
    public IReadOnlyCollection<string> TrustedIssuers { get; }

    /// <summary>Where status list credentials come from (e.g. <see cref="Status.HttpStatusListProvider"/>).</summary>
    public IStatusListProvider StatusLists { get; }

    /// <summary>The clock for validity checks, presentation timestamps and the handshake timeout.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Presentation nonces already accepted (replay protection across connections); null: one in-memory store per gate.</summary>
    public INonceStore? NonceStore { get; init; }

    /// <summary>The whole handshake must finish within this time.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest frame accepted or sent.</summary>
    public int MaxFrameBytes { get; init; } = DefaultMaxFrameBytes;

    /// <summary>Most connections running the handshake at once (inbound and outbound together); more are closed.</summary>
    public int MaxConcurrentUnverified { get; init; } = 64;

    /// <summary>Lifetime (<c>exp − iat</c>) of the presentations this node makes.</summary>
    public TimeSpan PresentationLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Tolerated clock difference between peers (credentials, presentations, TSP message timestamps).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long TSP message ids are remembered for replay detection.</summary>
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromMinutes(10);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameBytes, 64 * 1024, nameof(MaxFrameBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxFrameBytes, 1024 * 1024, nameof(MaxFrameBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentUnverified, 1, nameof(MaxConcurrentUnverified));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PresentationLifetime, TimeSpan.Zero, nameof(PresentationLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReplayWindow, TimeSpan.Zero, nameof(ReplayWindow));
    }

    internal VerifierPolicy ToVerifierPolicy() => new()
    {
        TrustedIssuers = TrustedIssuers,
        RequireStatusCheck = true,
        ClockSkew = ClockSkew,
        MaxPresentationLifetime = PresentationLifetime > TimeSpan.FromMinutes(10) ? PresentationLifetime : TimeSpan.FromMinutes(10),
    };
}
