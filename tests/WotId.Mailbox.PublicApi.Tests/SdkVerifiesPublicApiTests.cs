// The other direction: transactions and personal messages signed through the public API with fresh random keys are
// parsed, re-serialised (Transaction.from(bytes).build()) and signature-verified by @iota/iota-sdk 1.15.1
// (verifyTransactionSignature, verifyPersonalMessageSignature).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Testing;

namespace WotId.Mailbox.PublicApi.Tests;

public sealed class SdkVerifiesPublicApiTests
{
    [Fact]
    public async Task SdkParsesRebuildsAndVerifiesEveryPublicApiTransactionAndAPersonalMessage()
    {
        NodeProcess.RequireInstalled();
        using IotaKeyPair me = IotaKeyPair.Generate();
        using IotaKeyPair sponsor = IotaKeyPair.Generate();
        var lines = new List<string>();
        var expectedSigners = new List<string[]>();
        foreach (string name in ReferenceTransactions.Names)
        {
            TransactionData tx = ReferenceTransactions.Build(name, me.Address, sponsor.Address);
            string[] sigs = tx.IsSponsored ? [me.SignTransaction(tx), sponsor.SignTransaction(tx)] : [me.SignTransaction(tx)];
            lines.Add(JsonSerializer.Serialize(new { kind = "tx", txBytes = Convert.ToBase64String(tx.ToBcs()), signatures = sigs }));
            expectedSigners.Add(tx.IsSponsored ? [me.Address.ToString(), sponsor.Address.ToString()] : [me.Address.ToString()]);
        }

        byte[] message = Encoding.UTF8.GetBytes("bind X25519 key " + new string('k', 140));
        lines.Add(JsonSerializer.Serialize(new { kind = "personal", message = Convert.ToBase64String(message), signature = me.SignPersonalMessage(message) }));

        string output = await NodeProcess.RunAsync(PublicApiOracle.Script, string.Join('\n', lines) + "\n", TimeSpan.FromSeconds(120), "verify");
        string[] answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Count, answers.Length);
        for (int i = 0; i < expectedSigners.Count; i++)
        {
            using JsonDocument d = JsonDocument.Parse(answers[i]);
            Assert.True(d.RootElement.GetProperty("ok").GetBoolean(), ReferenceTransactions.Names[i] + ": " + answers[i]);
            Assert.True(d.RootElement.GetProperty("roundTrip").GetBoolean(), ReferenceTransactions.Names[i]);
            Assert.Equal(expectedSigners[i], d.RootElement.GetProperty("signers").EnumerateArray().Select(e => e.GetString()!).ToArray());
        }

        using JsonDocument personal = JsonDocument.Parse(answers[^1]);
        Assert.True(personal.RootElement.GetProperty("ok").GetBoolean(), answers[^1]);
        Assert.Equal(me.Address.ToString(), personal.RootElement.GetProperty("signer").GetString());
    }
}
