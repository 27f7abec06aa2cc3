// Dynamic-field object IDs (iota-framework dynamic_field.move hash_type_and_key, iota-types dynamic_field.rs
// derive_dynamic_field_id; SDK utils/dynamic-fields.ts deriveDynamicFieldID):
// id = blake2b256(0xf0 (HashingIntentScope::ChildObjectId) || parent || u64 LE len(key bcs) || key bcs || bcs(key type)).
// A dynamic object field stores its key wrapped in 0x2::dynamic_object_field::Wrapper<K> { name: K }, whose BCS is
// the key's BCS, so only the type tag changes.
using System;
using System.Buffers.Binary;
using WotId.Crypto;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Predicts the object IDs of dynamic fields, so they can be read without listing the parent.</summary>
public static class DynamicFields
{
    private const byte ChildObjectIdScope = 0xf0;

    private static readonly StructTag s_wrapper =
        new(IotaAddress.Framework, "dynamic_object_field", "Wrapper", []);

    /// <summary>The ID of the <c>0x2::dynamic_field::Field</c> object that <c>dynamic_field::add(parent, key, …)</c> creates.</summary>
    /// <param name="parent">The parent object's ID.</param>
    /// <param name="keyType">The key's Move type.</param>
    /// <param name="keyBcs">The key's BCS bytes (for example <see cref="PureValue.Encode"/> of it).</param>
    /// <returns>The field object's ID.</returns>
    public static IotaAddress DeriveId(IotaAddress parent, TypeTag keyType, ReadOnlySpan<byte> keyBcs)
    {
        ArgumentNullException.ThrowIfNull(keyType);
        byte[] tag = keyType.ToBcs();
        byte[] buf = new byte[1 + IotaAddress.Length + 8 + keyBcs.Length + tag.Length];
        buf[0] = ChildObjectIdScope;
        parent.Span.CopyTo(buf.AsSpan(1));
        BinaryPrimitives.WriteUInt64LittleEndian(buf.AsSpan(1 + IotaAddress.Length), (ulong)keyBcs.Length);
        keyBcs.CopyTo(buf.AsSpan(1 + IotaAddress.Length + 8));
        tag.CopyTo(buf.AsSpan(1 + IotaAddress.Length + 8 + keyBcs.Length));
        return new IotaAddress(Blake2b256.Hash(buf));
    }

    /// <summary>
    /// The ID of the <c>Field</c> object that <c>dynamic_object_field::add(parent, key, …)</c> creates (key type
    /// wrapped in <c>0x2::dynamic_object_field::Wrapper&lt;K&gt;</c>); the stored object keeps its own ID.
    /// </summary>
    /// <param name="parent">The parent object's ID.</param>
    /// <param name="keyType">The key's Move type (unwrapped).</param>
    /// <param name="keyBcs">The key's BCS bytes.</param>
    /// <returns>The field object's ID.</returns>
    public static IotaAddress DeriveObjectFieldId(IotaAddress parent, TypeTag keyType, ReadOnlySpan<byte> keyBcs)
    {
        ArgumentNullException.ThrowIfNull(keyType);
        return DeriveId(parent, TypeTag.Of(s_wrapper with { TypeParams = [keyType] }), keyBcs);
    }
}
