// Execution of mailbox transactions by the chain test double: input checks first (as the node does when it signs
// and locks inputs), then the Move function with the package's check order and abort codes. A dry run plans the
// same changes and discards them; an execution applies them.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Contract;

/// <summary>Transaction execution.</summary>
internal sealed partial class ChainModel
{
    private const ulong MaxPayload = MailboxLimits.MaxPayloadBytes;

    private JsonNode Run(byte[] tx, string? signature)
    {
        TransactionData data = TransactionBcs.Decode(tx);
        if (signature is not null && SerializedSignature.VerifyTransaction(tx, signature) != data.Sender)
        {
            throw new RpcRejection(-32602, "the signature does not verify for the sender");
        }

        CheckInputs(data);
        MoveCallCommand call = data.Kind.Commands.Single() as MoveCallCommand ?? throw new RpcRejection(-32602, "the model runs single Move calls only");
        var created = new List<Obj>();
        var apply = new List<Action>();
        string? error = null;
        try
        {
            Plan(data, call, created, apply);
        }
        catch (MoveAbort a)
        {
            error = $"MoveAbort(MoveLocation {{ module: ModuleId {{ address: {(a.Module == "mailbox" ? Package.ToString()[2..] : new string('0', 63) + "2")}, name: Identifier(\"{a.Module}\") }}, function: 0, instruction: 0, function_name: Some(\"{call.Function}\") }}, {a.Code}) in command 0";
        }

        string digest = IotaIntent.TransactionDigest(tx).ToString();
        var result = new JsonObject
        {
            ["digest"] = digest,
            ["effects"] = new JsonObject
            {
                ["messageVersion"] = "v1",
                ["status"] = error is null ? new JsonObject { ["status"] = "success" } : new JsonObject { ["status"] = "failure", ["error"] = error },
                ["gasUsed"] = new JsonObject { ["computationCost"] = "1000000", ["computationCostBurned"] = "1000000", ["storageCost"] = "2000000", ["storageRebate"] = "0", ["nonRefundableStorageFee"] = "0" },
                ["transactionDigest"] = digest,
            },
            ["events"] = new JsonArray(),
            ["objectChanges"] = new JsonArray(),
        };
        if (signature is null || error is not null)
        {
            return result;
        }

        foreach (Action a in apply)
        {
            a();
        }

        var changes = (JsonArray)result["objectChanges"]!;
        foreach (Obj o in created)
        {
            Add(o);
            changes.Add(new JsonObject
            {
                ["type"] = "created", ["sender"] = data.Sender.ToString(), ["owner"] = OwnerJson(o), ["objectType"] = (string)ObjectData(o)["type"]!,
                ["objectId"] = o.Id.ToString(), ["version"] = o.Version.ToString(Inv), ["digest"] = o.Digest.ToString(),
            });
        }

        _executed[digest] = result.ToJsonString();
        return result;
    }

    /// <summary>What the node checks before execution: inputs exist, owned ones belong to the sender, receiving refs are current.</summary>
    private void CheckInputs(TransactionData data)
    {
        foreach (CallArg input in data.Kind.Inputs.Where(i => i.Kind != CallArgKind.Pure))
        {
            IotaAddress id = input.ObjectId!.Value;
            if (input.Kind == CallArgKind.Shared && id == IotaAddress.Clock)
            {
                continue;
            }

            if (!_objects.TryGetValue(id, out Obj? o))
            {
                throw new RpcRejection(-32002, $"Could not find the referenced object {id} (ObjectNotFound)");
            }

            if (input.Kind == CallArgKind.ImmOrOwned && (o.Kind == ObjKind.Mailbox || o.Owner != data.Sender))
            {
                throw new RpcRejection(-32002, $"Transaction needs to be signed by the owner: object {id} is not owned by {data.Sender}");
            }

            if (input.Kind == CallArgKind.Receiving && input.Ref.Version != o.Version)
            {
                throw new RpcRejection(-32002, $"Object {id} ObjectVersionUnavailableForConsumption");
            }
        }
    }

