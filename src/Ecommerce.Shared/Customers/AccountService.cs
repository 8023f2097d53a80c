using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;
using Ecommerce.Shared.Common;
using Ecommerce.Shared.Data;
using Ecommerce.Shared.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Customers;

public sealed record RegistrationInput(string? Email, string? Password, string? FirstName, string? LastName, string? PhoneNumber = null);

/// <summary>A new account; <see cref="EmailVerificationRequired"/> when it must verify its address before ordering.</summary>
public sealed record RegisteredUser(string UserId, string Email, bool EmailVerificationRequired);

public sealed record ProfileInput(string? FirstName, string? LastName, string? PhoneNumber, DateOnly? DateOfBirth);

public sealed record ProfileView(
    string Id, string Email, bool EmailVerified, string? FirstName, string? LastName, string? PhoneNumber, DateOnly? DateOfBirth,
    IReadOnlyList<AddressView> Addresses, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// Accounts: registration, profile, password changes and resets. The storefront pages and the API both call
/// these, so the rules (valid email, password strength, unique email) are the same everywhere.
/// </summary>
public sealed partial class AccountService(
    UserManager<ApplicationUser> users,
    IDbContextFactory<AppDbContext> dbFactory,
    AddressService addresses,
    IEmailSender email,
    IOptions<StoreSettings> store,
    IOptions<AuthOptions> auth,
    TimeProvider clock,
    AccountMailLimit mailLimit,
    ILogger<AccountService> logger)
{
    /// <summary>Where the link in the verification e-mail leads (the page confirms the address and says so).</summary>
    public const string VerifyEmailPath = "/account/verify-email";

    public async Task<Result<RegisteredUser>> RegisterAsync(RegistrationInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        var address = input.Email?.Trim() ?? "";
        if (EmailProblem(address) is { } emailProblem) errors.Add(emailProblem);
        ValidateName(input.FirstName, "firstName", "First name", required: true, errors);
        ValidateName(input.LastName, "lastName", "Last name", required: true, errors);
        ValidatePhone(input.PhoneNumber, errors);

        var user = new ApplicationUser
        {
            UserName = address,
            Email = address,
            FirstName = input.FirstName?.Trim(),
            LastName = input.LastName?.Trim(),
            PhoneNumber = Clean(input.PhoneNumber),
        };
        if (string.IsNullOrEmpty(input.Password)) errors.Add(new Error(ErrorCodes.RequiredField, "Password is required.", "password"));
        else if (await PasswordProblemAsync(user, input.Password) is { } problem) errors.Add(Error.Validation("password", problem));
        if (errors.Count > 0) return Result<RegisteredUser>.Failure(errors);

        if (await users.FindByEmailAsync(address) is not null)
            return Error.AlreadyExists("email", "An account with this email already exists.");

        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")
                ? Error.AlreadyExists("email", "An account with this email already exists.")
                : Error.Validation("email", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Customer);
        try
        {
            await SendVerificationAsync(user, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            // The account stands; the customer can ask for a new link from their account page.
            logger.LogError(exception, "Could not send the verification e-mail of a new account");
        }
        return new RegisteredUser(user.Id, address, auth.Value.RequireVerifiedEmailToOrder);
    }

    /// <summary>
    /// Confirms the e-mail address of the account the token (from the verification e-mail) was made for. An account
    /// already verified stays so; a token that is malformed, expired, or made before the address changed is refused
    /// with INVALID_TOKEN on <c>token</c>. Every failure is about the input.
    /// </summary>
    public async Task<Result> VerifyEmailAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token)) return new Error(ErrorCodes.RequiredField, "The verification token is required.", "token");
        string userId, identityToken;
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Trim()));
            var separator = decoded.IndexOf(':');
            if (separator <= 0) return InvalidVerificationToken();
            (userId, identityToken) = (decoded[..separator], decoded[(separator + 1)..]);
        }
        catch (FormatException) { return InvalidVerificationToken(); }

        var user = await users.FindByIdAsync(userId);
        if (user is null) return InvalidVerificationToken();
        if (user.EmailConfirmed) return Result.Success;
        var confirmed = await users.ConfirmEmailAsync(user, identityToken);
        return confirmed.Succeeded ? Result.Success : InvalidVerificationToken();
    }

    /// <summary>
    /// Sends a new verification link when an unverified account has this address. The caller answers the same
    /// whether or not it does, so nobody learns from it which addresses have accounts.
    /// </summary>
    public async Task<Result> ResendVerificationAsync(string? emailAddress, CancellationToken cancellationToken = default)
    {
        var address = emailAddress?.Trim() ?? "";
        if (EmailProblem(address) is { } problem) return problem;
        var user = await users.FindByEmailAsync(address);
        if (user is { EmailConfirmed: false } && mailLimit.TryReserveVerification(address)) await SendVerificationAsync(user, cancellationToken);
        return Result.Success;
    }

    /// <summary>Sends a new verification link to a signed-in customer (from their account page).</summary>
    public async Task<Result> ResendVerificationToUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Error.NotFound("User not found");
        if (user.EmailConfirmed) return Error.Conflict("Your e-mail address is already verified.");
        if (user.Email is null || !mailLimit.TryReserveVerification(user.Email))
            return new Error(ErrorCodes.RateLimitExceeded, "We have sent you several links in the last hour already: please look in your inbox (and spam folder).");
        await SendVerificationAsync(user, cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// Ends every session of the user: a new security stamp ends sign-in cookies (at their next check) and API access
    /// tokens, and every refresh token is revoked. Signing out of the storefront does this, so a copied cookie dies too.
    /// </summary>
    public async Task SignOutEverywhereAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return;
        await users.UpdateSecurityStampAsync(user);
        await RevokeRefreshTokensAsync(userId, "signed-out", cancellationToken);
    }

    private async Task SendVerificationAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (user.Email is null) return;
        var identityToken = await users.GenerateEmailConfirmationTokenAsync(user);
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{user.Id}:{identityToken}"));
        var link = store.Value.Link($"{VerifyEmailPath}?token={Uri.EscapeDataString(token)}");
        var name = store.Value.Name;
        await email.SendAsync(new EmailMessage(
            user.Email,
            $"Verify your e-mail address for {name}",
            $"""
            Hello {user.FirstName},

            Welcome to {name}. Please confirm that this is your e-mail address by opening:

            {link}

            If the link does not work, you can also send this code to the store's API (POST /api/v1/auth/verify-email):
            {token}

            If you did not create an account, ignore this e-mail.
            """,
            $"""
            <p>Hello {System.Net.WebUtility.HtmlEncode(user.FirstName)},</p>
            <p>Welcome to {System.Net.WebUtility.HtmlEncode(name)}. Please confirm that this is your e-mail address:</p>
            <p><a href="{System.Net.WebUtility.HtmlEncode(link)}">Verify my e-mail address</a></p>
            <p>If you did not create an account, ignore this e-mail.</p>
            """), cancellationToken);
    }

    private static Error InvalidVerificationToken() =>
        new(ErrorCodes.InvalidToken, "This verification link is not valid or has expired. Ask for a new one.", "token");

    public async Task<ProfileView?> GetProfileAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return null;
        var book = await addresses.ListAsync(userId, cancellationToken);
        return new ProfileView(user.Id, user.Email ?? "", user.EmailConfirmed, user.FirstName, user.LastName, user.PhoneNumber, user.DateOfBirth,
            book, user.CreatedAt, user.UpdatedAt);
    }

    public async Task<Result<ProfileView>> UpdateProfileAsync(string userId, ProfileInput input, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        ValidateName(input.FirstName, "firstName", "First name", required: true, errors);
        ValidateName(input.LastName, "lastName", "Last name", required: true, errors);
        ValidatePhone(input.PhoneNumber, errors);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.DateOfBirth is { } born && (born > today || born < new DateOnly(1900, 1, 1)))
            errors.Add(Error.Validation("dateOfBirth", "Date of birth must be a date between 1900-01-01 and today."));
        if (errors.Count > 0) return Result<ProfileView>.Failure(errors);

        var user = await users.FindByIdAsync(userId);
        if (user is null) return Error.NotFound("User not found");
        user.FirstName = input.FirstName!.Trim();
        user.LastName = input.LastName!.Trim();
        user.PhoneNumber = Clean(input.PhoneNumber);
        user.DateOfBirth = input.DateOfBirth;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return Error.Validation("profile", string.Join(" ", updated.Errors.Select(e => e.Description)));
        return (await GetProfileAsync(userId, cancellationToken))!;
    }

    /// <summary>Changes the password after checking the current one; every API refresh token of the user stops working.</summary>
    public async Task<Result> ChangePasswordAsync(string userId, string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Error.NotFound("User not found");

        var errors = new List<Error>();
        if (string.IsNullOrEmpty(currentPassword)) errors.Add(new Error(ErrorCodes.RequiredField, "Current password is required.", "currentPassword"));
        errors.AddRange(await NewPasswordErrorsAsync(user, newPassword, confirmPassword));
        if (errors.Count > 0) return Result.Failure(errors);

        if (!await users.CheckPasswordAsync(user, currentPassword!))
            return Error.Validation("currentPassword", "The current password is not right.");

        var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!changed.Succeeded) return Error.Validation("newPassword", string.Join(" ", changed.Errors.Select(e => e.Description)));
        await RevokeRefreshTokensAsync(userId, "password-changed", cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// Sends a password-reset link when an account has this email. The caller answers the same either way,
    /// so nobody can learn from it whether an address has an account.
    /// </summary>
    public async Task<Result> ForgotPasswordAsync(string? emailAddress, Func<string, string, string> resetLink, CancellationToken cancellationToken = default)
    {
        var address = emailAddress?.Trim() ?? "";
        if (EmailProblem(address) is { } problem) return problem;

        var user = await users.FindByEmailAsync(address);
        if (user?.Email is null || !mailLimit.TryReservePasswordReset(address)) return Result.Success;

        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = resetLink(user.Email, token);
        var name = store.Value.Name;
        await email.SendAsync(new EmailMessage(
            user.Email,
            $"Reset your {name} password",
            $"""
            Hello {user.FirstName},

            Someone asked to reset the password of your {name} account. To choose a new password, open:

            {link}

            The link works for a limited time. If you did not ask for this, ignore this e-mail; your password stays as it is.
            """,
            $"""
            <p>Hello {System.Net.WebUtility.HtmlEncode(user.FirstName)},</p>
            <p>Someone asked to reset the password of your {System.Net.WebUtility.HtmlEncode(name)} account.</p>
            <p><a href="{System.Net.WebUtility.HtmlEncode(link)}">Choose a new password</a></p>
            <p>The link works for a limited time. If you did not ask for this, ignore this e-mail; your password stays as it is.</p>
            """), cancellationToken);
        return Result.Success;
    }

    /// <summary>
    /// Sets a new password with the token from the reset e-mail. A token that is malformed, expired, already used or
    /// made for another account is refused with INVALID_TOKEN on <c>token</c>. Every failure is about the input.
    /// </summary>
    public async Task<Result> ResetPasswordAsync(string? emailAddress, string? token, string? newPassword, string? confirmPassword, CancellationToken cancellationToken = default)
    {
        var errors = new List<Error>();
        var address = emailAddress?.Trim() ?? "";
        if (address.Length == 0) errors.Add(new Error(ErrorCodes.RequiredField, "Email is required.", "email"));
        if (string.IsNullOrWhiteSpace(token)) errors.Add(new Error(ErrorCodes.RequiredField, "The reset token is required.", "token"));
        var user = address.Length == 0 ? null : await users.FindByEmailAsync(address);
        errors.AddRange(await NewPasswordErrorsAsync(user ?? new ApplicationUser { UserName = address, Email = address }, newPassword, confirmPassword));
        if (errors.Count > 0) return Result.Failure(errors);

        string decoded;
        try { decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token!.Trim())); }
        catch (FormatException) { return InvalidResetToken(); }
        if (user is null) return InvalidResetToken();

        var reset = await users.ResetPasswordAsync(user, decoded, newPassword!);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == "InvalidToken")
                ? InvalidResetToken()
                : Error.Validation("newPassword", string.Join(" ", reset.Errors.Select(e => e.Description)));
        }
        if (await users.IsLockedOutAsync(user)) await users.SetLockoutEndDateAsync(user, null);
        await RevokeRefreshTokensAsync(user.Id, "password-reset", cancellationToken);
        return Result.Success;
    }

    /// <summary>Revokes every active API refresh token of the user.</summary>
    public async Task RevokeRefreshTokensAsync(string userId, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), cancellationToken);
    }

    /// <summary>The user's password-rule failures as one sentence, or null when the password is acceptable.</summary>
    public async Task<string?> PasswordProblemAsync(ApplicationUser user, string password)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    public static bool IsEmail(string value) => value.Length <= Limits.Account.Email && EmailPattern().IsMatch(value);

    /// <summary>What is wrong with a typed (trimmed) e-mail address, on the field <c>email</c>, or null.</summary>
    private static Error? EmailProblem(string address) =>
        address.Length == 0 ? new Error(ErrorCodes.RequiredField, "Email is required.", "email")
        : !IsEmail(address) ? new Error(ErrorCodes.InvalidFormat, "Email format is invalid.", "email")
        : null;

    private async Task<List<Error>> NewPasswordErrorsAsync(ApplicationUser user, string? newPassword, string? confirmPassword)
    {
        var errors = new List<Error>();
        if (string.IsNullOrEmpty(newPassword)) errors.Add(new Error(ErrorCodes.RequiredField, "New password is required.", "newPassword"));
        else if (await PasswordProblemAsync(user, newPassword) is { } problem) errors.Add(Error.Validation("newPassword", problem));
        if (newPassword != confirmPassword) errors.Add(Error.Validation("confirmPassword", "The new password and its confirmation are not the same."));
        return errors;
    }

    private static Error InvalidResetToken() =>
        new(ErrorCodes.InvalidToken, "This password-reset link is not valid, has expired or was already used. Ask for a new one.", "token");

    private static void ValidateName(string? value, string field, string label, bool required, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(new Error(ErrorCodes.RequiredField, $"{label} is required.", field));
        }
        else if (value.Trim().Length > Limits.Account.FirstName) errors.Add(Error.Validation(field, $"{label} can be at most {Limits.Account.FirstName} characters."));
        else TextRules.CheckName(value, field, label, errors);
    }

    private static void ValidatePhone(string? value, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!PhonePattern().IsMatch(value.Trim()))
            errors.Add(new Error(ErrorCodes.InvalidFormat, "Phone number may contain only digits, spaces and + - ( ).", "phoneNumber"));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{6,25}$")]
    private static partial Regex PhonePattern();
}
