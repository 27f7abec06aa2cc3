// Gas selection, dry-run budgeting, signing, submission, error mapping and queue delivery for IotaMailbox.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Chain;

/// <summary>Transaction plumbing.</summary>
public sealed partial class IotaMailbox
{
    private async Task<SendResult> DeliverAsync(OutgoingMessage row, CancellationToken cancellationToken)
    {
        try
        {
            if (row.Digest is not null && row.TxBytes is not null && row.Signature is not null)
            {
                // A previous attempt signed a transaction: it may have executed even though we never saw the answer.
                MailboxLog.CheckingEarlierAttempt(_logger, row.Id, row.Digest);
                ExecutionResult? earlier = await Call(() => _node.GetTransactionAsync(row.Digest, cancellationToken)).ConfigureAwait(false);
                if (earlier is not null && earlier.Success)
                {
                    return Delivered(row, earlier);
                }
            }

            SharedRef m = await SharedRefAsync(row.MailboxId, cancellationToken).ConfigureAwait(false);
            ExecutionResult r = await ExecuteAsync(g => _builder.Send(m, row.Seq, row.Payload, g), cancellationToken,
                (bytes, sig, digest) => _queue.SaveSigned(row.Id, bytes, sig, digest)).ConfigureAwait(false);
            return Delivered(row, r);
        }
        catch (MailboxException ex) when (ex.IsTransient)
        {
            MailboxLog.StaysQueued(_logger, row.Id, row.Seq, row.Attempts + 1, ex.Error);
            _queue.RecordFailure(row.Id, ex.Message);
            return new SendResult(false, null, row.Seq, row.Id, row.Digest, ex.Message);
        }
        catch (MailboxException ex)
        {
            MailboxLog.Rejected(_logger, row.Id, row.Seq, ex.Error);
            _queue.MarkRejected(row.Id, ex.Message);
            throw;
        }
    }

    private SendResult Delivered(OutgoingMessage row, ExecutionResult r)
    {
        IotaAddress? id = r.Changes.FirstOrDefault(c => c.Kind == "created" && c.ObjectType == MessageType)?.ObjectId;
        _queue.MarkDelivered(row.Id, id);
        MailboxLog.Delivered(_logger, row.Id, row.Seq, id, r.Digest);
        return new SendResult(true, id, row.Seq, row.Id, r.Digest);
    }

