// IotaIdentityPublisher against a scripted JSON-RPC node on 127.0.0.1 (IdentityNode, answering with the labelled
// fixtures of IdentityResponses): the DID comes from the created Identity in objectChanges, updates borrow the
// controller's own ControllerCap and the Identity as a mutable shared input, and chain refusals are typed.
using System;
using System.Linq;
using System.Threading.Tasks;
using WotId.Mailbox.Identity;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Identity;

public sealed class IdentityPublisherTests
{
    private static readonly IotaAddress s_package = IotaAddress.Parse(IdentityResponses.Pkg);
    private static readonly IotaAddress s_identity = IotaAddress.Parse(IdentityResponses.IdentityId);

    [Fact]
    public async Task CreatingPublishesThePackedDocumentAndReturnsTheMainnetDidOfTheNewIdentity()
    {
        using IotaKeyPair controller = IotaKeyPair.Generate();
        await using var node = new IdentityNode(controller.Address);
        using var client = new JsonRpcIotaClient(node.Endpoint);
        using var publisher = new IotaIdentityPublisher(client, controller, s_package);

        IotaIdentityPublication p = await publisher.CreateAsync(IdentityInputs.Document, TestContext.Current.CancellationToken);

        Assert.Equal("did:iota:" + IdentityResponses.IdentityId, p.Did);
        Assert.Equal(s_identity, p.IdentityId);
        Assert.Equal(IotaAddress.Parse(IdentityResponses.CapId), p.ControllerCapId);
        Assert.Null(p.PendingProposalId);
        TransactionData tx = Assert.Single(node.Executed);
        Assert.Equal(p.Digest, tx.GetDigest().ToString());
        Assert.Equal(controller.Address, tx.Sender);
        var call = Assert.IsType<MoveCallCommand>(Assert.Single(tx.Kind.Commands));
        Assert.Equal((s_package, "identity", "new"), (call.Package, call.Module, call.Function));
        byte[] doc = tx.Kind.Inputs[0].PureBytes.ToArray();
        Assert.Equal([1, .. Uleb(IdentityInputs.Document.Length), .. IdentityInputs.Document], doc);
        Assert.Equal(CallArg.Shared(IotaAddress.Clock, 1, false), tx.Kind.Inputs[1]);
        Assert.Equal(["iotax_getReferenceGasPrice", "iotax_getCoins", "iota_dryRunTransactionBlock", "iota_executeTransactionBlock"], node.Methods.ToArray());
    }

    [Fact]
    public async Task DidsOutsideMainnetCarryTheNetworkName()
    {
        using IotaKeyPair controller = IotaKeyPair.Generate();
        await using var node = new IdentityNode(controller.Address);
        using var client = new JsonRpcIotaClient(node.Endpoint);
        using var publisher = new IotaIdentityPublisher(client, controller, s_package, "2304aa97");

        IotaIdentityPublication p = await publisher.CreateAsync(IdentityInputs.Document, TestContext.Current.CancellationToken);

        Assert.Equal("did:iota:2304aa97:" + IdentityResponses.IdentityId, p.Did);
        Assert.Throws<ArgumentException>(() => new IotaIdentityPublisher(client, controller, s_package, "Testnet!"));
    }

    [Fact]
    public async Task UpdatingBorrowsTheControllersCapAndProposesTheNewDocumentOnTheSharedIdentity()
    {
        using IotaKeyPair controller = IotaKeyPair.Generate();
        await using var node = new IdentityNode(controller.Address);
        using var client = new JsonRpcIotaClient(node.Endpoint);
        using var publisher = new IotaIdentityPublisher(client, controller, s_package);

        IotaIdentityPublication p = await publisher.UpdateAsync(s_identity, IdentityInputs.LongerDocument, TestContext.Current.CancellationToken);

        Assert.Null(p.PendingProposalId);
        Assert.Equal("did:iota:" + IdentityResponses.IdentityId, p.Did);
        TransactionData tx = Assert.Single(node.Executed);
        Assert.Equal(CallArg.ImmOrOwned(new ObjectRef(IotaAddress.Parse(IdentityResponses.CapId), IdentityResponses.CapVersion, ObjectDigest.Parse("5BPqhqqJDfFjtayAxfWtPSZtxZLNGYhyPpoqTMityXsN"))), tx.Kind.Inputs[0]);
        Assert.Equal(CallArg.Shared(s_identity, IdentityResponses.IdentityIsv, true), tx.Kind.Inputs[1]);
        Assert.Equal([1, .. Uleb(IdentityInputs.LongerDocument.Length), .. IdentityInputs.LongerDocument], tx.Kind.Inputs[2].PureBytes.ToArray());
        Assert.Equal(["controller::borrow", "option::none", "identity::propose_update", "controller::put_back"], Calls(tx));
    }

