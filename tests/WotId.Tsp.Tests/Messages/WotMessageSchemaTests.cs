using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using WotId.Testing;
using WotId.Tsp.Messages;

namespace WotId.Tsp.Tests.Messages;

/// <summary>Every message type: a valid example, and each kind of invalid input with its precise error and path.</summary>
public sealed class WotMessageSchemaTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static TheoryData<string, string> ValidPayloads => new()
    {
        { "chat.text", """{"content":"Hello, world!"}""" },
        { "chat.text", """{"content":"re","reply_to":"0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b"}""" },
        { "vc.offer", """{"credential_summary":{"type":["VerifiableCredential","VerifiedHumanCredential"]}}""" },
        { "vc.offer", """{"credential_summary":{"type":["VerifiableCredential"],"issuer":"did:iota:0x3a5b"}}""" },
        { "vc.request", """{"credential_type":"VerifiedHuman"}""" },
        { "vc.request", """{"credential_type":"VerifiedHumanCredential","challenge":"n-0S6_WzA2Mj","audience":"did:key:z6Mk"}""" },
        { "vc.share", """{"credential":"eyJhbGciOiJNTC1EU0EtNjUifQ.eyJpc3MiOiJkaWQ6a2V5OnoifQ.c2ln"}""" },
        { "vc.share", """{"credential":{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]}}""" },
        { "trust.assertion", """{"target_did":"did:iota:0x3a5b","trust_level":95,"context":"professional"}""" },
        { "trust.assertion", """{"target_did":"did:key:z6MkhaXg","trust_level":-100,"context":"p2p.chat"}""" },
        { "device.command", """{"command":"unlock","params":{"door":"front","duration_s":5}}""" },
        { "device.command", """{"command":"reboot"}""" },
        { "receipt.delivered", """{"message_ids":["m1","m2"]}""" },
        { "receipt.read", """{"message_ids":["0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b"]}""" },
        { "file.offer", $$"""{"file_id":"f1","name":"photo.jpg","size":123456,"mime_type":"image/jpeg","blake3":"{{Hash}}","chunk_size":262144,"key":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}""" },
        { "file.offer", """{"file_id":"f1","name":"movie.mkv","size":5000000000,"mime_type":"video/x-matroska","chunk_size":262144,"key":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}""" },
        { "file.accept", """{"file_id":"f1","offset":5000000000}""" },
        { "file.chunk", """{"file_id":"f1","index":0,"data":"aGVsbG8"}""" },
        { "file.done", $$"""{"file_id":"f1","chunks":2,"sha256":"{{Hash}}"}""" },
        { "file.decline", """{"file_id":"f1","reason":"declined"}""" },
        { "file.cancel", """{"file_id":"f1"}""" },
        { "file.received", $$"""{"file_id":"f1","blake3":"{{Hash}}"}""" },
        { "file.pause", """{"file_id":"f1","reason":"disk_full"}""" },
    };

    [Theory]
    [MemberData(nameof(ValidPayloads))]
    public void ValidMessagesParseAndRoundTrip(string type, string payload)
    {
        string json = Envelope(type, payload);
        WotMessage m = WotMessageCodec.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Equal(type, m.Type);
        Assert.Equal("0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b", m.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 19, 30, 0, TimeSpan.Zero), m.Timestamp);
        byte[] again = WotMessageCodec.Serialize(m);
        WotMessage m2 = WotMessageCodec.Parse(again);
        Assert.Equal(m.Payload.GetRawText(), m2.Payload.GetRawText());
    }

    [Fact]
    public void EveryTypeHasAValidExample()
    {
        var covered = ValidPayloads.Select(row => (string)row.Data.Item1).ToHashSet();
        Assert.All(WotMessageTypes.All, t => Assert.Contains(t, covered));
    }

    [Theory]
    // Envelope faults.
    [InlineData("""{"id":"a","type":"chat.text","timestamp":"2026-11-25T19:30:00Z"}""", WotMessageError.MissingField, "$.payload")]
    [InlineData("""{"id":"a","type":"chat.text","timestamp":"2026-11-25T19:30:00Z","payload":{"content":"x"},"extra":1}""", WotMessageError.UnknownField, "$.extra")]
    [InlineData("""{"id":"a b","type":"chat.text","timestamp":"2026-11-25T19:30:00Z","payload":{"content":"x"}}""", WotMessageError.InvalidFormat, "$.id")]
    [InlineData("""{"id":"","type":"chat.text","timestamp":"2026-11-25T19:30:00Z","payload":{"content":"x"}}""", WotMessageError.OutOfRange, "$.id")]
    [InlineData("""{"id":7,"type":"chat.text","timestamp":"2026-11-25T19:30:00Z","payload":{"content":"x"}}""", WotMessageError.WrongType, "$.id")]
    [InlineData("""{"id":"a","type":"chat.voice","timestamp":"2026-11-25T19:30:00Z","payload":{}}""", WotMessageError.UnknownType, "$.type")]
    [InlineData("""{"id":"a","type":"chat.text","timestamp":"2026-11-25 19:30:00","payload":{"content":"x"}}""", WotMessageError.InvalidFormat, "$.timestamp")]
    [InlineData("""{"id":"a","type":"chat.text","timestamp":"2026-13-25T19:30:00Z","payload":{"content":"x"}}""", WotMessageError.InvalidFormat, "$.timestamp")]
    [InlineData("""{"id":"a","type":"chat.text","timestamp":1764099000,"payload":{"content":"x"}}""", WotMessageError.WrongType, "$.timestamp")]
    [InlineData("""{"id":"a","type":"chat.text","timestamp":"2026-11-25T19:30:00Z","payload":"x"}""", WotMessageError.WrongType, "$.payload")]
    [InlineData("""{"id":"a","id":"b","type":"chat.text","timestamp":"2026-11-25T19:30:00Z","payload":{"content":"x"}}""", WotMessageError.DuplicateMember, "$.id")]
    [InlineData("""[1,2]""", WotMessageError.WrongType, "$")]
    [InlineData("""{"id":"a",""", WotMessageError.NotJson, "$")]
    [InlineData("""{"id":"a","type":"chat.text","timestamp":"2026-11-25T19:30:00Z","payload":{"content":"x"}} x""", WotMessageError.NotJson, "$")]
    public void EnvelopeFaultsArePrecise(string json, WotMessageError error, string path)
    {
        WotMessageException e = Assert.Throws<WotMessageException>(() => WotMessageCodec.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(error, e.Error);
        Assert.Equal(path, e.Path);
    }

    [Theory]
    [InlineData("chat.text", """{}""", WotMessageError.MissingField, "$.payload.content")]
    [InlineData("chat.text", """{"content":""}""", WotMessageError.OutOfRange, "$.payload.content")]
    [InlineData("chat.text", """{"content":5}""", WotMessageError.WrongType, "$.payload.content")]
    [InlineData("chat.text", """{"content":"x","html":"<b>"}""", WotMessageError.UnknownField, "$.payload.html")]
    [InlineData("chat.text", """{"content":"x","reply_to":"bad id!"}""", WotMessageError.InvalidFormat, "$.payload.reply_to")]
    [InlineData("chat.text", """{"content":"x","content":"y"}""", WotMessageError.DuplicateMember, "$.payload.content")]
    [InlineData("vc.offer", """{"credential_summary":{"type":[]}}""", WotMessageError.OutOfRange, "$.payload.credential_summary.type")]
    [InlineData("vc.offer", """{"credential_summary":{"type":["Verifiable Credential"]}}""", WotMessageError.InvalidFormat, "$.payload.credential_summary.type[0]")]
    [InlineData("vc.offer", """{"credential_summary":{"type":"VerifiableCredential"}}""", WotMessageError.WrongType, "$.payload.credential_summary.type")]
    [InlineData("vc.offer", """{"credential_summary":{"type":["A"],"issuer":"iota:0x1"}}""", WotMessageError.InvalidFormat, "$.payload.credential_summary.issuer")]
    [InlineData("vc.request", """{"credential_type":""}""", WotMessageError.OutOfRange, "$.payload.credential_type")]
    [InlineData("vc.request", """{"type":"VerifiedHuman"}""", WotMessageError.UnknownField, "$.payload.type")]
    [InlineData("vc.share", """{"credential":"not-a-jws"}""", WotMessageError.InvalidFormat, "$.payload.credential")]
    [InlineData("vc.share", """{"credential":[1]}""", WotMessageError.WrongType, "$.payload.credential")]
    [InlineData("trust.assertion", """{"target_did":"did:iota:0x3a","trust_level":101,"context":"p"}""", WotMessageError.OutOfRange, "$.payload.trust_level")]
    [InlineData("trust.assertion", """{"target_did":"did:iota:0x3a","trust_level":-101,"context":"p"}""", WotMessageError.OutOfRange, "$.payload.trust_level")]
    [InlineData("trust.assertion", """{"target_did":"did:iota:0x3a","trust_level":9.5,"context":"p"}""", WotMessageError.WrongType, "$.payload.trust_level")]
    [InlineData("trust.assertion", """{"target_did":"did:iota:0x3a","trust_level":"95","context":"p"}""", WotMessageError.WrongType, "$.payload.trust_level")]
    [InlineData("trust.assertion", """{"target_did":"did:Iota:0x3a","trust_level":1,"context":"p"}""", WotMessageError.InvalidFormat, "$.payload.target_did")]
    [InlineData("trust.assertion", """{"target_did":"did:iota:0x3a","trust_level":1,"context":"Work Life"}""", WotMessageError.InvalidFormat, "$.payload.context")]
    [InlineData("trust.assertion", """{"target_did":"did:iota:0x3a","trust_level":1}""", WotMessageError.MissingField, "$.payload.context")]
    [InlineData("device.command", """{"command":"unlock","params":[1]}""", WotMessageError.WrongType, "$.payload.params")]
    [InlineData("device.command", """{"command":"UNLOCK"}""", WotMessageError.InvalidFormat, "$.payload.command")]
    [InlineData("receipt.delivered", """{"message_ids":[]}""", WotMessageError.OutOfRange, "$.payload.message_ids")]
    [InlineData("receipt.read", """{"message_ids":["ok",""]}""", WotMessageError.OutOfRange, "$.payload.message_ids[1]")]
    [InlineData("file.offer", """{"file_id":"f","name":"../etc/passwd","size":1,"mime_type":"text/plain","blake3":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","chunk_size":4096,"key":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}""", WotMessageError.InvalidFormat, "$.payload.name")]
    [InlineData("file.offer", """{"file_id":"f","name":"a","size":-1,"mime_type":"text/plain","blake3":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","chunk_size":4096,"key":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}""", WotMessageError.OutOfRange, "$.payload.size")]
    [InlineData("file.offer", """{"file_id":"f","name":"a","size":1,"mime_type":"text","blake3":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","chunk_size":4096,"key":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}""", WotMessageError.InvalidFormat, "$.payload.mime_type")]
    [InlineData("file.offer", """{"file_id":"f","name":"a","size":1,"mime_type":"text/plain","blake3":"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08","chunk_size":4096,"key":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}""", WotMessageError.InvalidFormat, "$.payload.blake3")]
    [InlineData("file.offer", """{"file_id":"f","name":"a","size":1,"mime_type":"text/plain","blake3":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","chunk_size":2097152,"key":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}""", WotMessageError.OutOfRange, "$.payload.chunk_size")]
    [InlineData("file.accept", """{}""", WotMessageError.MissingField, "$.payload.file_id")]
    [InlineData("file.accept", """{"file_id":"f","offset":-1}""", WotMessageError.OutOfRange, "$.payload.offset")]
    [InlineData("file.offer", """{"file_id":"f","name":"a","size":1,"mime_type":"text/plain","blake3":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","chunk_size":4096}""", WotMessageError.MissingField, "$.payload.key")]
    [InlineData("file.offer", """{"file_id":"f","name":"a","size":1,"mime_type":"text/plain","blake3":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","chunk_size":4096,"key":"AAEC"}""", WotMessageError.OutOfRange, "$.payload.key")]
    [InlineData("file.cancel", """{"file_id":"f","reason":"Hash Mismatch"}""", WotMessageError.InvalidFormat, "$.payload.reason")]
    [InlineData("file.received", """{"file_id":"f"}""", WotMessageError.MissingField, "$.payload.blake3")]
    [InlineData("file.chunk", """{"file_id":"f","index":0,"data":"aGVsbG8="}""", WotMessageError.InvalidFormat, "$.payload.data")]
    [InlineData("file.chunk", """{"file_id":"f","index":0,"data":"aGVsbG9"}""", WotMessageError.InvalidFormat, "$.payload.data")]
    [InlineData("file.chunk", """{"file_id":"f","index":-1,"data":"aGVsbG8"}""", WotMessageError.OutOfRange, "$.payload.index")]
    [InlineData("file.done", """{"file_id":"f","chunks":2}""", WotMessageError.MissingField, "$.payload.sha256")]
    public void PayloadFaultsArePrecise(string type, string payload, WotMessageError error, string path)
    {
        WotMessageException e = Assert.Throws<WotMessageException>(() => WotMessageCodec.Parse(Encoding.UTF8.GetBytes(Envelope(type, payload))));
        Assert.Equal(error, e.Error);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void SizeAndDepthAreBounded()
    {
        string big = Envelope("chat.text", "{\"content\":\"" + new string('a', 16385) + "\"}");
        Assert.Equal(WotMessageError.OutOfRange, Assert.Throws<WotMessageException>(() => WotMessageCodec.Parse(Encoding.UTF8.GetBytes(big))).Error);
        Assert.Equal(WotMessageError.TooLarge, Assert.Throws<WotMessageException>(() => WotMessageCodec.Parse(new byte[WotMessageCodec.DefaultMaxSize + 1])).Error);

        string deep = Envelope("device.command", "{\"command\":\"x\",\"params\":" + string.Concat(Enumerable.Repeat("{\"a\":", 20)) + "1" + new string('}', 20) + "}");
        Assert.Equal(WotMessageError.TooDeep, Assert.Throws<WotMessageException>(() => WotMessageCodec.Parse(Encoding.UTF8.GetBytes(deep))).Error);

        string chunk = Envelope("file.chunk", "{\"file_id\":\"f\",\"index\":0,\"data\":\"" + Convert.ToBase64String(new byte[65537]).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"}");
        Assert.Equal(WotMessageError.OutOfRange, Assert.Throws<WotMessageException>(() => WotMessageCodec.Parse(Encoding.UTF8.GetBytes(chunk))).Error);
    }

    [Fact]
    public void InvalidUtf8IsNotJson()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Envelope("chat.text", "{\"content\":\"xx\"}"));
        int at = Array.IndexOf(bytes, (byte)'x');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        Assert.Equal(WotMessageError.NotJson, Assert.Throws<WotMessageException>(() => WotMessageCodec.Parse(bytes)).Error);
    }

    [Theory]
    [InlineData((byte)0xF9)]
    [InlineData((byte)0x80)]
    [InlineData((byte)0xC0)]
    public void AnInvalidUtf8ByteInAMemberNameOrStringIsNotJson(byte invalid)
    {
        // Found by AFL++ (fuzz/README.md, tsp-wot-message): the tokenizer let the byte through and reading the name
        // threw InvalidOperationException instead of the documented WotMessageException.
        foreach (string marked in new[] { "{\"con#ent\":\"hi\"}", "{\"content\":\"h#\"}" })
        {
            byte[] bytes = Encoding.UTF8.GetBytes(Envelope("chat.text", marked));
            bytes[Array.IndexOf(bytes, (byte)'#')] = invalid;
            Assert.Equal(WotMessageError.NotJson, Assert.Throws<WotMessageException>(() => WotMessageCodec.Parse(bytes)).Error);
        }
    }

    [Fact]
    public void CreateStampsTimeAndIdAndValidates()
    {
        var time = new ManualTime(new DateTimeOffset(2026, 11, 25, 19, 30, 0, 123, TimeSpan.Zero).AddTicks(4567));
        WotMessage m = WotMessage.Create(WotMessageTypes.ChatText, new { content = "hi" }, time);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 19, 30, 0, 123, TimeSpan.Zero), m.Timestamp);
        Assert.True(Guid.TryParse(m.Id, out Guid g));
        Assert.Equal(7, g.Version);
        string json = Encoding.UTF8.GetString(WotMessageCodec.Serialize(m));
        Assert.StartsWith("{\"id\":\"" + m.Id + "\",\"type\":\"chat.text\",\"timestamp\":\"2026-11-25T19:30:00.123Z\",\"payload\":{\"content\":\"hi\"}}", json, StringComparison.Ordinal);

        Assert.Equal(WotMessageError.UnknownType, Assert.Throws<WotMessageException>(() => WotMessage.Create("chat.gif", new { content = "x" }, time)).Error);
        Assert.Equal(WotMessageError.MissingField, Assert.Throws<WotMessageException>(() => WotMessage.Create(WotMessageTypes.ChatText, new { }, time)).Error);
        Assert.Equal(WotMessageError.UnknownField, Assert.Throws<WotMessageException>(() => WotMessage.Create(WotMessageTypes.ChatText, new { content = "x", text = "x" }, time)).Error);
        using var doc = JsonDocument.Parse("{\"content\":\"x\"}");
        Assert.Equal("x", WotMessage.Create(WotMessageTypes.ChatText, doc.RootElement, time).Payload.GetProperty("content").GetString());
    }

    private static string Envelope(string type, string payload) =>
        $$"""{"id":"0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b","type":"{{type}}","timestamp":"2026-11-25T19:30:00Z","payload":{{payload}}}""";
}
