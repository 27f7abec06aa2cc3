// The control API's OpenAPI document (GET /openapi/v1.json; a copy is committed as docs/control-api.openapi.json and a
// test keeps the two equal). The document has no servers (the address differs per profile and transport) and declares
// the bearer token as the one security scheme.
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace WotId.Node.Control;

/// <summary>Registers and shapes the OpenAPI document.</summary>
internal static class ControlApiOpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    private const string SchemeName = "bearer";

    public static void Add(IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "wot.id node control API",
                Version = "1",
                Description = "The local control API of a running wot.id node (docs/node.md \"Control API\"). Served on the "
                    + "Unix socket control.sock in the profile, or on 127.0.0.1 at the URL in control.json; every request "
                    + "carries the bearer token of control.token. Errors are {\"error\": code, \"message\": text}.",
            };
            document.Servers = [];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The 43-character token in control.token (owner-only), new at every start of the node.",
                },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }));
}
