// Publishes did:iota documents over a node client: builds the identity.rs transactions (IotaIdentityTransactionBuilder),
// pays gas from the controller's largest IOTA coin, budgets with a dry run (the TS SDK's rule, as IotaMailbox does),
// signs with the controller's Ed25519 key (intent [0, 0, 0], flag 0x00) and submits with iota_executeTransactionBlock.
// The new Identity's ID comes from objectChanges (type created, object type <pkg>::identity::Identity, Shared owner);
// the DID is did:iota:<network>:<id>, with the network name elided for mainnet ("iota"), as identity.rs IotaDID does.
using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Identity;

/// <summary>
/// Creates, updates, deactivates and deletes did:iota documents on chain for one controller key. Chain refusals throw
/// <see cref="MailboxException"/> (<see cref="MailboxError.TransactionFailed"/>, <see cref="MailboxError.InsufficientGas"/>,
/// <see cref="MailboxError.ObjectNotFound"/>, <see cref="MailboxError.ObjectNotOwnedByCaller"/>,
/// <see cref="MailboxError.MalformedResponse"/>); transport failures throw <see cref="IotaRpcException"/>.
/// </summary>
public sealed class IotaIdentityPublisher : IDisposable
{
    /// <summary>The default network name: mainnet, elided from DIDs.</summary>
    public const string MainnetName = "iota";

    private const ulong DryRunBudget = 500_000_000; // 0.5 IOTA ceiling for the estimate
    private const int CapPageSize = 50;
    private const int MaxCapPages = 20;

    private readonly IIotaNodeClient _node;
    private readonly IotaKeyPair _controller;
    private readonly string _network;
    private readonly SemaphoreSlim _gasLock = new(1, 1);

