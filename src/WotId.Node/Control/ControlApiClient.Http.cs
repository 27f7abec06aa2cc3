// HTTP plumbing of ControlApiClient: sends, maps error responses ({"error","message"}) and transport failures to
// NodeException, reads bounded JSON bodies.
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>Sending requests and mapping failures.</summary>
public sealed partial class ControlApiClient
{
    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, path);
        using HttpResponseMessage response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, type, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> PostAsync<T>(string path, HttpContent? content, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, path) { Content = content };
        using HttpResponseMessage response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, type, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends; a non-success status throws the NodeException the error body names.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new NodeException(NodeError.NotRunning, "the node does not answer on its control API", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NodeException(NodeError.Failed, "the node did not answer in time", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<NodeException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        ControlApiErrorBody? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync(ControlJsonContext.Default.ControlApiErrorBody, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or NotSupportedException or IOException)
        {
            // Not the error shape: report the status alone.
        }

        NodeError error = ControlApiErrors.FromResponse(body?.Error, status);
        string message = body is null || string.IsNullOrEmpty(body.Message)
            ? $"the control API answered {status} {ReasonPhrase(response.StatusCode)}"
            : Bounded(body.Message);
        return new NodeException(error, message);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            T? value = await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
            return value ?? throw new NodeException(NodeError.Failed, "the node sent an empty response");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new NodeException(NodeError.Failed, "the node sent a malformed response", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new NodeException(NodeError.NotRunning, "the connection to the node broke", e);
        }
    }

    private static async Task<Stream> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new NodeException(NodeError.NotRunning, "the connection to the node broke", e);
        }
    }

    private static async Task<ServerSentEvent?> ReadEventAsync(ServerSentEventReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new NodeException(NodeError.NotRunning, "the connection to the node broke", e);
        }
    }

    private static string ReasonPhrase(HttpStatusCode status) => status.ToString();

    private static string Bounded(string message) => message.Length <= 1024 ? message : message[..1024] + "…";
}
