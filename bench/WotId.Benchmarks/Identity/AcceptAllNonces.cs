using System;
using WotId.Identity.Verification;

namespace WotId.Benchmarks.Identity;

/// <summary>Lets the benchmark verify the same presentation repeatedly (the replay check itself is a dictionary insert).</summary>
internal sealed class AcceptAllNonces : INonceStore
{
    public bool TryRecord(string nonce, DateTimeOffset expiresAt, DateTimeOffset now) => true;
}
