// services.AddWotIdNode(o => ...): the hosting facade of docs/library.md. Registers the options (validated when the
// host starts), IWotIdNode as a singleton that forwards to the running node, and the hosted service that runs it.
using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WotId.Node.Api;

namespace WotId.Node.Hosting;

/// <summary>Adds a wot.id node to a generic host (<c>Microsoft.Extensions.Hosting</c>).</summary>
public static class WotIdNodeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the node: <see cref="WotIdNodeOptions"/> (configured by <paramref name="configure"/> and any other
    /// <c>Configure&lt;WotIdNodeOptions&gt;</c>, validated at host start), <see cref="IWotIdNode"/> as a singleton, and
    /// a hosted service that opens the profile and runs the node while the host runs. One node per service collection.
    /// </summary>
    public static IServiceCollection AddWotIdNode(this IServiceCollection services, Action<WotIdNodeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<WotIdNodeOptions> options = services.AddOptions<WotIdNodeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WotIdNodeOptions>, WotIdNodeOptionsValidator>());
        services.TryAddSingleton<HostedWotIdNode>();
        services.TryAddSingleton<IWotIdNode>(sp => sp.GetRequiredService<HostedWotIdNode>());
        services.AddHostedService<WotIdNodeHostedService>();
        return services;
    }
}
