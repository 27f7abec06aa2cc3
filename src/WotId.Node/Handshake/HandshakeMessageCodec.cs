// Encoding and decoding of handshake messages: a wot.id message (docs/messages.md) of type vc.request or vc.share,
// carried as the XSCS payload of a TSP message signed with the sender's ML-DSA-65 did:key (WotTspCodec). The
// vc.share "credential" member is an object (the free-form form of the schema) holding the handshake fields.
// Limits: the frame (HandshakePolicy.MaxFrameBytes, 256 KiB by default), presentation ≤ 128 Ki characters, identity
// key exactly 33 bytes, prekey bundle ≤ 4 KiB; unknown members, a second payload form or another version are refused.
using System;
using System.IO;
using System.Text.Json;
using WotId.Core.Encoding;
using WotId.Identity.Credentials;
using WotId.Node.Messaging;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;

namespace WotId.Node.Handshake;

/// <summary>Handshake payloads to and from wot.id messages.</summary>
internal static class HandshakeMessageCodec
{
    /// <summary>The handshake version this node speaks (the <c>handshake</c> member).</summary>
    public const int Version = 1;

    public const int MaxPresentationChars = 128 * 1024;
    public const int MaxBundleBytes = 4 * 1024;

    private const string VersionMember = "handshake";

    /// <summary>Signs <paramref name="message"/> as a TSP message from <paramref name="sender"/>.</summary>
    public static byte[] Encode(HandshakeMessage message, ITspSigner signer, string sender, string? receiver, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(message);
        WotMessage wot = message.Kind == HandshakeMessageKind.Request
            ? WotMessage.Create(WotMessageTypes.VcRequest, RequestPayload(message.Audience!), time)
            : WotMessage.Create(WotMessageTypes.VcShare, SharePayload(message), time);
        return SignedWotMessage.Sign(signer, sender, receiver, wot);
    }

    /// <summary>Reads the handshake payload of a schema-checked wot.id message.</summary>
    /// <exception cref="HandshakeException">Not a handshake message (<see cref="HandshakeFailureReason.MalformedMessage"/>) or another version.</exception>
    public static HandshakeMessage Decode(WotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        JsonElement payload = message.Payload;
        if (message.Type == WotMessageTypes.VcRequest)
        {
            if (payload.GetProperty("credential_type").GetString() != CredentialTerms.VerifiedHumanCredential)
            {
                throw Malformed("vc.request must ask for a VerifiedHumanCredential");
            }

            return payload.TryGetProperty("audience", out JsonElement audience) && !payload.TryGetProperty("challenge", out _)
                ? HandshakeMessage.Request(audience.GetString()!)
                : throw Malformed("vc.request must carry an audience and no challenge");
        }

        if (message.Type != WotMessageTypes.VcShare)
        {
            throw Malformed($"{message.Type} is not a handshake message");
        }

        JsonElement body = payload.GetProperty("credential");
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("vc.share credential must be a handshake object");
        }

        if (!body.TryGetProperty(VersionMember, out JsonElement version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v))
        {
            throw Malformed("handshake version missing");
        }

        if (v != Version)
        {
            throw new HandshakeException(HandshakeFailureReason.VersionNotSupported, false, $"handshake version {v} is not supported (this node speaks {Version})");
        }

