// Fuzz target: the BCS decoders of WotId.Mailbox (TransactionData, TransactionKind and TypeTag through their public
// FromBcs, MessageObject contents).
using System;
using WotId.Mailbox;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Transactions;

namespace WotId.Fuzz.Targets.Mailbox;

/// <summary>Only <see cref="BcsFormatException"/> may escape; a decoded transaction must re-encode to the same bytes.</summary>
public sealed class BcsTransactionTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "mailbox-bcs";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            TransactionData tx = TransactionData.FromBcs(input);
            if (!tx.ToBcs().AsSpan().SequenceEqual(input))
            {
                throw new InvalidOperationException("BCS decode/encode is not canonical");
            }
        }
        catch (BcsFormatException)
        {
        }

        try
        {
            ProgrammableTransaction.FromBcs(input);
        }
        catch (BcsFormatException)
        {
        }

        try
        {
            TypeTag.FromBcs(input);
        }
        catch (BcsFormatException)
        {
        }

        try
        {
            MessageObjectBcs.DecodeMessage(input, MessageState.Pending);
        }
        catch (BcsFormatException)
        {
        }
    }
}
