// How `wotid contact show` writes a contact whose credential the node refused (docs/cli.md), that the JSON of a
// contact carries the refusal under "refusal" and "refusedAt" next to the fields it always had, and how `wotid run`
// prints message.refused.
using System;
using System.Text.Json;
using WotId.Cli.Commands.Nodes;
using WotId.Node.Api;

namespace WotId.Cli.Tests.Nodes;

public sealed class ContactRefusalTextTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 18, 10, 0, TimeSpan.Zero);

    [Fact]
    public void ShowNamesTheRefusalWithItsTime()
    {
        string text = ContactShowCommand.Describe(Carol("revoked", At));

        Assert.Contains("refused:       revoked (2026-12-07 18:10 UTC)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowSaysNothingOfARefusalWhenThereIsNone()
    {
        Assert.DoesNotContain("refused", ContactShowCommand.Describe(Carol(null, null)), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonCarriesTheRefusalAndKeepsTheOtherFields()
    {
        using JsonDocument json = JsonDocument.Parse(NodeJson.Indented(Carol("revoked", At)));

        Assert.Equal("revoked", json.RootElement.GetProperty("refusal").GetString());
        Assert.Equal(At, json.RootElement.GetProperty("refusedAt").GetDateTimeOffset());
        Assert.Equal("verified", json.RootElement.GetProperty("verification").GetString());
        Assert.True(json.RootElement.TryGetProperty("lastVerifiedAt", out _));
    }

    [Fact]
    public void JsonLeavesTheRefusalOutWhenThereIsNone()
    {
        using JsonDocument json = JsonDocument.Parse(NodeJson.Indented(Carol(null, null)));

        Assert.False(json.RootElement.TryGetProperty("refusal", out _));
        Assert.False(json.RootElement.TryGetProperty("refusedAt", out _));
    }

    [Fact]
    public void RunPrintsARefusedMailboxMessageWithTheContactAndTheReason()
    {
        string line = EventText.Format(new NodeEvent(NodeEventKinds.MessageRefused, At, "carol", Via: DeliveryRoutes.Mailbox, Reason: "revoked"));

        Assert.EndsWith("carol: a message from their mailbox was refused, this node refused their credential (revoked)", line, StringComparison.Ordinal);
    }

    private static ContactSummary Carol(string? refusal, DateTimeOffset? at) =>
        new("carol", "did:key:zCarol", "zCarol1234", "12D3KooWCarol", [], "verified", null, true, At.AddDays(-1), At.AddHours(-1), refusal, at);
}
