// Row keys of the profile table. Sealed values (at-rest key, cell "profile.value.<key>") are marked "sealed".
namespace WotId.Node.Profile;

public sealed partial class Profile
{
    /// <summary>Names of the profile table's rows.</summary>
    internal static class Keys
    {
        internal const string Format = "format";
        internal const string FormatValue = "wotid-profile";
        internal const string KdfSalt = "kdf.salt";
        internal const string KdfMemory = "kdf.memory_kib";
        internal const string KdfIterations = "kdf.iterations";
        internal const string KdfParallelism = "kdf.parallelism";
        internal const string KeyCheck = "kdf.key_check";
        internal const string Name = "name";
        internal const string CreatedAt = "created_at";
        internal const string Libp2pKey = "libp2p.private_key"; // sealed: libp2p PrivateKey protobuf
        internal const string DidAlgorithm = "did.algorithm";
        internal const string DidSeed = "did.seed"; // sealed: ML-DSA-65 seed ξ (32 bytes)
        internal const string SignalIdentity = "signal.identity"; // sealed: IdentityKeyPairStructure
        internal const string RegistrationId = "signal.registration_id";
        internal const string Credential = "credential"; // sealed: compact JWT
        internal const string MailboxPath = "mailbox.path";
        internal const string MailboxId = "mailbox.id";
        internal const string MailboxCap = "mailbox.cap";
        internal const string ListenAddresses = "listen.addresses"; // multiaddrs, one a line
        internal const string MailboxAccountKey = "mailbox.account_key"; // sealed: IOTA account private key (bech32)
        internal const string HostedMailboxAddress = "hosted_mailbox.address"; // multiaddr ending in /p2p/<host peer id>
        internal const string HostedMailboxId = "hosted_mailbox.id";
        internal const string HostedMailboxCap = "hosted_mailbox.cap";
        internal const string IotaMailboxRpc = "iota_mailbox.rpc"; // JSON-RPC URL of an IOTA full node
        internal const string IotaMailboxPackage = "iota_mailbox.package"; // the published wotid_mailbox package
        internal const string IotaMailboxId = "iota_mailbox.id";
        internal const string IotaMailboxCap = "iota_mailbox.cap";
        internal const string IotaDid = "did.iota"; // did:iota of a document holding the ML-DSA-65 key (wotid did publish-profile)
    }
}
