// CallArg = enum { 0 Pure(vector<u8>), 1 Object(ObjectArg) };
// ObjectArg = enum { 0 ImmOrOwnedObject(ObjectRef), 1 SharedObject{id, initial_shared_version: u64, mutable: bool},
//                    2 Receiving(ObjectRef) } (iota-types transaction.rs; iota-sdk bcs.ts).
using System;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>One input of a programmable transaction.</summary>
public sealed record CallArg
{
    private CallArg(CallArgKind kind)
    {
        Kind = kind;
    }

    /// <summary>The kind of input.</summary>
    public CallArgKind Kind { get; private init; }

    /// <summary>BCS bytes of the value (Pure only; empty otherwise).</summary>
    public ReadOnlyMemory<byte> PureBytes { get; private init; }

    /// <summary>The object reference (ImmOrOwned and Receiving only).</summary>
    public ObjectRef Ref { get; private init; }

    /// <summary>The shared object's ID (Shared only).</summary>
    public IotaAddress SharedId { get; private init; }

    /// <summary>Version at which the object became shared (Shared only).</summary>
    public ulong InitialSharedVersion { get; private init; }

    /// <summary>True when the shared object is taken by <c>&amp;mut</c> (Shared only).</summary>
    public bool Mutable { get; private init; }

    /// <summary>The object ID for any object input; null for a pure input.</summary>
    public IotaAddress? ObjectId => Kind switch
    {
        CallArgKind.Pure => null,
        CallArgKind.Shared => SharedId,
        _ => Ref.ObjectId,
    };

    /// <summary>A pure input holding <paramref name="bcs"/>, the value's own BCS bytes (copied).</summary>
    /// <param name="bcs">The BCS encoding of the value (see <see cref="PureValue"/>).</param>
    /// <returns>The input.</returns>
    public static CallArg Pure(ReadOnlySpan<byte> bcs) => new(CallArgKind.Pure) { PureBytes = bcs.ToArray() };

    /// <summary>An owned or immutable object at the version and digest of <paramref name="reference"/>.</summary>
    /// <param name="reference">The object's current reference.</param>
    /// <returns>The input.</returns>
    public static CallArg ImmOrOwned(ObjectRef reference) => new(CallArgKind.ImmOrOwned) { Ref = reference };

    /// <summary>An object that was transferred to another object, to be received by it.</summary>
    /// <param name="reference">The object's current reference.</param>
    /// <returns>The input.</returns>
    public static CallArg Receiving(ObjectRef reference) => new(CallArgKind.Receiving) { Ref = reference };

    /// <summary>A shared object.</summary>
    /// <param name="id">The object ID.</param>
    /// <param name="initialSharedVersion">The version at which it became shared (not its current version).</param>
    /// <param name="mutable">True when a command takes it by <c>&amp;mut</c> or by value.</param>
    /// <returns>The input.</returns>
    public static CallArg Shared(IotaAddress id, ulong initialSharedVersion, bool mutable) =>
        new(CallArgKind.Shared) { SharedId = id, InitialSharedVersion = initialSharedVersion, Mutable = mutable };

    /// <summary>This input with <see cref="Mutable"/> set to <paramref name="mutable"/>.</summary>
    /// <param name="mutable">The new mutability.</param>
    /// <returns>A copy.</returns>
    public CallArg WithMutable(bool mutable) => this with { Mutable = mutable };

    /// <inheritdoc />
    public bool Equals(CallArg? other) =>
        other is not null && Kind == other.Kind && PureBytes.Span.SequenceEqual(other.PureBytes.Span) && Ref == other.Ref
        && SharedId == other.SharedId && InitialSharedVersion == other.InitialSharedVersion && Mutable == other.Mutable;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Ref, SharedId, PureBytes.Length);
}