        return DecodeShare(body);
    }

    /// <summary>
    /// Decodes a frame without checking its signature, sender key or replay (for the fuzz target and for tests that
    /// rewrite frames); the handshake itself always goes through <see cref="HandshakeChecks.OpenAsync"/>.
    /// </summary>
    /// <exception cref="TspException">Not a TSP message.</exception>
    /// <exception cref="WotMessageException">Not a wot.id message.</exception>
    /// <exception cref="HandshakeException">Not a handshake message.</exception>
    public static (string Sender, string? Receiver, HandshakeMessage Message) DecodeUnverified(ReadOnlySpan<byte> frame, int maxFrameBytes = HandshakePolicy.DefaultMaxFrameBytes)
    {
        TspWireMessage wire = TspMessageCodec.Decode(frame, maxFrameBytes);
        if (!wire.Envelope.HasNonConfidentialData || TspPayloadCodec.Decode(wire.Envelope.NonConfidentialData).Payload is not TspGenericPayload generic)
        {
            throw Malformed("not a wot.id message");
        }

        return (wire.Envelope.Sender, wire.Envelope.Receiver, Decode(WotMessageCodec.Parse(generic.Data)));
    }

    private static HandshakeMessage DecodeShare(JsonElement body)
    {
        string? presentation = null, identityKey = null, bundle = null, result = null, error = null;
        foreach (JsonProperty p in body.EnumerateObject())
        {
            switch (p.Name)
            {
                case VersionMember: break;
                case "presentation": presentation = Text(p, MaxPresentationChars); break;
                case "identity_key": identityKey = Text(p, 64); break;
                case "prekey_bundle": bundle = Text(p, (MaxBundleBytes * 4 / 3) + 4); break;
                case "result": result = Text(p, 16); break;
                case "error": error = Text(p, 64); break;
                default: throw Malformed($"unknown handshake member '{Truncate(p.Name)}'");
            }
        }

        if (presentation is not null && identityKey is not null && result is null && error is null)
        {
            EcPublicKey key;
            byte[]? bundleBytes;
            try
            {
                key = EcPublicKey.Deserialize(Base64Url.Decode(identityKey));
                bundleBytes = bundle is null ? null : Base64Url.Decode(bundle);
            }
            catch (Exception ex) when (ex is FormatException or SignalProtocolException)
            {
                throw Malformed("identity_key or prekey_bundle is not valid base64url key material", ex);
            }

            return HandshakeMessage.Share(presentation, key, bundleBytes);
        }

        if (result == "ok" && presentation is null && identityKey is null && bundle is null && error is null)
        {
            return HandshakeMessage.Confirm();
        }

        if (error is not null && presentation is null && identityKey is null && bundle is null && result is null)
        {
            // An unknown token from a newer peer still ends the handshake; it is reported as malformed.
            return HandshakeMessage.Error(HandshakeReasons.TryParse(error, out HandshakeFailureReason reason) ? reason : HandshakeFailureReason.MalformedMessage);
        }

        throw Malformed("a handshake object carries exactly one of: presentation + identity_key, result, error");
    }

    private static JsonElement RequestPayload(string audience)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("credential_type", CredentialTerms.VerifiedHumanCredential);
            w.WriteString("audience", audience);
            w.WriteEndObject();
        }

        return Parse(stream);
    }

    private static JsonElement SharePayload(HandshakeMessage message)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartObject("credential");
            w.WriteNumber(VersionMember, Version);
            switch (message.Kind)
            {
                case HandshakeMessageKind.Share:
                    w.WriteString("presentation", message.Presentation);
                    w.WriteString("identity_key", Base64Url.Encode(message.IdentityKey!.Serialize()));
                    if (message.PreKeyBundle is { } bundle)
                    {
                        w.WriteString("prekey_bundle", Base64Url.Encode(bundle));
                    }

                    break;
                case HandshakeMessageKind.Confirm:
                    w.WriteString("result", "ok");
                    break;
                default:
                    w.WriteString("error", HandshakeReasons.ToToken(message.ErrorReason));
                    break;
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Parse(stream);
    }

    private static JsonElement Parse(MemoryStream stream)
    {
        using JsonDocument doc = JsonDocument.Parse(stream.ToArray());
        return doc.RootElement.Clone();
    }

    private static string Text(JsonProperty p, int maxChars)
    {
        if (p.Value.ValueKind != JsonValueKind.String)
        {
            throw Malformed($"handshake member '{p.Name}' must be a string");
        }

        string s = p.Value.GetString()!;
        return s.Length is > 0 && s.Length <= maxChars ? s : throw Malformed($"handshake member '{p.Name}' must have 1–{maxChars} characters");
    }

    private static string Truncate(string name) => name.Length <= 32 ? name : name[..32] + "…";

    private static HandshakeException Malformed(string detail, Exception? inner = null) =>
        new(HandshakeFailureReason.MalformedMessage, false, detail, inner);
}
