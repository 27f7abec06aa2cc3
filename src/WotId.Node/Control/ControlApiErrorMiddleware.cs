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
            if (!context.Response.HasStarted && context.Response.StatusCode >= StatusCodes.Status400BadRequest)
            {
                // A status set without a body: Kestrel's 413 for a body over the limit, a body the binder could not read.
                await WriteStatusAsync(context, context.Response.StatusCode).ConfigureAwait(false);
            }
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
            await WriteStatusAsync(context, e.StatusCode).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            LogUnexpected(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, e);
            await ControlApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, ControlApiErrors.Code(NodeError.Failed), "the node failed to handle the request", context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task WriteStatusAsync(HttpContext context, int status)
    {
        (string code, string message) = status switch
        {
            StatusCodes.Status413PayloadTooLarge => (ControlApiErrors.PayloadTooLargeCode, $"the request body is larger than {ControlApiLimits.MaxRequestBodyBytes} bytes"),
            StatusCodes.Status415UnsupportedMediaType => (ControlApiErrors.UnsupportedMediaTypeCode, "the request body must be application/json"),
            StatusCodes.Status404NotFound => (ControlApiErrors.NotFoundCode, "no such endpoint"),
            StatusCodes.Status405MethodNotAllowed => (ControlApiErrors.MethodNotAllowedCode, "the endpoint does not take this method"),
            < 500 => (ControlApiErrors.Code(NodeError.InvalidInput), "the request is malformed (a JSON body with the documented members is expected)"),
            _ => (ControlApiErrors.Code(NodeError.Failed), "the node failed to handle the request"),
        };
        return ControlApiErrors.WriteAsync(context, status, code, message, context.RequestAborted);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "control API {Method} {Path} failed")]
    private static partial void LogUnexpected(ILogger logger, string method, string path, Exception exception);
}
