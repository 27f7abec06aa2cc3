// The other direction: transactions built and signed in C# with a fresh random key are parsed, re-serialised and
// signature-verified by @iota/iota-sdk 1.15.1 (interop/mailbox/vectors.mjs verify).
using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Tests.Vectors;
using WotId.Mailbox.Transactions;
using WotId.Testing;

namespace WotId.Mailbox.Tests.Rpc;

public sealed class SdkVerifiesOurSignaturesTests
{
    [Fact]
    public async Task SdkParsesAndVerifiesCsharpSignedTransactions()
    {
        NodeProcess.RequireInstalled();
        using IotaKeyPair me = IotaKeyPair.Generate();
        using IotaKeyPair bob = GoldenInputs.Bob();
        string[] cases = ["create_mailbox", "mailbox_send", "mailbox_claim_message", "withdraw_foreign_object", "merge_and_split"];
        string input = string.Join('\n', cases.Select(c =>
        {
            byte[] tx = TransactionBcs.Encode(SdkTransactionParityTests.Build(c, me.Address, bob.Address));
            return JsonSerializer.Serialize(new { txBytes = Convert.ToBase64String(tx), signatures = new[] { me.SignTransaction(tx) } });
        })) + "\n";
        string output = await NodeProcess.RunAsync("mailbox/vectors.mjs", input, TimeSpan.FromSeconds(120), "verify");
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Length, lines.Length);
        foreach (string line in lines)
        {
            using JsonDocument d = JsonDocument.Parse(line);
            Assert.True(d.RootElement.GetProperty("ok").GetBoolean(), line);
            Assert.True(d.RootElement.GetProperty("roundTrip").GetBoolean(), line);
            Assert.Equal(me.Address.ToString(), d.RootElement.GetProperty("signers")[0].GetString());
        }
    }
}
