namespace WotId.Mailbox.Transactions;

/// <summary>BCS variant indexes of <see cref="TypeTag"/> (move-core-types <c>TypeTag</c>).</summary>
public enum TypeTagKind
{
    /// <summary><c>bool</c>.</summary>
    Bool = 0,

    /// <summary><c>u8</c>.</summary>
    U8 = 1,

    /// <summary><c>u64</c>.</summary>
    U64 = 2,

    /// <summary><c>u128</c>.</summary>
    U128 = 3,

    /// <summary><c>address</c>.</summary>
    Address = 4,

    /// <summary><c>signer</c>.</summary>
    Signer = 5,

    /// <summary><c>vector&lt;T&gt;</c>.</summary>
    Vector = 6,

    /// <summary>A struct type (<see cref="StructTag"/>).</summary>
    Struct = 7,

    /// <summary><c>u16</c>.</summary>
    U16 = 8,

    /// <summary><c>u32</c>.</summary>
    U32 = 9,

    /// <summary><c>u256</c>.</summary>
    U256 = 10,
}
