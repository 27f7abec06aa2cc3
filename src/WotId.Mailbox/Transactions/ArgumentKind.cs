namespace WotId.Mailbox.Transactions;

/// <summary>BCS variant indexes of <see cref="Argument"/>.</summary>
public enum ArgumentKind
{
    /// <summary>The gas coin.</summary>
    GasCoin = 0,

    /// <summary>A transaction input.</summary>
    Input = 1,

    /// <summary>The result of a command.</summary>
    Result = 2,

    /// <summary>One element of a command's result.</summary>
    NestedResult = 3,
}
