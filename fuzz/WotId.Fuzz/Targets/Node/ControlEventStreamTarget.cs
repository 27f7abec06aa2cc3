// Fuzz target: the control API client's event-stream reader (text/event-stream → ServerSentEvent → NodeEvent JSON),
// the part of ControlApiClient that reads bytes a stale or foreign listener could send.
using System;
using System.IO;
using WotId.Node.Api;
using WotId.Node.Control;

namespace WotId.Fuzz.Targets.Node;

/// <summary>Feeds arbitrary bytes as an event stream; only NodeException (the documented rejection) may escape.</summary>
public sealed class ControlEventStreamTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "node-control-events";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        using MemoryStream stream = new(input.ToArray(), writable: false);
        ServerSentEventReader reader = new(stream, 4096);
        try
        {
            while (reader.ReadAsync(default).AsTask().GetAwaiter().GetResult() is ServerSentEvent e)
            {
                ControlApiClient.ParseEvent(e);
            }
        }
        catch (NodeException)
        {
            // Documented rejection: a line or event over the bound, or data that is not a NodeEvent.
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
