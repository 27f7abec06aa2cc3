// Command = enum { 0 MoveCall(ProgrammableMoveCall), 1 TransferObjects(vector<Argument>, Argument),
//   2 SplitCoins(Argument, vector<Argument>), 3 MergeCoins(Argument, vector<Argument>),
//   4 Publish(vector<vector<u8>>, vector<ID>), 5 MakeMoveVec(Option<TypeTag>, vector<Argument>),
//   6 Upgrade(vector<vector<u8>>, vector<ID>, ID, Argument) } (iota-types transaction.rs; SDK bcs.ts "Command").
namespace WotId.Mailbox.Transactions;

/// <summary>
/// One command of a programmable transaction: <see cref="MoveCallCommand"/>, <see cref="TransferObjectsCommand"/>,
/// <see cref="SplitCoinsCommand"/>, <see cref="MergeCoinsCommand"/>, <see cref="PublishCommand"/>,
/// <see cref="MakeMoveVecCommand"/> or <see cref="UpgradeCommand"/>.
/// </summary>
public abstract record Command
{
    private protected Command()
    {
    }
}
