using System;

namespace WotId.Mailbox.Hosted;

/// <summary>The key a hosted-mailbox client signs its requests with (ML-DSA-65, FIPS 204 pure, empty context).</summary>
public interface IMailboxRequestSigner
{
    /// <summary>The ML-DSA-65 public key (1 952 bytes).</summary>
    ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Signs <paramref name="message"/>.</summary>
    byte[] Sign(ReadOnlySpan<byte> message);
}
