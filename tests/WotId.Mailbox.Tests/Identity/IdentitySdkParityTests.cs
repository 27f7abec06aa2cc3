// Byte parity with @iota/iota-sdk 1.15.1 for the IOTA Identity transactions, both ways: the SDK builds the PTBs that
// identity.rs builds (interop/identity/publish-ptb.mjs) and C# must give identical BCS bytes, TransactionKind bytes,
// digests and signatures; then the SDK parses our signed bytes with Transaction.from, re-serialises them unchanged and
// verifies the controller's signature. Finally the official IOTA Identity library (@iota/identity-wasm 1.9.7-beta.1)
// builds its own creation transaction offline, and ours from its packed document is the same TransactionKind.
using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Identity;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Testing;
using static WotId.Mailbox.Tests.Vectors.GoldenInputs;

namespace WotId.Mailbox.Tests.Identity;

public sealed class IdentitySdkParityTests
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static JsonElement? s_oracle;

    public static TheoryData<string> Cases => new("create", "update", "update_with_expiration", "deactivate", "delete_document", "execute_update");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IdentityTransactionBytesDigestAndSignatureMatchTheSdk(string name)
    {
        JsonElement oracle = await OracleAsync();
        JsonElement expected = oracle.GetProperty("transactions").GetProperty(name);
        using IotaKeyPair controller = IdentityInputs.Controller();
        Assert.Equal(oracle.GetProperty("controller").GetString(), controller.Address.ToString());

        TransactionData tx = IdentityInputs.Build(name, controller.Address);
        byte[] bytes = tx.ToBcs();
        Assert.Equal(expected.GetProperty("txBytes").GetString(), Hex(bytes));
        Assert.Equal(expected.GetProperty("kindBytes").GetString(), Hex(TransactionBcs.EncodeKind(tx.Kind)));
        Assert.Equal(expected.GetProperty("digest").GetString(), tx.GetDigest().ToString());
        Assert.Equal(expected.GetProperty("signature").GetString(), controller.SignTransaction(bytes));
        Assert.Equal(tx, TransactionData.FromBcs(Convert.FromHexString(expected.GetProperty("txBytes").GetString()!)));
    }

    [Fact]
    public async Task PackedDocumentFixturesAreTheSameOnBothSides()
    {
        JsonElement packed = (await OracleAsync()).GetProperty("packed");
        Assert.Equal(packed.GetProperty("create").GetString(), Hex(IdentityInputs.Document));
        Assert.Equal(packed.GetProperty("update").GetString(), Hex(IdentityInputs.LongerDocument));
    }

    [Fact]
    public async Task SdkParsesReserialisesAndVerifiesIdentityTransactionsSignedInCsharp()
    {
        NodeProcess.RequireInstalled();
        using IotaKeyPair me = IotaKeyPair.Generate();
        string[] cases = [.. Cases];
        string input = string.Join('\n', cases.Select(c =>
        {
            byte[] tx = IdentityInputs.Build(c, me.Address).ToBcs();
            return JsonSerializer.Serialize(new { txBytes = Convert.ToBase64String(tx), signatures = new[] { me.SignTransaction(tx) } });
        })) + "\n";
        string output = await NodeProcess.RunAsync("identity/publish-ptb.mjs", input, TimeSpan.FromSeconds(120), "verify");
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases.Length, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            using JsonDocument d = JsonDocument.Parse(lines[i]);
            Assert.True(d.RootElement.GetProperty("ok").GetBoolean(), lines[i]);
            Assert.True(d.RootElement.GetProperty("roundTrip").GetBoolean(), lines[i]);
            Assert.Equal(me.Address.ToString(), d.RootElement.GetProperty("signers")[0].GetString());
            string[] targets = [.. d.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)];
            Assert.Contains(cases[i] switch
            {
                "create" => "identity::new",
                "execute_update" => "identity::execute_update",
                _ => "identity::propose_update",
            }, targets);
        }
    }

    [Fact]
    public async Task CreationTransactionEqualsTheOneIotaIdentityWasmBuilds()
    {
        NodeProcess.RequireInstalled();
        string output = await NodeProcess.RunAsync("identity/publish-ptb.mjs", string.Empty, TimeSpan.FromSeconds(120), "wasm");
        using JsonDocument d = JsonDocument.Parse(output);
        JsonElement r = d.RootElement;
        byte[] packed = Convert.FromHexString(r.GetProperty("packed").GetString()!);
        var package = Types.IotaAddress.Parse(r.GetProperty("package").GetString()!);
        Assert.True(IotaIdentityTransactionBuilder.IsPackedDocument(packed));

        ProgrammableTransaction ours = new IotaIdentityTransactionBuilder(package).Create(packed);

        // identity-wasm returns the bare ProgrammableTransaction; ours is the TransactionKind (tag 0 = programmable).
        byte[] kind = ours.ToBcs();
        Assert.Equal(0, kind[0]);
        Assert.Equal(r.GetProperty("kindBytes").GetString(), Hex(kind[1..]));
        Assert.Equal(IdentityInputs.Package.ToString(), r.GetProperty("packageHistory")[0].GetString());
    }

    private static async Task<JsonElement> OracleAsync()
    {
        NodeProcess.RequireInstalled();
        await s_gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (s_oracle is null)
            {
                string json = await NodeProcess.RunAsync("identity/publish-ptb.mjs", string.Empty, TimeSpan.FromSeconds(120));
                s_oracle = JsonDocument.Parse(json).RootElement.Clone();
            }

            return s_oracle.Value;
        }
        finally
        {
            s_gate.Release();
        }
    }
}
