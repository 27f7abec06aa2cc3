// The cost figures of docs/mailbox.md, derived from the protocol constants and the real BCS sizes of our encoders.
using WotId.Mailbox.Chain;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Vectors;

public sealed class StorageCostTests
{
    [Fact]
    public void OneKiBMessageCostsAsDocumented()
    {
        IotaAddress pkg = GoldenInputs.Package;
        // 88 fixed + 56 type tag (tag 7, address 32, "mailbox" 8, "MessageObject" 14, no params 1) + contents 112 + 2 + 1024.
        Assert.Equal(1282, StorageCost.MessageObjectBytes(pkg, 1024));
        Assert.Equal(9_743_200UL, StorageCost.MessageDeposit(pkg, 1024));
        Assert.Equal(2_964_000UL, StorageCost.ArchiveDeposit);
        Assert.Equal(1_000_000UL, StorageCost.ComputationPerTransaction);
        // Contents size equals the real MessageObject BCS.
        byte[] bcs = MessageObjectBcs.EncodeMessage(new MailboxMessage(
            new MessageInfo(pkg, pkg, pkg, 1, 2, 1024, MessageState.Pending), new byte[1024]));
        Assert.Equal(1282 - 88 - 56, bcs.Length);
    }
}
