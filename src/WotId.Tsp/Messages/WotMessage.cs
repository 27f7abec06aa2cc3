// wot.id "Trust & Security Protocol" message envelope {id, type, timestamp, payload}
// (wot.id-public-docs 06_P2P_Communication.md §5.1; docs/messages.md).
using System;
using System.Text.Json;

namespace WotId.Tsp.Messages;

/// <summary>A validated wot.id message. Create with <see cref="Create"/> or <see cref="WotMessageCodec.Parse"/>.</summary>
public sealed class WotMessage
{
    internal WotMessage(string id, string type, DateTimeOffset timestamp, JsonElement payload)
    {
        Id = id;
        Type = type;
        Timestamp = timestamp;
        Payload = payload;
    }

    /// <summary>The sender-chosen unique id (a UUID by default).</summary>
    public string Id { get; }

    /// <summary>One of <see cref="WotMessageTypes.All"/>.</summary>
    public string Type { get; }

    /// <summary>When the sender created the message.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The type-specific payload (an object valid for <see cref="Type"/>).</summary>
    public JsonElement Payload { get; }

    /// <summary>
    /// Creates a message with a fresh UUIDv7 id (unless <paramref name="id"/> is given) stamped by <paramref name="timeProvider"/>.
    /// </summary>
    /// <exception cref="WotMessageException">The payload does not fit the type's schema.</exception>
    public static WotMessage Create(string type, JsonElement payload, TimeProvider? timeProvider = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        DateTimeOffset now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var message = new WotMessage(id ?? Guid.CreateVersion7(now).ToString(), type, now, payload.Clone());
        WotMessageCodec.Validate(message);
        return message;
    }

    /// <summary>Creates a message from a payload object serialized with System.Text.Json.</summary>
    public static WotMessage Create<TPayload>(string type, TPayload payload, TimeProvider? timeProvider = null, string? id = null) =>
        Create(type, JsonSerializer.SerializeToElement(payload), timeProvider, id);

    /// <inheritdoc />
    public override string ToString() => $"WotMessage({Type}, {Id})";
}
