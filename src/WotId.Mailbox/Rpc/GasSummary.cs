namespace WotId.Mailbox.Rpc;

/// <summary><c>effects.gasUsed</c> in NANOS.</summary>
/// <param name="ComputationCost">Computation.</param>
/// <param name="StorageCost">Storage deposit charged.</param>
/// <param name="StorageRebate">Storage rebate credited.</param>
/// <param name="NonRefundableStorageFee">Always 0 on IOTA in practice.</param>
public sealed record GasSummary(ulong ComputationCost, ulong StorageCost, ulong StorageRebate, ulong NonRefundableStorageFee)
{
    /// <summary>computation + storage − rebate (may be negative: a net refund).</summary>
    public long Net => (long)ComputationCost + (long)StorageCost - (long)StorageRebate;
}
