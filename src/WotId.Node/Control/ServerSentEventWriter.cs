// Writes the node's events as server-sent events (WHATWG HTML §9.2 "Server-sent events"): per event the lines
// "event: <kind>" and "data: <NodeEvent JSON>" and a blank line (the JSON is one line: System.Text.Json escapes line
// breaks in strings), and a comment line ": heartbeat" when nothing was written for the heartbeat interval, so that
// proxies and clients see a live connection. The response headers are sent only after the subscription to the node's
// events has started, so a client that has the headers misses no later event. The stream ends when the client goes
// (RequestAborted) or the server stops.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>The SSE writer of GET /v1/events.</summary>
internal sealed class ServerSentEventWriter(TimeSpan heartbeatInterval, TimeProvider time)
{
    public const string ContentType = "text/event-stream";

    private static readonly byte[] s_heartbeat = Encoding.ASCII.GetBytes(": heartbeat\n\n");

    public async Task StreamAsync(HttpContext context, IWotIdNode node, CancellationToken serverStopping)
    {
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        IAsyncEnumerator<NodeEvent> events = node.ReadEventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Task<bool> next = events.MoveNextAsync().AsTask();
        try
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = ContentType;
            context.Response.Headers.CacheControl = "no-cache";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await context.Response.StartAsync(stop.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            while (true)
            {
                bool more;
                try
                {
                    more = await next.WaitAsync(heartbeatInterval, time, stop.Token).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    await WriteAsync(context.Response.Body, s_heartbeat, stop.Token).ConfigureAwait(false);
                    continue;
                }

                if (!more)
                {
                    return;
                }

                await WriteAsync(context.Response.Body, Format(events.Current), stop.Token).ConfigureAwait(false);
                next = events.MoveNextAsync().AsTask();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went or the server stops: end the response normally.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The connection broke while writing.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await next.ConfigureAwait(false);
            }
            catch (Exception) when (next.IsCanceled || next.IsFaulted)
            {
                // Cancelled above, or the node's failure that already ended the loop.
            }

            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One event in SSE form.</summary>
    internal static byte[] Format(NodeEvent e)
    {
        string json = JsonSerializer.Serialize(e, ControlJsonContext.Default.NodeEvent);
        return Encoding.UTF8.GetBytes("event: " + SingleLine(e.Kind) + "\ndata: " + json + "\n\n");
    }

    private static string SingleLine(string kind) =>
        kind.AsSpan().IndexOfAny('\r', '\n') < 0 ? kind : kind.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);

    private static async Task WriteAsync(Stream body, byte[] bytes, CancellationToken cancellationToken)
    {
        await body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
