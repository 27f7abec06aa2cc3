// The client of the node's local control API (docs/node.md "Control API"): an IWotIdNode that talks to the node of a
// profile running in another process. Error responses become NodeException with the NodeError the server named;
// disposing closes this client only, never the node.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>Talks to a running node over its control API.</summary>
public sealed partial class ControlApiClient : IWotIdNode
{
    private readonly HttpClient _http;

    private ControlApiClient(ControlApiEndpoint endpoint, string token)
    {
        _http = new HttpClient(endpoint.CreateHandler(), disposeHandler: true)
        {
            BaseAddress = endpoint.BaseAddress,
            MaxResponseContentBufferSize = ControlApiLimits.MaxResponseBytes,
            Timeout = TimeSpan.FromMinutes(5),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>
    /// Connects to the node running for the profile in <paramref name="home"/>: null when none runs (no control.sock
    /// or control.json, no token file, or nothing accepts a connection there: files left by a node that crashed).
    /// </summary>
    public static async Task<ControlApiClient?> TryConnectAsync(string home, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(home);
        home = Path.GetFullPath(home);
        ControlApiEndpoint? endpoint = await ControlApiEndpoint.FromProfileAsync(home, cancellationToken).ConfigureAwait(false);
        if (endpoint is null || !await endpoint.AnswersAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        string? token = (await ControlApiFiles.ReadSmallAsync(ControlApiFiles.TokenPath(home), cancellationToken).ConfigureAwait(false))?.Trim();
        return string.IsNullOrEmpty(token) ? null : new ControlApiClient(endpoint, token);
    }

    /// <summary>A client for a known endpoint and token (tests).</summary>
    internal static ControlApiClient Create(ControlApiEndpoint endpoint, string token) => new(endpoint, token);

    /// <inheritdoc />
    public Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        GetAsync("v1/status", ControlJsonContext.Default.NodeStatus, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ContactSummary>> GetContactsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("v1/contacts", ControlJsonContext.Default.IReadOnlyListContactSummary, cancellationToken);

    /// <inheritdoc />
    public Task<ContactSummary> GetContactAsync(string contact, CancellationToken cancellationToken = default) =>
        GetAsync("v1/contacts/" + Segment(contact), ControlJsonContext.Default.ContactSummary, cancellationToken);

    /// <inheritdoc />
    public Task<ContactSummary> AddContactAsync(string invitationUri, string? name, CancellationToken cancellationToken = default) =>
        PostAsync("v1/contacts", JsonContent.Create(new AddContactRequest(invitationUri, name), ControlJsonContext.Default.AddContactRequest), ControlJsonContext.Default.ContactSummary, cancellationToken);

    /// <inheritdoc />
    public Task<ContactSummary> AcceptKeyChangeAsync(string contact, CancellationToken cancellationToken = default) =>
        PostAsync("v1/contacts/" + Segment(contact) + "/accept-key", null, ControlJsonContext.Default.ContactSummary, cancellationToken);

    /// <inheritdoc />
    public Task<ImportedCredential> ImportCredentialAsync(string credentialJws, CancellationToken cancellationToken = default) =>
        PostAsync("v1/credential", JsonContent.Create(new ImportCredentialRequest(credentialJws), ControlJsonContext.Default.ImportCredentialRequest), ControlJsonContext.Default.ImportedCredential, cancellationToken);

    /// <inheritdoc />
    public async Task<string> CreateInvitationAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync("v1/invitation", ControlJsonContext.Default.InvitationResponse, cancellationToken).ConfigureAwait(false)).Uri;

    /// <inheritdoc />
    public Task<SentMessage> SendTextAsync(string contact, string text, CancellationToken cancellationToken = default) =>
        PostAsync("v1/messages", JsonContent.Create(new SendTextRequest(contact, text), ControlJsonContext.Default.SendTextRequest), ControlJsonContext.Default.SentMessage, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<InboxMessage>> GetInboxAsync(string? contact = null, CancellationToken cancellationToken = default) =>
        GetAsync(contact is null ? "v1/inbox" : "v1/inbox?contact=" + Uri.EscapeDataString(contact), ControlJsonContext.Default.IReadOnlyListInboxMessage, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ConversationEntry>> GetConversationAsync(string contact, int limit = 100, CancellationToken cancellationToken = default) =>
        GetAsync(
            "v1/conversations/" + Segment(contact) + "?limit=" + limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ControlJsonContext.Default.IReadOnlyListConversationEntry,
            cancellationToken);

    /// <inheritdoc />
    public async Task MarkReadAsync(string contact, string messageId, CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, "v1/messages/" + Segment(messageId) + "/read")
        {
            Content = JsonContent.Create(new MarkReadRequest(contact), ControlJsonContext.Default.MarkReadRequest),
        };
        using HttpResponseMessage response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<NodeEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, "v1/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ServerSentEventWriter.ContentType));
        using HttpResponseMessage response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        Stream body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            ServerSentEventReader reader = new(body, ControlApiLimits.MaxEventBytes);
            await using (reader.ConfigureAwait(false))
            {
                while (await ReadEventAsync(reader, cancellationToken).ConfigureAwait(false) is ServerSentEvent e)
                {
                    yield return ParseEvent(e);
                }
            }
        }
    }

    /// <summary>Closes this client's connections; the node keeps running.</summary>
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string Segment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Uri.EscapeDataString(value);
    }

    internal static NodeEvent ParseEvent(ServerSentEvent e)
    {
        try
        {
            NodeEvent? parsed = JsonSerializer.Deserialize(e.Data, ControlJsonContext.Default.NodeEvent);
            return parsed ?? throw new NodeException(NodeError.Failed, "the node sent an empty event");
        }
        catch (JsonException)
        {
            throw new NodeException(NodeError.Failed, $"the node sent a malformed '{Printable(e.Type)}' event");
        }
    }

    private static string Printable(string type) => type.Length <= 64 && !type.AsSpan().ContainsAnyInRange('\0', '\x1f') ? type : "?";
}
