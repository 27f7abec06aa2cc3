// The administrative functions of move/wotid_mailbox (set_policy, rotate_cap, migrate) as the client builds them,
// and their abort codes (10 ECapRevoked, 11 ENotUpgrade, 12 ECapStillValid) as the client reports them.
using System.Linq;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Tests.Vectors;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Behaviour;

public sealed class AdminTransactionTests
{
    private static readonly SharedRef Mailbox = new(GoldenInputs.Id(7), 42);
    private static readonly ObjectRef Cap = new(GoldenInputs.Id(8), 9, new ObjectDigest(new byte[32]));
    private static readonly GasConfig Gas = new([new ObjectRef(GoldenInputs.Id(9), 3, new ObjectDigest(new byte[32]))], 1000, 5_000_000);

    private static (MoveCallCommand Call, ProgrammableTransaction Ptb) Decode(TransactionData tx)
    {
        TransactionData back = TransactionBcs.Decode(TransactionBcs.Encode(tx));
        Assert.Equal(tx, back);
        return ((MoveCallCommand)Assert.Single(back.Kind.Commands), back.Kind);
    }

    private static MailboxTransactionBuilder Builder() => new(GoldenInputs.Id(1), GoldenInputs.Id(2));

    [Fact]
    public void SetPolicyTakesTheMailboxMutablyTheCapAndThePolicy()
    {
        (MoveCallCommand call, ProgrammableTransaction ptb) = Decode(Builder().SetPolicy(Mailbox, Cap, [1, 2, 3], 500, Gas));
        Assert.Equal(("mailbox", "set_policy", 4), (call.Module, call.Function, call.Arguments.Count));
        CallArg m = ptb.Inputs[call.Arguments[0].Index];
        Assert.True(m.Kind == CallArgKind.Shared && m.Mutable);
        Assert.Equal(Cap, ptb.Inputs[call.Arguments[1].Index].Ref);
        Assert.Equal(new byte[] { 1, 2, 3 }, new BcsReader(ptb.Inputs[call.Arguments[2].Index].PureBytes.Span).ReadBytes(10));
        Assert.Equal(500UL, new BcsReader(ptb.Inputs[call.Arguments[3].Index].PureBytes.Span).ReadU64());
    }

    [Fact]
    public void RotateCapNamesTheNewOwner()
    {
        IotaAddress newOwner = GoldenInputs.Id(5);
        (MoveCallCommand call, ProgrammableTransaction ptb) = Decode(Builder().RotateCap(Mailbox, Cap, newOwner, Gas));
        Assert.Equal("rotate_cap", call.Function);
        Assert.Equal(newOwner, new IotaAddress(ptb.Inputs[call.Arguments[2].Index].PureBytes.Span));
        Assert.True(ptb.Inputs[call.Arguments[0].Index].Mutable);
    }

    [Fact]
    public void MigrateTakesOnlyTheMailboxAndTheCap()
    {
        (MoveCallCommand call, ProgrammableTransaction ptb) = Decode(Builder().Migrate(Mailbox, Cap, Gas));
        Assert.Equal(("migrate", 2), (call.Function, call.Arguments.Count));
        Assert.Equal(new[] { CallArgKind.Shared, CallArgKind.ImmOrOwned }, call.Arguments.Select(a => ptb.Inputs[a.Index].Kind));
    }

    [Theory]
    [InlineData(10, MailboxError.CapRevoked)]
    [InlineData(11, MailboxError.NotUpgrade)]
    [InlineData(12, MailboxError.CapStillValid)]
    [InlineData(9, MailboxError.WrongVersion)]
    public void NewAbortCodesMapToTypedErrors(int code, MailboxError expected)
    {
        string error = "MoveAbort(MoveLocation { module: ModuleId { address: a1, name: Identifier(\"mailbox\") }, function: 9, instruction: 4, function_name: Some(\"rotate_cap\") }, " + code + ") in command 0";
        Assert.Equal(expected, AbortMapper.FromExecutionError(error).Error);
    }

    [Fact]
    public void AnUnknownAbortCodeOfThePackageIsATransactionFailure()
    {
        string error = "MoveAbort(MoveLocation { module: ModuleId { address: a1, name: Identifier(\"mailbox\") }, function: 9, instruction: 4, function_name: None }, 13) in command 0";
        Assert.Equal(MailboxError.TransactionFailed, AbortMapper.FromExecutionError(error).Error);
    }
}
