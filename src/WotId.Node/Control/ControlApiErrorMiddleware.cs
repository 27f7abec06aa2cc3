// Turns every failure of a request into the control API's error shape (docs/node.md "Control API"): a NodeException
// keeps its NodeError and message; a malformed or oversized request body gets its HTTP status; anything else is a 500
// with a fixed message (the exception is logged, never sent).
using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>The outermost middleware of the control API.</summary>
internal sealed partial class ControlApiErrorMiddleware(RequestDelegate next, ILogger<ControlApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (NodeException e) when (!context.Response.HasStarted)
        {
            await ControlApiErrors.WriteAsync(context, e, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            (string code, string message) = e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => (ControlApiErrors.PayloadTooLargeCode, $"the request body is larger than {ControlApiLimits.MaxRequestBodyBytes} bytes"),
                StatusCodes.Status415UnsupportedMediaType => (ControlApiErrors.UnsupportedMediaTypeCode, "the request body must be application/json"),
                _ => (ControlApiErrors.Code(NodeError.InvalidInput), "the request is malformed (a JSON body with the documented members is expected)"),
            };
            await ControlApiErrors.WriteAsync(context, e.StatusCode, code, message, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            LogUnexpected(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, e);
            await ControlApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, ControlApiErrors.Code(NodeError.Failed), "the node failed to handle the request", context.RequestAborted).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "control API {Method} {Path} failed")]
    private static partial void LogUnexpected(ILogger logger, string method, string path, Exception exception);
}
