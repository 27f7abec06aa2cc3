// The seven commands (iota-types transaction.rs "Command"; SDK Transaction.ts moveCall, transferObjects, splitCoins,
// mergeCoins, publish, makeMoveVec, upgrade).
using System;
using System.Collections.Generic;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Command half of the builder.</summary>
public sealed partial class ProgrammableTransactionBuilder
{
    /// <summary>Calls a Move function; the result is <c>Result(i)</c> (use <see cref="Argument.Nested"/> for one return value).</summary>
    /// <param name="package">The package ID.</param>
    /// <param name="module">The module.</param>
    /// <param name="function">The function.</param>
    /// <param name="typeArguments">Type arguments (empty for a non-generic function).</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The call's result.</returns>
    public Argument MoveCall(IotaAddress package, string module, string function, IReadOnlyList<TypeTag> typeArguments, params Argument[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentNullException.ThrowIfNull(typeArguments);
        return AddCommand(new MoveCallCommand(package, module, function, [.. typeArguments], [.. arguments]));
    }

    /// <summary>Calls <paramref name="target"/>, written <c>package::module::function</c> (for example <c>0x2::coin::zero</c>).</summary>
    /// <param name="target">The function.</param>
    /// <param name="typeArguments">Type arguments (empty for a non-generic function).</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="FormatException">The target is not <c>address::module::function</c>.</exception>
    public Argument MoveCall(string target, IReadOnlyList<TypeTag> typeArguments, params Argument[] arguments)
    {
        ArgumentNullException.ThrowIfNull(target);
        string[] parts = target.Split("::");
        if (parts.Length != 3 || !IotaAddress.TryParse(parts[0], out IotaAddress package) || parts[1].Length == 0 || parts[2].Length == 0)
        {
            throw new FormatException("a Move call target is address::module::function");
        }

        return MoveCall(package, parts[1], parts[2], typeArguments, arguments);
    }

    /// <summary>Transfers <paramref name="objects"/> to <paramref name="recipient"/> (a pure address argument).</summary>
    /// <param name="objects">The objects.</param>
    /// <param name="recipient">The recipient argument, e.g. from <see cref="PureAddress"/>.</param>
    public void TransferObjects(IReadOnlyList<Argument> objects, Argument recipient)
    {
        ArgumentNullException.ThrowIfNull(objects);
        AddCommand(new TransferObjectsCommand([.. objects], recipient));
    }

    /// <summary>Splits amounts off <paramref name="coin"/>; element <c>i</c> of the result is <c>NestedResult(cmd, i)</c>.</summary>
    /// <param name="coin">The coin, for example <see cref="Gas"/>.</param>
    /// <param name="amounts">Pure <c>u64</c> amounts.</param>
    /// <returns>One argument per new coin.</returns>
    public Argument[] SplitCoins(Argument coin, params Argument[] amounts)
    {
        Argument result = AddCommand(new SplitCoinsCommand(coin, [.. amounts]));
        var coins = new Argument[amounts.Length];
        for (int i = 0; i < amounts.Length; i++)
        {
            coins[i] = result.Nested(i);
        }

        return coins;
    }

    /// <summary>Merges <paramref name="sources"/> into <paramref name="destination"/>.</summary>
    /// <param name="destination">The coin that receives the balances.</param>
    /// <param name="sources">The coins merged into it.</param>
    public void MergeCoins(Argument destination, params Argument[] sources) =>
        AddCommand(new MergeCoinsCommand(destination, [.. sources]));

    /// <summary>Builds a <c>vector&lt;T&gt;</c>; the result is <c>Result(i)</c>.</summary>
    /// <param name="elementType">The element type; required for pure elements and empty vectors, null for objects.</param>
    /// <param name="elements">The elements.</param>
    /// <returns>The vector.</returns>
    public Argument MakeMoveVec(TypeTag? elementType, params Argument[] elements) =>
        AddCommand(new MakeMoveVecCommand(elementType, [.. elements]));

    /// <summary>Publishes a package; the result is its <c>UpgradeCap</c>, which must be transferred or used.</summary>
    /// <param name="modules">Compiled modules (Move bytecode).</param>
    /// <param name="dependencies">IDs of the packages it depends on.</param>
    /// <returns>The upgrade capability.</returns>
    public Argument Publish(IReadOnlyList<byte[]> modules, IReadOnlyList<IotaAddress> dependencies)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(dependencies);
        return AddCommand(new PublishCommand([.. modules], [.. dependencies]));
    }

    /// <summary>Upgrades <paramref name="package"/>; the result is the <c>UpgradeReceipt</c> for <c>0x2::package::commit_upgrade</c>.</summary>
    /// <param name="modules">The new compiled modules.</param>
    /// <param name="dependencies">IDs of the packages it depends on.</param>
    /// <param name="package">The package being upgraded.</param>
    /// <param name="ticket">The ticket from <c>0x2::package::authorize_upgrade</c>.</param>
    /// <returns>The upgrade receipt.</returns>
    public Argument Upgrade(IReadOnlyList<byte[]> modules, IReadOnlyList<IotaAddress> dependencies, IotaAddress package, Argument ticket)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(dependencies);
        return AddCommand(new UpgradeCommand([.. modules], [.. dependencies], package, ticket));
    }

    /// <summary>Adds any command; the result is <c>Result(i)</c>.</summary>
    /// <param name="command">The command.</param>
    /// <returns>Its result.</returns>
    public Argument AddCommand(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _commands.Add(command);
        return Argument.Result(_commands.Count - 1);
    }
}
