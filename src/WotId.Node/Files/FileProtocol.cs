// /wotid/file/5.0.0 (docs/files.md "Wire format"): the bytes of an accepted file.offer on their own libp2p stream over
// the verified connection, so Yamux interleaves them with /wotid/msg/1.0.0 and a chat message never waits behind a
// chunk. The limits here are the ones docs/files.md "Limits" lists.
namespace WotId.Node.Files;

/// <summary>Protocol id and limits of the file transfer stream.</summary>
internal static class FileProtocol
{
    /// <summary>The multistream-select protocol id.</summary>
    internal const string ProtocolId = "/wotid/file/5.0.0";

    /// <summary>
    /// The only wire version (first byte of the HELLO frame). Version 5 seals chunks with AEGIS-256 and a 32-byte tag
    /// (version 4: AES-256-GCM, 16-byte tag) and, like version 4, ends the final chunk's plaintext with the whole-file
    /// BLAKE3-256 (docs/files.md "Wire format", "Changes from earlier versions").
    /// </summary>
    internal const byte Version = 5;

    /// <summary>The whole-file BLAKE3-256 that ends the final chunk's plaintext.</summary>
    internal const int DigestLength = FileContentHash.Length;

    /// <summary>Plaintext bytes per chunk unless the sender's options say otherwise (256 KiB).</summary>
    internal const int DefaultChunkSize = 256 * 1024;

    /// <summary>Smallest chunk size an offer may announce (the file.offer schema bound).</summary>
    internal const int MinChunkSize = 1024;

    /// <summary>Largest chunk size an offer may announce (1 MiB; the file.offer schema bound).</summary>
    internal const int MaxChunkSize = 1024 * 1024;

    /// <summary>The file key: 32 random bytes, fresh per offer (the AEGIS-256 key size).</summary>
    internal const int KeyLength = 32;

    /// <summary>The per-stream salt chosen by the sender (HKDF salt of the chunk key).</summary>
    internal const int SaltLength = 16;

    /// <summary>Longest transfer id (the wot.id message id bound).</summary>
    internal const int MaxIdLength = 128;

    /// <summary>Longest offered file name, in UTF-16 code units (the file.offer schema bound).</summary>
    internal const int MaxNameLength = 255;

    /// <summary>Streams sending at once, over all contacts; more wait their turn.</summary>
    internal const int MaxConcurrentSends = 8;

    /// <summary>Streams sending at once to one contact.</summary>
    internal const int MaxConcurrentSendsPerContact = 4;

    /// <summary>Streams receiving at once from one contact; a further stream is reset.</summary>
    internal const int MaxConcurrentReceivesPerContact = 4;

    /// <summary>Streams receiving at once, over all contacts.</summary>
    internal const int MaxConcurrentReceives = 16;

    /// <summary>Offers from one contact that may wait undecided; further offers are declined (reason too_many).</summary>
    internal const int MaxPendingOffersPerContact = 64;

    /// <summary>The receiver makes its data durable (fsync, then the offset in SQLite, then an ACK) at least every this many bytes (32 MiB).</summary>
    internal const int DurableEveryBytes = 32 * 1024 * 1024;

    /// <summary>… and at least this often, whichever comes first, so a slow transfer's resume point stays recent.</summary>
    internal static readonly System.TimeSpan DurableEveryTime = System.TimeSpan.FromSeconds(1);

    /// <summary>A stream whose HELLO does not arrive within this time is reset.</summary>
    internal static readonly System.TimeSpan HelloTimeout = System.TimeSpan.FromSeconds(30);

    /// <summary>Minimum time between two file.progress events of one transfer (at most 10 a second).</summary>
    internal static readonly System.TimeSpan ProgressInterval = System.TimeSpan.FromMilliseconds(100);
}
