// One Wycheproof test case (C2SP/wycheproof testvectors_v1, schema *_schema_v1.json / mlkem_* / mldsa_*):
// the case object, its group's shared parameters, and helpers to read lowercase-hex fields.
using System;
using System.Linq;
using System.Text.Json;

namespace WotId.Crypto.Tests.Vectors;

internal sealed class WycheproofCase
{
    public WycheproofCase(string file, JsonElement group, JsonElement test)
    {
        File = file;
        Group = group;
        Test = test;
        TcId = test.GetProperty("tcId").GetInt32();
        Result = test.GetProperty("result").GetString()!;
        Flags = test.TryGetProperty("flags", out JsonElement f) ? f.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
        Comment = test.TryGetProperty("comment", out JsonElement c) ? c.GetString() ?? string.Empty : string.Empty;
    }

    public string File { get; }

    public JsonElement Group { get; }

    public JsonElement Test { get; }

    public int TcId { get; }

    /// <summary>"valid", "invalid" or "acceptable".</summary>
    public string Result { get; }

    public string[] Flags { get; }

    public string Comment { get; }

    public bool IsValid => Result == "valid";

    public bool IsInvalid => Result == "invalid";

    public bool IsAcceptable => Result == "acceptable";

    public bool HasFlag(string flag) => Flags.Contains(flag, StringComparer.Ordinal);

    /// <summary>A hex field of the test case (empty array for an empty string).</summary>
    public byte[] Hex(string name) => Convert.FromHexString(Test.GetProperty(name).GetString()!);

    /// <summary>A hex field of the test case, or null when absent or JSON null.</summary>
    public byte[]? HexOrNull(string name) =>
        Test.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? Convert.FromHexString(e.GetString()!) : null;

    /// <summary>A hex field of the group, or null when absent or JSON null.</summary>
    public byte[]? GroupHexOrNull(string name) =>
        Group.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? Convert.FromHexString(e.GetString()!) : null;

    public byte[] GroupHex(string name) => GroupHexOrNull(name) ?? throw new InvalidOperationException($"group field {name} missing in {this}");

    public int GroupInt(string name) => Group.GetProperty(name).GetInt32();

    public string GroupString(string name) => Group.GetProperty(name).GetString()!;

    public int Int(string name) => Test.GetProperty(name).GetInt32();

    public override string ToString() => $"Wycheproof {File} tcId {TcId} [{Result}] {string.Join(",", Flags)}".TrimEnd();

    /// <summary>The display name plus the case comment, for assertion messages.</summary>
    public string Describe() => $"{this} {Comment}";
}
