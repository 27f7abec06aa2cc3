// Storage deposit and computation cost of mailbox objects on IOTA, from the protocol constants in the shared note
// (iota-protocol-config v1..v12: obj_data_cost_refundable = 100 units/byte, storage_gas_price = 76 NANOS/unit,
// storage_rebate_rate = 100 %, base and reference gas price 1000 NANOS, computation bucket >= 1000 units) and the
// metered object size of Object::object_size_for_gas_metering: ~80 bytes of fixed metadata (Owner 40, previous
// transaction digest 32, storage rebate 8) + 8 (version) + BCS(type tag) + BCS(contents).
// These are hand-derived estimates; a dry run of the published package gives the real numbers.
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Chain;

/// <summary>Cost model of the mailbox on IOTA (NANOS; 1 IOTA = 10^9 NANOS).</summary>
public static class StorageCost
{
    /// <summary>NANOS charged per stored byte: 100 units × 76 NANOS.</summary>
    public const ulong NanosPerByte = 100 * 76;

    /// <summary>Computation of one small mailbox transaction: one 1000-unit bucket at 1000 NANOS.</summary>
    public const ulong ComputationPerTransaction = 1000 * 1000;

    /// <summary>Fixed per-object metadata counted for storage (Owner, previous transaction, rebate field, version).</summary>
    public const int FixedObjectBytes = 40 + 32 + 8 + 8;

    /// <summary>Approximate metered size of a <c>Field&lt;Wrapper&lt;ID&gt;, ID&gt;</c> created by a dynamic object field (note A.7).</summary>
    public const int DynamicFieldObjectBytes = 390;

    /// <summary>Metered bytes of a MessageObject carrying <paramref name="payloadBytes"/> bytes.</summary>
    public static int MessageObjectBytes(IotaAddress package, int payloadBytes)
    {
        int tag = TypeTag.Of(new StructTag(package, "mailbox", "MessageObject", [])).ToBcs().Length;
        var len = new BcsWriter();
        len.WriteUleb128((uint)payloadBytes);
        int contents = (3 * 32) + 8 + 8 + len.Length + payloadBytes;
        return FixedObjectBytes + tag + contents;
    }

    /// <summary>Storage deposit (NANOS) a sender pays for one message; fully refunded to whoever deletes it.</summary>
    public static ulong MessageDeposit(IotaAddress package, int payloadBytes) => (ulong)MessageObjectBytes(package, payloadBytes) * NanosPerByte;

    /// <summary>Extra deposit (NANOS) for archiving a claimed message as a dynamic object field.</summary>
    public static ulong ArchiveDeposit => DynamicFieldObjectBytes * NanosPerByte;
}
