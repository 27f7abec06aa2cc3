// OpenAPI metadata shared by every control API endpoint: the error shape under each status it can answer with.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WotId.Node.Control;

/// <summary>Declares the error responses of an endpoint.</summary>
internal static class ControlApiEndpointMetadata
{
    /// <summary>
    /// The statuses every endpoint can answer with (401 token, 403 origin, 421 host, 500 node failure) and
    /// <paramref name="statuses"/>, each with the error shape.
    /// </summary>
    public static RouteHandlerBuilder WithControlApiErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (int status in statuses)
        {
            builder.Produces<ControlApiErrorBody>(status, "application/json");
        }

        return builder
            .Produces<ControlApiErrorBody>(StatusCodes.Status401Unauthorized, "application/json")
            .Produces<ControlApiErrorBody>(StatusCodes.Status403Forbidden, "application/json")
            .Produces<ControlApiErrorBody>(StatusCodes.Status421MisdirectedRequest, "application/json")
            .Produces<ControlApiErrorBody>(StatusCodes.Status500InternalServerError, "application/json");
    }
}
