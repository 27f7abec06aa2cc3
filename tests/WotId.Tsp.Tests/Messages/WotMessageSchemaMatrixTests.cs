using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using WotId.Tsp.Messages;

namespace WotId.Tsp.Tests.Messages;

/// <summary>
/// Systematic faults for every message type, derived from its valid example: drop each member, change each member
/// to a boolean (no schema rule accepts one), add an unknown member, duplicate a member.
/// </summary>
public sealed class WotMessageSchemaMatrixTests
{
    private static readonly HashSet<string> s_optional = ["reply_to", "issuer", "challenge", "audience", "params", "offset", "reason"];

    /// <summary>Members optional in one type only (file.offer's blake3, as its sha256 was since /wotid/file/2.0.0; file.received and file.done require theirs).</summary>
    private static readonly HashSet<(string Type, string Member)> s_optionalIn = [("file.offer", "blake3")];

    public static TheoryData<string, string, string, WotMessageError, string> Faults()
    {
        var data = new TheoryData<string, string, string, WotMessageError, string>();
        var seen = new HashSet<string>();
        foreach (TheoryDataRow<string, string> row in WotMessageSchemaTests.ValidPayloads)
        {
            string type = row.Data.Item1;
            if (!seen.Add(type))
            {
                continue;
            }

            JsonObject payload = JsonNode.Parse(row.Data.Item2)!.AsObject();
            foreach (string member in payload.Select(p => p.Key).ToList())
            {
                if (!s_optional.Contains(member) && !s_optionalIn.Contains((type, member)))
                {
                    JsonObject without = payload.DeepClone().AsObject();
                    without.Remove(member);
                    data.Add(type, without.ToJsonString(), "drop " + member, WotMessageError.MissingField, "$.payload." + member);
                }

                JsonObject wrong = payload.DeepClone().AsObject();
                wrong[member] = true;
                data.Add(type, wrong.ToJsonString(), "bool " + member, WotMessageError.WrongType, "$.payload." + member);
            }

            JsonObject extra = payload.DeepClone().AsObject();
            extra["unexpected"] = 1;
            data.Add(type, extra.ToJsonString(), "extra member", WotMessageError.UnknownField, "$.payload.unexpected");

            string first = payload.First().Key;
            string text = payload.ToJsonString();
            string dup = text[..^1] + ",\"" + first + "\":" + payload[first]!.ToJsonString() + "}";
            data.Add(type, dup, "duplicate " + first, WotMessageError.DuplicateMember, "$.payload." + first);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void EachKindOfFaultIsReportedForEveryType(string type, string payload, string fault, WotMessageError error, string path)
    {
        string json = $$"""{"id":"m1","type":"{{type}}","timestamp":"2026-11-25T19:30:00Z","payload":{{payload}}}""";
        WotMessageException e = Assert.Throws<WotMessageException>(() => WotMessageCodec.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.True(error == e.Error && path == e.Path, $"{type} / {fault}: got {e.Error} at {e.Path}");
    }

    [Fact]
    public void TheMatrixCoversEveryType()
    {
        var types = Faults().Select(r => (string)r.Data.Item1).ToHashSet();
        Assert.Equal(WotMessageTypes.All.Count, types.Count);
        Assert.All(WotMessageTypes.All, t => Assert.Contains(t, types));
    }
}