    /// <summary>Creates a publisher.</summary>
    /// <param name="node">The node client.</param>
    /// <param name="controller">The controller's key: it signs and pays, and receives the ControllerCap on creation.</param>
    /// <param name="package">The Identity package ID to call.</param>
    /// <param name="network">The DID network name (the chain identifier, e.g. <c>2304aa97</c> for testnet); null for mainnet.</param>
    public IotaIdentityPublisher(IIotaNodeClient node, IotaKeyPair controller, IotaAddress package, string? network = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(controller);
        if (network is not null && (network.Length is 0 or > 8 || !network.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))))
        {
            throw new ArgumentException("a did:iota network name is 1 to 8 lower-case letters and digits", nameof(network));
        }

        _node = node;
        _controller = controller;
        _network = network ?? MainnetName;
        Builder = new IotaIdentityTransactionBuilder(package);
    }

    /// <summary>The transaction builder in use.</summary>
    public IotaIdentityTransactionBuilder Builder { get; }

    /// <summary>The DID of the Identity object <paramref name="identityId"/> on this publisher's network.</summary>
    /// <param name="identityId">The Identity object's ID.</param>
    /// <returns><c>did:iota:0x…</c> or <c>did:iota:&lt;network&gt;:0x…</c>.</returns>
    public string DidOf(IotaAddress identityId) =>
        _network == MainnetName ? "did:iota:" + identityId : $"did:iota:{_network}:{identityId}";

    /// <summary>Creates an Identity holding <paramref name="packedDocument"/>, controlled by this publisher's key alone.</summary>
    /// <param name="packedDocument">The packed document, built with the placeholder DID <c>did:0:0</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The new DID, Identity ID, ControllerCap ID and transaction digest.</returns>
    public async Task<IotaIdentityPublication> CreateAsync(ReadOnlyMemory<byte> packedDocument, CancellationToken cancellationToken)
    {
        ProgrammableTransaction kind = Builder.Create(packedDocument.Span);
        ExecutionResult r = await ExecuteAsync(kind, cancellationToken).ConfigureAwait(false);
        ObjectChange identity = r.Changes.FirstOrDefault(c => c.Kind == "created" && IsType(c.ObjectType, "identity::Identity")
                && c.Owner?.Kind == OwnerKind.Shared)
            ?? throw new MailboxException(MailboxError.MalformedResponse, "the effects list no created shared Identity");
        ObjectChange? cap = r.Changes.FirstOrDefault(c => c.Kind == "created" && IsType(c.ObjectType, "controller::ControllerCap"));
        return new IotaIdentityPublication(DidOf(identity.ObjectId), identity.ObjectId, cap?.ObjectId, r.Digest);
    }

    /// <summary>Replaces the document of <paramref name="identityId"/> (a proposal, executed at once when this key's vote suffices).</summary>
    /// <param name="identityId">The Identity object's ID.</param>
    /// <param name="packedDocument">The new packed document.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The outcome; <see cref="IotaIdentityPublication.PendingProposalId"/> is set when other controllers must approve.</returns>
    public Task<IotaIdentityPublication> UpdateAsync(IotaAddress identityId, ReadOnlyMemory<byte> packedDocument, CancellationToken cancellationToken)
    {
        if (!IotaIdentityTransactionBuilder.IsPackedDocument(packedDocument.Span) || packedDocument.Length > IotaIdentityTransactionBuilder.MaxPackedDocumentBytes)
        {
            throw new ArgumentException("not a packed did:iota document, or larger than a pure argument can carry", nameof(packedDocument));
        }

        return ChangeAsync(identityId, (id, cap) => Builder.Update(id, cap, packedDocument.Span), cancellationToken);
    }

    /// <summary>Deactivates the document (empty bytes on chain; it can be published again).</summary>
    /// <param name="identityId">The Identity object's ID.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The outcome.</returns>
    public Task<IotaIdentityPublication> DeactivateAsync(IotaAddress identityId, CancellationToken cancellationToken) =>
        ChangeAsync(identityId, (id, cap) => Builder.Deactivate(id, cap), cancellationToken);

    /// <summary>Deletes the document for good (<c>None</c> on chain; the Identity can never hold one again).</summary>
    /// <param name="identityId">The Identity object's ID.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The outcome.</returns>
    public Task<IotaIdentityPublication> DeleteDocumentAsync(IotaAddress identityId, CancellationToken cancellationToken) =>
        ChangeAsync(identityId, (id, cap) => Builder.DeleteDocument(id, cap), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _gasLock.Dispose();

    // A Move type string names the package that first defined it (the original ID, not an upgrade's), so match the
    // module::Name part and leave the address out.
    private static bool IsType(string? type, string moduleAndName) =>
        type is not null && type.EndsWith("::" + moduleAndName, StringComparison.Ordinal);

    private async Task<IotaIdentityPublication> ChangeAsync(IotaAddress identityId, Func<IotaIdentityRef, ObjectRef, ProgrammableTransaction> build, CancellationToken cancellationToken)
    {
        IotaIdentityRef identity = await IdentityRefAsync(identityId, cancellationToken).ConfigureAwait(false);
        ObjectRef cap = await ControllerCapAsync(identityId, cancellationToken).ConfigureAwait(false);
        ExecutionResult r = await ExecuteAsync(build(identity, cap), cancellationToken).ConfigureAwait(false);
        return new IotaIdentityPublication(DidOf(identityId), identityId, null, r.Digest, PendingProposal(r));
    }

    // identity::propose_update emits ProposalEvent{executed: false} only when the proposal still waits for approvals.
    private static IotaAddress? PendingProposal(ExecutionResult r)
    {
        foreach (IotaEvent e in r.Events)
        {
            if (IsType(e.Type, "identity::ProposalEvent") && e.ParsedJson.ValueKind == JsonValueKind.Object
                && e.ParsedJson.TryGetProperty("executed", out JsonElement executed) && executed.ValueKind == JsonValueKind.False
                && e.ParsedJson.TryGetProperty("proposal", out JsonElement proposal)
                && IotaAddress.TryParse(proposal.GetString(), out IotaAddress id))
            {
                return id;
            }
        }

        return null;
    }

    private async Task<IotaIdentityRef> IdentityRefAsync(IotaAddress identityId, CancellationToken cancellationToken)
    {
        IotaObject o = await _node.GetObjectAsync(identityId, cancellationToken).ConfigureAwait(false)
            ?? throw new MailboxException(MailboxError.ObjectNotFound, identityId + " does not exist");
        return IsType(o.Type, "identity::Identity") && o.Owner is { Kind: OwnerKind.Shared, InitialSharedVersion: ulong isv }
            ? new IotaIdentityRef(identityId, isv)
            : throw new MailboxException(MailboxError.ObjectNotFound, identityId + " is not a shared Identity");
    }

    // The controller's ControllerCap whose controller_of is the Identity: iotax_getOwnedObjects of the sender, all types
    // (the cap's type names the package's original ID, which an upgraded package's latest ID does not tell).
    private async Task<ObjectRef> ControllerCapAsync(IotaAddress identityId, CancellationToken cancellationToken)
    {
        JsonElement? cursor = null;
        for (int page = 0; page < MaxCapPages; page++)
        {
            IotaPage<IotaObject> owned = await _node.GetOwnedObjectsAsync(_controller.Address, null, cursor, CapPageSize, cancellationToken).ConfigureAwait(false);
            foreach (IotaObject o in owned.Data)
            {
                if (IsType(o.Type, "controller::ControllerCap") && o.Fields is JsonElement f && f.ValueKind == JsonValueKind.Object
                    && f.TryGetProperty("controller_of", out JsonElement of) && of.ValueKind == JsonValueKind.String
                    && IotaAddress.TryParse(of.GetString(), out IotaAddress controlled) && controlled == identityId)
                {
                    return o.Ref;
                }
            }

            if (!owned.HasNextPage || owned.NextCursor is null)
            {
                break;
            }

            cursor = owned.NextCursor;
        }

        throw new MailboxException(MailboxError.ObjectNotOwnedByCaller, $"{_controller.Address} holds no ControllerCap of {identityId}");
    }

    private async Task<ExecutionResult> ExecuteAsync(ProgrammableTransaction kind, CancellationToken cancellationToken)
    {
        await _gasLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IotaAddress sender = _controller.Address;
            ulong price = await _node.GetReferenceGasPriceAsync(cancellationToken).ConfigureAwait(false);
            IotaPage<CoinInfo> coins = await _node.GetCoinsAsync(sender, null, 50, cancellationToken).ConfigureAwait(false);
            CoinInfo gas = coins.Data.OrderByDescending(c => c.Balance).FirstOrDefault()
                ?? throw new MailboxException(MailboxError.InsufficientGas, "the controller owns no IOTA coin to pay gas");
            ulong ceiling = Math.Min(DryRunBudget, gas.Balance);
            var probe = new TransactionData(kind, sender, new GasData([gas.Ref], sender, price, ceiling));
            ExecutionResult dry = await _node.DryRunAsync(probe.ToBcs(), cancellationToken).ConfigureAwait(false);
            if (!dry.Success)
            {
                throw AbortMapper.FromExecutionError(dry.Error);
            }

            ulong budget = IotaMailbox.Budget(dry.Gas, price);
            if (budget > gas.Balance)
            {
                throw new MailboxException(MailboxError.InsufficientGas, $"budget {budget} exceeds the gas coin balance {gas.Balance}");
            }

            byte[] bytes = new TransactionData(kind, sender, new GasData([gas.Ref], sender, price, budget)).ToBcs();
            ExecutionResult r = await _node.ExecuteAsync(bytes, [_controller.SignTransaction(bytes)], cancellationToken).ConfigureAwait(false);
            return r.Success ? r : throw AbortMapper.FromExecutionError(r.Error);
        }
        finally
        {
            _gasLock.Release();
        }
    }
}
