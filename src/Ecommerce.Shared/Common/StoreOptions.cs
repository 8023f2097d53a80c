using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Common;

/// <summary>
/// The one way the store registers settings: one options class per configuration section, bound from that section
/// and validated at start-up (its data annotations, plus any <see cref="IValidateOptions{TOptions}"/> registered
/// for it), so that a wrong value stops the store with a message naming the key instead of failing later.
/// </summary>
public static class StoreOptions
{
    public static OptionsBuilder<T> AddStoreOptions<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
