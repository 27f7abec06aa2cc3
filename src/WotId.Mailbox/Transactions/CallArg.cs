// CallArg = enum { 0 Pure(vector<u8>), 1 Object(ObjectArg) };
// ObjectArg = enum { 0 ImmOrOwnedObject(ObjectRef), 1 SharedObject{id, initial_shared_version: u64, mutable: bool},
//                    2 Receiving(ObjectRef) } (iota-types transaction.rs; iota-sdk bcs.ts).
using System;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Which kind of input a <see cref="CallArg"/> is.</summary>
internal enum CallArgKind
{
    Pure,
    ImmOrOwned,
    Shared,
    Receiving,
}

/// <summary>One PTB input.</summary>
internal sealed record CallArg
{
    private CallArg(CallArgKind kind)
    {
        Kind = kind;
    }

    public CallArgKind Kind { get; private init; }

    /// <summary>BCS bytes of the value (Pure only).</summary>
    public ReadOnlyMemory<byte> PureBytes { get; private init; }

    /// <summary>The reference (ImmOrOwned and Receiving).</summary>
    public ObjectRef Ref { get; private init; }

    /// <summary>Shared object ID.</summary>
    public IotaAddress SharedId { get; private init; }

    /// <summary>Version at which the object became shared.</summary>
    public ulong InitialSharedVersion { get; private init; }

    /// <summary>True when the shared object is taken by <c>&amp;mut</c>.</summary>
    public bool Mutable { get; private init; }

    /// <summary>The object ID, for any object input.</summary>
    public IotaAddress? ObjectId => Kind switch
    {
        CallArgKind.Pure => null,
        CallArgKind.Shared => SharedId,
        _ => Ref.ObjectId,
    };

    public static CallArg Pure(ReadOnlySpan<byte> bcs) => new(CallArgKind.Pure) { PureBytes = bcs.ToArray() };

    public static CallArg ImmOrOwned(ObjectRef r) => new(CallArgKind.ImmOrOwned) { Ref = r };

    public static CallArg Receiving(ObjectRef r) => new(CallArgKind.Receiving) { Ref = r };

    public static CallArg Shared(IotaAddress id, ulong initialSharedVersion, bool mutable) =>
        new(CallArgKind.Shared) { SharedId = id, InitialSharedVersion = initialSharedVersion, Mutable = mutable };

    public CallArg WithMutable(bool mutable) => this with { Mutable = mutable };

    public bool Equals(CallArg? other) =>
        other is not null && Kind == other.Kind && PureBytes.Span.SequenceEqual(other.PureBytes.Span) && Ref == other.Ref
        && SharedId == other.SharedId && InitialSharedVersion == other.InitialSharedVersion && Mutable == other.Mutable;

    public override int GetHashCode() => HashCode.Combine(Kind, Ref, SharedId, PureBytes.Length);
}
