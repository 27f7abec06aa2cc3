// Argument = enum { 0 GasCoin, 1 Input(u16), 2 Result(u16), 3 NestedResult(u16, u16) } (iota-types transaction.rs;
// SDK bcs.ts "Argument").
using System;

namespace WotId.Mailbox.Transactions;

/// <summary>A reference to a value inside a programmable transaction: the gas coin, an input, a command result, or one element of a result.</summary>
/// <param name="Kind">Which kind of reference this is.</param>
/// <param name="Index">The input index (Input) or command index (Result, NestedResult); 0 for the gas coin.</param>
/// <param name="SubIndex">The element index inside a multi-value result (NestedResult only).</param>
public readonly record struct Argument(ArgumentKind Kind, ushort Index = 0, ushort SubIndex = 0)
{
    /// <summary>The gas coin (after the payment coins were merged into the first one).</summary>
    public static Argument GasCoin => new(ArgumentKind.GasCoin);

    /// <summary>The input at <paramref name="index"/>.</summary>
    /// <param name="index">Input index, 0 to 65535.</param>
    /// <returns>The argument.</returns>
    public static Argument Input(int index) => new(ArgumentKind.Input, checked((ushort)index));

    /// <summary>The whole result of the command at <paramref name="command"/>.</summary>
    /// <param name="command">Command index, 0 to 65535.</param>
    /// <returns>The argument.</returns>
    public static Argument Result(int command) => new(ArgumentKind.Result, checked((ushort)command));

    /// <summary>Element <paramref name="element"/> of the result of command <paramref name="command"/>.</summary>
    /// <param name="command">Command index.</param>
    /// <param name="element">Element index inside the result.</param>
    /// <returns>The argument.</returns>
    public static Argument NestedResult(int command, int element) =>
        new(ArgumentKind.NestedResult, checked((ushort)command), checked((ushort)element));

    /// <summary>
    /// Element <paramref name="element"/> of this command result, as the SDK idiom <c>const [x] = tx.moveCall(…)</c>
    /// refers to it (<c>NestedResult(cmd, element)</c>).
    /// </summary>
    /// <param name="element">Element index inside the result.</param>
    /// <returns>The nested result.</returns>
    /// <exception cref="InvalidOperationException">This argument is not a <see cref="ArgumentKind.Result"/>.</exception>
    public Argument Nested(int element) => Kind == ArgumentKind.Result
        ? NestedResult(Index, element)
        : throw new InvalidOperationException("only a command Result has nested elements");
}
