// Fuzz target: the BCS decoders of WotId.Mailbox (TransactionData, TransactionKind, MessageObject contents).
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
            TransactionData tx = TransactionBcs.Decode(input);
            if (!TransactionBcs.Encode(tx).AsSpan().SequenceEqual(input))
            {
                throw new InvalidOperationException("BCS decode/encode is not canonical");
            }
        }
        catch (BcsFormatException)
        {
        }

        try
        {
            TransactionBcs.DecodeKind(input);
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