    [Fact]
    public async Task DeactivatingWritesEmptyBytesAndDeletingWritesNone()
    {
        using IotaKeyPair controller = IotaKeyPair.Generate();
        await using var node = new IdentityNode(controller.Address);
        using var client = new JsonRpcIotaClient(node.Endpoint);
        using var publisher = new IotaIdentityPublisher(client, controller, s_package);

        await publisher.DeactivateAsync(s_identity, TestContext.Current.CancellationToken);
        await publisher.DeleteDocumentAsync(s_identity, TestContext.Current.CancellationToken);

        TransactionData[] txs = [.. node.Executed];
        Assert.Equal(2, txs.Length);
        Assert.Equal(new byte[] { 1, 0 }, txs[0].Kind.Inputs[2].PureBytes.ToArray());
        Assert.Equal(new byte[] { 0 }, txs[1].Kind.Inputs[2].PureBytes.ToArray());
    }

    [Fact]
    public async Task AnUpdateThatNeedsOtherControllersReportsThePendingProposal()
    {
        using IotaKeyPair controller = IotaKeyPair.Generate();
        await using var node = new IdentityNode(controller.Address) { ProposalExecuted = false };
        using var client = new JsonRpcIotaClient(node.Endpoint);
        using var publisher = new IotaIdentityPublisher(client, controller, s_package);

        IotaIdentityPublication p = await publisher.UpdateAsync(s_identity, IdentityInputs.Document, TestContext.Current.CancellationToken);

        Assert.Equal(IotaAddress.Parse(IdentityResponses.ProposalId), p.PendingProposalId);
    }

    [Fact]
    public async Task AKeyWithoutAControllerCapOfTheIdentityIsRefusedBeforeAnythingIsSigned()
    {
        using IotaKeyPair controller = IotaKeyPair.Generate();
        await using var node = new IdentityNode(controller.Address) { CapControls = IdentityResponses.ProposalId };
        using var client = new JsonRpcIotaClient(node.Endpoint);
        using var publisher = new IotaIdentityPublisher(client, controller, s_package);

        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => publisher.UpdateAsync(s_identity, IdentityInputs.Document, TestContext.Current.CancellationToken));

        Assert.Equal(MailboxError.ObjectNotOwnedByCaller, ex.Error);
        Assert.Empty(node.Executed);
        Assert.DoesNotContain("iota_dryRunTransactionBlock", node.Methods);
    }

    [Fact]
    public async Task AnAbortInTheIdentityModuleIsATypedFailureAndNothingIsExecuted()
    {
        using IotaKeyPair controller = IotaKeyPair.Generate();
        await using var node = new IdentityNode(controller.Address) { IdentityDeleted = true };
        using var client = new JsonRpcIotaClient(node.Endpoint);
        using var publisher = new IotaIdentityPublisher(client, controller, s_package);

        MailboxException ex = await Assert.ThrowsAsync<MailboxException>(() => publisher.DeactivateAsync(s_identity, TestContext.Current.CancellationToken));

        Assert.Equal(MailboxError.TransactionFailed, ex.Error);
        Assert.Contains("Move abort 6 in module identity", ex.Message, StringComparison.Ordinal);
        Assert.Empty(node.Executed);
    }

    [Fact]
    public async Task BytesWithoutThePackedDocumentHeaderAreRejectedBeforeAnyCall()
    {
        using IotaKeyPair controller = IotaKeyPair.Generate();
        await using var node = new IdentityNode(controller.Address);
        using var client = new JsonRpcIotaClient(node.Endpoint);
        using var publisher = new IotaIdentityPublisher(client, controller, s_package);
        byte[] wrongLength = [.. IdentityInputs.Document, 0x20];
        byte[] json = "{\"doc\":{}}"u8.ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => publisher.CreateAsync(wrongLength, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.CreateAsync(json, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.UpdateAsync(s_identity, ReadOnlyMemory<byte>.Empty, TestContext.Current.CancellationToken));
        Assert.Empty(node.Methods);
    }

    private static string[] Calls(TransactionData tx) =>
        [.. tx.Kind.Commands.OfType<MoveCallCommand>().Select(c => c.Module + "::" + c.Function)];

    private static byte[] Uleb(int n) => n < 0x80 ? [(byte)n] : [(byte)(n | 0x80), (byte)(n >> 7)];
}
