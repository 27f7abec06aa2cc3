using System.Collections.Generic;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Gas settings for one transaction: payment coins, price, budget, optional sponsor, optional expiry epoch.</summary>
internal sealed record GasConfig(IReadOnlyList<ObjectRef> Payment, ulong Price, ulong Budget, IotaAddress? Sponsor = null, ulong? ExpirationEpoch = null);
