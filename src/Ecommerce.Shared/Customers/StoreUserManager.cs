using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Customers;

/// <summary>
/// Identity's user manager, telling <see cref="AccountAccessCache"/> about every change to an account (new security
/// stamp, roles, lock, deletion), so that API requests on this instance see it at once.
/// </summary>
public sealed class StoreUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private readonly AccountAccessCache? _access = services.GetService<AccountAccessCache>();

    protected override async Task<IdentityResult> UpdateUserAsync(ApplicationUser user)
    {
        var result = await base.UpdateUserAsync(user);
        _access?.Evict(user.Id);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(ApplicationUser user)
    {
        var result = await base.DeleteAsync(user);
        _access?.Evict(user.Id);
        return result;
    }
}
