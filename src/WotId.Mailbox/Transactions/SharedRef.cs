using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>A shared object as inputs name it: ID and the version at which it became shared.</summary>
internal readonly record struct SharedRef(IotaAddress Id, ulong InitialSharedVersion);
