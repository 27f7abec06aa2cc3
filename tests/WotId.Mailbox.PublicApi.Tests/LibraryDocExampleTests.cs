// The worked example of docs/library.md "IOTA transactions" is this file's code between the example markers (the
// test checks that the page shows it verbatim), and it gives the digest and signature @iota/iota-sdk 1.15.1 gives
// for the same transfer (the transfer_iota case of interop/mailbox/vectors.mjs).
using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;
using WotId.Testing;
using static WotId.Mailbox.PublicApi.Tests.PublicInputs;

namespace WotId.Mailbox.PublicApi.Tests;

public sealed class LibraryDocExampleTests
{
    [Fact]
    public void TheLibraryDocShowsTheExampleCode()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "WotId.Mailbox.PublicApi.Tests", "LibraryDocExampleTests.cs"));
        int begin = Array.FindIndex(lines, l => l.Trim() == "// example:begin");
        int end = Array.FindIndex(lines, l => l.Trim() == "// example:end");
        string code = string.Join("\n", lines[(begin + 1)..end].Select(l => l.Length >= 8 ? l[8..] : l.Trim())) + "\n";
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "library.md")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + code + "```\n", doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExampleGivesTheDigestAndSignatureOfTheSdk()
    {
        using IotaKeyPair alice = Alice();
        using IotaKeyPair bob = Bob();
        var gasCoin = new ObjectRef(Id(0xd4), 4295000123, new ObjectDigest(Fill(32, _ => 0x44)));

        (TransactionData data, string signature) = Example(alice, bob.Address, gasCoin);

        JsonElement sdk = (await PublicApiOracle.GetAsync(PublicApiOracle.MailboxScript)).GetProperty("transactions").GetProperty("transfer_iota");
        Assert.Equal(sdk.GetProperty("digest").GetString(), data.GetDigest().ToString());
        Assert.Equal(sdk.GetProperty("txBytes").GetString(), Hex(data.ToBcs()));
        Assert.Equal(sdk.GetProperty("signatures")[0].GetString(), signature);
    }

    private static (TransactionData Data, string Signature) Example(IotaKeyPair alice, IotaAddress bob, ObjectRef gasCoin)
    {
        // example:begin
        // Pay 1 IOTA to bob from the gas coin (gasCoin: a coin of alice's from iotax_getCoins, its current reference).
        var tx = new ProgrammableTransactionBuilder();
        Argument[] coins = tx.SplitCoins(ProgrammableTransactionBuilder.Gas, tx.PureU64(1_000_000_000));
        tx.TransferObjects([coins[0]], tx.PureAddress(bob));
        TransactionData data = tx.Build(alice.Address, new GasData([gasCoin], alice.Address, Price: 1000, Budget: 5_000_000));

        byte[] bytes = data.ToBcs();                      // what is signed and submitted (base64 in JSON-RPC)
        string signature = alice.SignTransaction(data);   // base64(0x00 || Ed25519 signature || public key)
        ObjectDigest digest = data.GetDigest();           // the transaction's ID, Base58 via ToString()
        // submit: await new JsonRpcIotaClient(endpoint).ExecuteAsync(bytes, [signature], cancellationToken)
        // example:end
        Assert.Equal(alice.Address, SerializedSignature.VerifyTransaction(bytes, signature));
        Assert.Equal(IotaIntent.TransactionDigest(bytes), digest);
        return (data, signature);
    }
}
