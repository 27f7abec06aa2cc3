using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>A coin from <c>iotax_getCoins</c>.</summary>
/// <param name="Ref">The coin reference (usable as gas payment).</param>
/// <param name="Balance">Balance in NANOS.</param>
public sealed record CoinInfo(ObjectRef Ref, ulong Balance);
