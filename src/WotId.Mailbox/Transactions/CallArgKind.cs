namespace WotId.Mailbox.Transactions;

/// <summary>Which kind of input a <see cref="CallArg"/> is.</summary>
public enum CallArgKind
{
    /// <summary><c>CallArg::Pure</c>: the BCS bytes of a primitive value.</summary>
    Pure,

    /// <summary><c>ObjectArg::ImmOrOwnedObject</c>: an owned or immutable object at one version.</summary>
    ImmOrOwned,

    /// <summary><c>ObjectArg::SharedObject</c>: a shared object by its initial shared version.</summary>
    Shared,

    /// <summary><c>ObjectArg::Receiving</c>: an object sent to another object (transfer to object).</summary>
    Receiving,
}
