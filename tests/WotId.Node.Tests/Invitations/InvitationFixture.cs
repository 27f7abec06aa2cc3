using System;
using System.Collections.Generic;
using Microsoft.Extensions.Time.Testing;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Mailbox.Types;
using WotId.Node.Invitations;
using WotId.Signal.Keys;
using WotId.Testing;

namespace WotId.Node.Tests.Invitations;

/// <summary>A deterministic inviter (ML-DSA-65 did:key, Ed25519 peer id, Signal bundle) and a fake clock.</summary>
internal sealed class InvitationFixture
{
    public static readonly DateTimeOffset Created = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<SigningKey> s_key = new(() => SigningKey.FromSeed(KeyAlgorithm.MLDsa65, TestSeeds.Counting(1, 32)));
    private static readonly Lazy<SigningKey> s_otherKey = new(() => SigningKey.FromSeed(KeyAlgorithm.MLDsa65, TestSeeds.Counting(100, 32)));
    private static readonly Lazy<IdentityKeyPair> s_identity = new(IdentityKeyPair.Generate);
    private static readonly Lazy<PreKeyBundle> s_bundle = new(() => MakeBundle(s_identity.Value, oneTime: false));

    public static SigningKey Key => s_key.Value;

    public static SigningKey OtherKey => s_otherKey.Value;

    public static IdentityKeyPair SignalIdentity => s_identity.Value;

    public static PreKeyBundle Bundle => s_bundle.Value;

    public static PeerId PeerId { get; } = PeerIdentity.FromSeed(TestSeeds.Counting(7, 32)).PeerId;

    public static IReadOnlyList<Multiaddress> Addresses { get; } =
        [Multiaddress.Parse("/ip4/127.0.0.1/tcp/4001"), Multiaddress.Parse("/ip6/::1/tcp/4001/ws")];

    public static InvitationMailbox Mailbox { get; } =
        new(InvitationMailboxKind.Embedded, new IotaAddress(TestSeeds.Counting(9, 32)), "mailbox.db");

    public FakeTimeProvider Time { get; } = new(Created + TimeSpan.FromMinutes(1));

    public InvitationVerifier Verifier => new(Time);

    /// <summary>A full invitation: name, two addresses, mailbox with hint, 30 days of validity.</summary>
    public static Invitation Full() =>
        new(Key.Did, PeerId, Addresses, Bundle, Created, Created + TimeSpan.FromDays(30))
        {
            DisplayName = "Alice",
            Mailbox = Mailbox,
        };

    public static PreKeyBundle MakeBundle(IdentityKeyPair identity, bool oneTime)
    {
        using SignedPreKeyRecord spk = SignedPreKeyRecord.Generate(identity, 11, 1_700_000_000_000);
        using KyberPreKeyRecord kyber = KyberPreKeyRecord.Generate(identity, 12, 1_700_000_000_000, isLastResort: true);
        using PreKeyRecord? opk = oneTime ? PreKeyRecord.Generate(13) : null;
        return new PreKeyBundle(
            4242, 1, oneTime ? 13u : null, opk?.KeyPair.PublicKey, 11, spk.KeyPair.PublicKey, spk.Signature,
            identity.PublicKey, 12, kyber.KeyPair.PublicKey, kyber.Signature);
    }
}
