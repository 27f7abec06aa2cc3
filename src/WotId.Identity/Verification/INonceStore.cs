using System;

namespace WotId.Identity.Verification;

/// <summary>Remembers presentation nonces until they expire, to reject replays.</summary>
public interface INonceStore
{
    /// <summary>Records <paramref name="nonce"/> until <paramref name="expiresAt"/>; false if it was already recorded (or the store is full).</summary>
    bool TryRecord(string nonce, DateTimeOffset expiresAt, DateTimeOffset now);
}
