// GET /v1/events: the node's events as server-sent events (docs/node.md "Control API"; WHATWG HTML "Server-sent events").
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>The event stream.</summary>
internal static class EventEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, IWotIdNode node, ServerSentEventWriter writer, CancellationToken serverStopping)
    {
        Func<HttpContext, Task> stream = context => writer.StreamAsync(context, node, serverStopping);
        routes.MapGet("/v1/events", stream)
            .WithName("ReadEvents")
            .WithTags("events")
            .WithSummary("Events from now on as text/event-stream: `event: <kind>` and `data: <NodeEvent JSON>` per event, a comment line every 15 s; ends when the node stops.")
            .Produces<NodeEvent>(StatusCodes.Status200OK, ServerSentEventWriter.ContentType)
            .WithControlApiErrors();
    }
}
