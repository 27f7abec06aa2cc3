// System.Text.Json source generation for every body of the control API: camelCase names (the stable JSON names of
// docs/node.md "Node facade"), enums as strings, required constructor parameters and nullable annotations enforced.
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>The control API's JSON metadata.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(NodeStatus))]
[JsonSerializable(typeof(NetworkStatus))]
[JsonSerializable(typeof(ReachabilityStatus))]
[JsonSerializable(typeof(DhtStatus))]
[JsonSerializable(typeof(ContactSummary))]
[JsonSerializable(typeof(IReadOnlyList<ContactSummary>))]
[JsonSerializable(typeof(SentMessage))]
[JsonSerializable(typeof(InboxMessage))]
[JsonSerializable(typeof(IReadOnlyList<InboxMessage>))]
[JsonSerializable(typeof(ConversationEntry))]
[JsonSerializable(typeof(IReadOnlyList<ConversationEntry>))]
[JsonSerializable(typeof(NodeEvent))]
[JsonSerializable(typeof(FileTransferSummary))]
[JsonSerializable(typeof(IReadOnlyList<FileTransferSummary>))]
[JsonSerializable(typeof(SendFileRequest))]
[JsonSerializable(typeof(AcceptFileRequest))]
[JsonSerializable(typeof(FileAutoAcceptRequest))]
[JsonSerializable(typeof(AddContactRequest))]
[JsonSerializable(typeof(SendTextRequest))]
[JsonSerializable(typeof(MarkReadRequest))]
[JsonSerializable(typeof(InvitationResponse))]
[JsonSerializable(typeof(ControlApiErrorBody))]
[JsonSerializable(typeof(ControlEndpointFile))]
[JsonSerializable(typeof(InvitationQrResponse))]
[JsonSerializable(typeof(WebSessionRequest))]
[JsonSerializable(typeof(WebSessionResponse))]
[JsonSerializable(typeof(ImportCredentialRequest))]
[JsonSerializable(typeof(ImportedCredential))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