    private void Plan(TransactionData data, MoveCallCommand call, List<Obj> created, List<Action> apply)
    {
        CallArg Arg(int i) => data.Kind.Inputs[call.Arguments[i].Index];
        Obj Object(int i) => _objects[Arg(i).ObjectId!.Value];
        ulong U64(int i) => new BcsReader(Arg(i).PureBytes.Span).ReadU64();
        byte[] Bytes(int i) => new BcsReader(Arg(i).PureBytes.Span).ReadBytes(1 << 20);
        IotaAddress Address(int i) => new(Arg(i).PureBytes.Span);
        IotaAddress sender = data.Sender;

        switch (call.Function)
        {
            case "create_mailbox":
                {
                    byte[] key = Bytes(0);
                    ulong max = U64(1);
                    Abort(max == 0 || max > MaxPayload || key.Length > MailboxLimits.MaxKeyBytes, 6);
                    var mailbox = new Obj(ObjKind.Mailbox, NewId()) { Owner = sender, Payload = key, Max = max };
                    var cap = new Obj(ObjKind.Cap, NewId()) { Owner = sender, MailboxId = mailbox.Id };
                    created.Add(mailbox);
                    created.Add(cap);
                    apply.Add(() => mailbox.SharedVersion = mailbox.Version);
                    return;
                }

            case "send":
                {
                    Obj m = Object(0);
                    byte[] payload = Bytes(2);
                    Abort(m.Blocked.Contains(sender), 3);
                    Abort(payload.Length == 0, 2);
                    Abort((ulong)payload.Length > m.Max, 1);
                    created.Add(new Obj(ObjKind.Message, NewId())
                    {
                        Owner = m.Id, MailboxId = m.Id, Sender = sender, SentAtMs = 1_732_500_000_000 + _lamport, Seq = U64(1), Payload = payload,
                    });
                    return;
                }

            case "claim_message":
            case "receive_and_delete":
                {
                    Obj m = Object(0);
                    CheckCap(m, Object(1));
                    Obj msg = Object(2);
                    Abort(msg.Archived || msg.Owner != m.Id, 3, "transfer");
                    if (call.Function == "receive_and_delete")
                    {
                        apply.Add(() => _objects.Remove(msg.Id));
                        return;
                    }

                    Abort(msg.MailboxId != m.Id, 4);
                    Abort(m.Blocked.Contains(msg.Sender), 3);
                    Abort((ulong)msg.Payload.Length > m.Max, 1);
                    apply.Add(() =>
                    {
                        msg.Archived = true;
                        msg.FieldId = NewId();
                        msg.Version = ++_lamport;
                        m.Stored++;
                        m.Version = ++_lamport;
                    });
                    return;
                }

            case "delete_message":
                {
                    Obj m = Object(0);
                    CheckCap(m, Object(1));
                    Abort(!_objects.TryGetValue(Address(2), out Obj? msg) || !msg.Archived || msg.Owner != m.Id, 7);
                    apply.Add(() =>
                    {
                        _objects.Remove(msg!.Id);
                        m.Stored--;
                        m.Version = ++_lamport;
                    });
                    return;
                }

            case "block_sender":
            case "unblock_sender":
                {
                    Obj m = Object(0);
                    CheckCap(m, Object(1));
                    IotaAddress who = Address(2);
                    bool block = call.Function == "block_sender";
                    Abort(block && !m.Blocked.Contains(who) && m.Blocked.Count >= MailboxLimits.MaxBlocked, 8);
                    apply.Add(() =>
                    {
                        m.Blocked.Remove(who);
                        if (block)
                        {
                            m.Blocked.Add(who);
                        }

                        m.Version = ++_lamport;
                    });
                    return;
                }

            default:
                throw new RpcRejection(-32602, "the model does not run " + call.Function);
        }
    }

    private static void CheckCap(Obj mailbox, Obj cap) => Abort(cap.Kind != ObjKind.Cap || cap.MailboxId != mailbox.Id, 0);

    private static void Abort(bool condition, ulong code, string module = "mailbox")
    {
        if (condition)
        {
            throw new MoveAbort(module, code);
        }
    }
}
