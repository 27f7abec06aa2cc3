// Argument = enum { 0 GasCoin, 1 Input(u16), 2 Result(u16), 3 NestedResult(u16, u16) } (iota-types transaction.rs).
namespace WotId.Mailbox.Transactions;

/// <summary>BCS variant indexes of <see cref="Argument"/>.</summary>
internal enum ArgumentKind
{
    GasCoin = 0,
    Input = 1,
    Result = 2,
    NestedResult = 3,
}

/// <summary>A reference to a PTB value: the gas coin, an input, a command result, or one element of a result.</summary>
internal readonly record struct Argument(ArgumentKind Kind, ushort Index = 0, ushort SubIndex = 0)
{
    public static Argument GasCoin => new(ArgumentKind.GasCoin);

    public static Argument Input(int index) => new(ArgumentKind.Input, checked((ushort)index));

    public static Argument Result(int command) => new(ArgumentKind.Result, checked((ushort)command));

    public static Argument NestedResult(int command, int element) =>
        new(ArgumentKind.NestedResult, checked((ushort)command), checked((ushort)element));
}