    private async Task<ExecutionResult> ExecuteAsync(Func<GasConfig, TransactionData> build, CancellationToken cancellationToken, Action<byte[], string, string>? beforeSubmit = null)
    {
        await _gasLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ulong price = await Call(() => _node.GetReferenceGasPriceAsync(cancellationToken)).ConfigureAwait(false);
            IotaPage<CoinInfo> coins = await Call(() => _node.GetCoinsAsync(Caller, null, 50, cancellationToken)).ConfigureAwait(false);
            CoinInfo gas = coins.Data.OrderByDescending(c => c.Balance).FirstOrDefault()
                ?? throw new MailboxException(MailboxError.InsufficientGas, "the caller owns no IOTA coin to pay gas");
            ulong ceiling = Math.Min(DryRunBudget, gas.Balance);
            ExecutionResult dry = await Call(() => _node.DryRunAsync(TransactionBcs.Encode(build(new GasConfig([gas.Ref], price, ceiling))), cancellationToken)).ConfigureAwait(false);
            if (!dry.Success)
            {
                MailboxException refused = AbortMapper.FromExecutionError(dry.Error);
                MailboxLog.DryRunRefused(_logger, "transaction", refused.Error);
                throw refused;
            }

            ulong budget = Budget(dry.Gas, price);
            if (budget > gas.Balance)
            {
                throw new MailboxException(MailboxError.InsufficientGas, $"budget {budget} exceeds the gas coin balance {gas.Balance}");
            }

            byte[] bytes = TransactionBcs.Encode(build(new GasConfig([gas.Ref], price, budget)));
            string signature = _key.SignTransaction(bytes);
            string digest = IotaIntent.TransactionDigest(bytes).ToString();
            beforeSubmit?.Invoke(bytes, signature, digest);
            ExecutionResult r = await Call(() => _node.ExecuteAsync(bytes, [signature], cancellationToken)).ConfigureAwait(false);
            return r.Success ? r : throw AbortMapper.FromExecutionError(r.Error);
        }
        finally
        {
            _gasLock.Release();
        }
    }

    /// <summary>The TS SDK's rule: max(computation + 1000·price, computation + 1000·price + storage − rebate).</summary>
    internal static ulong Budget(GasSummary g, ulong price)
    {
        ulong safe = g.ComputationCost + (1000 * price);
        long withStorage = (long)safe + (long)g.StorageCost - (long)g.StorageRebate;
        return Math.Max(safe, withStorage < 0 ? 0 : (ulong)withStorage);
    }

    private async Task<(SharedRef Mailbox, ObjectRef Cap, ObjectRef Message)> CapAndPendingAsync(MailboxHandle h, IotaAddress messageId, CancellationToken ct)
    {
        ObjectRef cap = await CapRefAsync(h, ct).ConfigureAwait(false);
        SharedRef m = await SharedRefAsync(h.MailboxId, ct).ConfigureAwait(false);
        IotaObject? msg = await Call(() => _node.GetObjectAsync(messageId, ct)).ConfigureAwait(false);
        if (msg is null || msg.Owner?.Kind != OwnerKind.Address || msg.Owner.Address != h.MailboxId)
        {
            throw new MailboxException(MailboxError.UnableToReceive, "the message is not pending in this mailbox");
        }

        return (m, cap, msg.Ref);
    }

    private async Task<ObjectRef> CapRefAsync(MailboxHandle h, CancellationToken ct)
    {
        IotaObject cap = await RequireObjectAsync(h.CapId, ct).ConfigureAwait(false);
        if (cap.Owner?.Kind != OwnerKind.Address || cap.Owner.Address != Caller)
        {
            throw new MailboxException(MailboxError.ObjectNotOwnedByCaller, "the cap is owned by another address");
        }

        if (cap.BcsBytes is byte[] b)
        {
            try
            {
                if (MessageObjectBcs.DecodeCap(b).MailboxId != h.MailboxId)
                {
                    throw new MailboxException(MailboxError.NotOwner, "the cap belongs to another mailbox");
                }
            }
            catch (BcsFormatException ex)
            {
                throw new MailboxException(MailboxError.MalformedResponse, "cap contents", ex);
            }
        }

        return cap.Ref;
    }

    private async Task<SharedRef> SharedRefAsync(IotaAddress mailboxId, CancellationToken ct)
    {
        IotaObject o = await RequireObjectAsync(mailboxId, ct).ConfigureAwait(false);
        return o.Owner is { Kind: OwnerKind.Shared, InitialSharedVersion: ulong isv }
            ? new SharedRef(mailboxId, isv)
            : throw new MailboxException(MailboxError.ObjectNotFound, mailboxId + " is not a shared mailbox");
    }

    private async Task<IotaObject> RequireObjectAsync(IotaAddress id, CancellationToken ct) =>
        await Call(() => _node.GetObjectAsync(id, ct)).ConfigureAwait(false)
        ?? throw new MailboxException(MailboxError.ObjectNotFound, "no object " + id);

    private static MailboxMessage DecodeMessage(IotaObject o, MessageState state)
    {
        try
        {
            return o.BcsBytes is byte[] b ? MessageObjectBcs.DecodeMessage(b, state) : throw new MailboxException(MailboxError.MalformedResponse, "object without BCS contents");
        }
        catch (BcsFormatException ex)
        {
            throw new MailboxException(MailboxError.MalformedResponse, "message contents", ex);
        }
    }

    /// <summary>Maps transport failures to MailboxException (transient ones keep sends queued).</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (IotaRpcException ex) when (ex.Error is IotaRpcError.Unreachable or IotaRpcError.Timeout)
        {
            throw new MailboxException(MailboxError.NodeUnreachable, ex.Message, ex);
        }
        catch (IotaRpcException ex) when (ex.Error == IotaRpcError.HttpStatus || (ex.Error == IotaRpcError.RpcError && ex.RpcCode is not -32002))
        {
            throw new MailboxException(MailboxError.NodeError, ex.Message, ex);
        }
        catch (IotaRpcException ex)
        {
            throw AbortMapper.FromRpcRejection(ex);
        }
    }
}
