// The control API's one error shape, {"error":"<code>","message":"..."} (docs/node.md "Control API"): NodeError
// names in snake_case with an HTTP status each, plus the protocol errors the HTTP layer raises itself. The client maps
// the code back to the NodeError.
using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using WotId.Node.Api;

namespace WotId.Node.Control;

/// <summary>Error codes, statuses and the error writer.</summary>
internal static class ControlApiErrors
{
    /// <summary>A request with a Host the API does not serve (DNS-rebinding protection).</summary>
    public const string MisdirectedCode = "misdirected_request";

    /// <summary>A request with a foreign Origin.</summary>
    public const string ForbiddenOriginCode = "forbidden_origin";

    /// <summary>A request body over <see cref="ControlApiLimits.MaxRequestBodyBytes"/>.</summary>
    public const string PayloadTooLargeCode = "payload_too_large";

    /// <summary>A body that is not JSON.</summary>
    public const string UnsupportedMediaTypeCode = "unsupported_media_type";

    /// <summary>The endpoint does not take the method.</summary>
    public const string MethodNotAllowedCode = "method_not_allowed";

    /// <summary>No such endpoint.</summary>
    public const string NotFoundCode = "not_found";

    private static readonly FrozenDictionary<NodeError, string> s_codes = new Dictionary<NodeError, string>
    {
        [NodeError.UnknownContact] = "unknown_contact",
        [NodeError.InvalidInput] = "invalid_input",
        [NodeError.InvalidInvitation] = "invalid_invitation",
        [NodeError.ContactExists] = "contact_exists",
        [NodeError.KeyChangeHeld] = "key_change_held",
        [NodeError.Unreachable] = "unreachable",
        [NodeError.NoCredential] = "no_credential",
        [NodeError.AlreadyRunning] = "already_running",
        [NodeError.NotRunning] = "not_running",
        [NodeError.Unauthorized] = "unauthorized",
        [NodeError.Failed] = "failed",
        [NodeError.UnknownFile] = "unknown_file",
        [NodeError.InvalidCredential] = "invalid_credential",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, NodeError> s_errors = Invert(s_codes);

    /// <summary>The snake_case code of <paramref name="error"/>.</summary>
    public static string Code(NodeError error) => s_codes.TryGetValue(error, out string? code) ? code : s_codes[NodeError.Failed];

    /// <summary>The HTTP status of <paramref name="error"/>.</summary>
    public static int Status(NodeError error) => error switch
    {
        NodeError.UnknownContact or NodeError.UnknownFile => StatusCodes.Status404NotFound,
        NodeError.InvalidInput or NodeError.InvalidInvitation => StatusCodes.Status400BadRequest,
        NodeError.ContactExists or NodeError.KeyChangeHeld or NodeError.NoCredential => StatusCodes.Status409Conflict,
        NodeError.Unreachable => StatusCodes.Status503ServiceUnavailable,
        NodeError.Unauthorized => StatusCodes.Status401Unauthorized,
        NodeError.InvalidCredential => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The NodeError a client reports for an error response: the code when it is a NodeError name, else by status
    /// (a protocol error of the HTTP layer is <see cref="NodeError.InvalidInput"/> for 4xx, <see cref="NodeError.Failed"/> otherwise).
    /// </summary>
    public static NodeError FromResponse(string? code, int status)
    {
        if (code is not null && s_errors.TryGetValue(code, out NodeError error))
        {
            return error;
        }

        return status switch
        {
            StatusCodes.Status401Unauthorized => NodeError.Unauthorized,
            >= 400 and < 500 => NodeError.InvalidInput,
            _ => NodeError.Failed,
        };
    }

    /// <summary>Writes the error shape with <paramref name="status"/>.</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ControlApiErrorBody(code, message), ControlJsonContext.Default.ControlApiErrorBody, contentType: null, cancellationToken);
    }

    /// <summary>Writes a node failure.</summary>
    public static Task WriteAsync(HttpContext context, NodeException exception, CancellationToken cancellationToken) =>
        WriteAsync(context, Status(exception.Error), Code(exception.Error), exception.Message, cancellationToken);

    private static FrozenDictionary<string, NodeError> Invert(FrozenDictionary<NodeError, string> codes)
    {
        Dictionary<string, NodeError> inverse = new(StringComparer.Ordinal);
        foreach (KeyValuePair<NodeError, string> pair in codes)
        {
            inverse[pair.Value] = pair.Key;
        }

        return inverse.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
