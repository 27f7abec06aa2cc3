// What one PreKeyManager.ReplenishAsync run changed (for logs and tests; holds ids and counts only).
namespace WotId.Node.Storage;

/// <summary>The outcome of a prekey maintenance run.</summary>
/// <param name="OneTimeAdded">One-time EC prekeys generated.</param>
/// <param name="KyberAdded">One-time Kyber prekeys generated.</param>
/// <param name="SignedRotated">Whether a new signed prekey was generated.</param>
/// <param name="LastResortRotated">Whether a new last-resort Kyber prekey was generated.</param>
/// <param name="Removed">Replaced signed and last-resort keys deleted after the keep period.</param>
internal sealed record PreKeyMaintenance(int OneTimeAdded, int KyberAdded, bool SignedRotated, bool LastResortRotated, int Removed);
