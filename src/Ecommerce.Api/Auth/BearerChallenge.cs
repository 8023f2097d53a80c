using Ecommerce.Shared.Common;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Api.Auth;

/// <summary>
/// What a 401 from the bearer scheme says, so that a client knows what to do next: without a token,
/// <c>UNAUTHORIZED</c> (send one); with an expired one, <c>EXPIRED_TOKEN</c> (refresh it); with any other refused one —
/// malformed, wrongly signed, for another issuer or audience, revoked because the account changed —
/// <c>INVALID_TOKEN</c> (sign in again). The <c>WWW-Authenticate</c> header says the same in RFC 6750's terms.
/// </summary>
/// <remarks>
/// The header's description is one of a few fixed phrases, never text taken from the token (an issuer or audience
/// value could carry quotes or line breaks into a response header); the envelope's message gives the details.
/// </remarks>
internal sealed record BearerChallenge(Error Error, string WwwAuthenticate)
{
    public const string ExpiredDescription = "The token expired";

    /// <summary>The challenge for a request that sent no bearer token (the handler reported no failure).</summary>
    public static BearerChallenge Missing { get; } = new(
        new Error(ErrorCodes.Unauthorized, "Authentication required: send an access token as 'Authorization: Bearer …'."),
        "Bearer");

    /// <summary>The challenge for the bearer handler's failure, or <see cref="Missing"/> when there was none.</summary>
    public static BearerChallenge For(Exception? failure) => Unwrap(failure) switch
    {
        null => Missing,
        SecurityTokenExpiredException => Invalid(ErrorCodes.ExpiredToken, "The access token has expired. Refresh it or sign in again.", ExpiredDescription),
        RevokedAccessException revoked => Invalid(ErrorCodes.InvalidToken, revoked.Message, "The token was revoked"),
        var other => Invalid(ErrorCodes.InvalidToken, "The access token is not valid.", Describe(other)),
    };

    /// <summary>Why a token was refused, as a short phrase fit for the header.</summary>
    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenMalformedException or ArgumentException => "The token is malformed",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException
            or SecurityTokenInvalidSigningKeyException or SecurityTokenInvalidAlgorithmException => "The signature is invalid",
        SecurityTokenInvalidIssuerException => "The issuer is invalid",
        SecurityTokenInvalidAudienceException => "The audience is invalid",
        SecurityTokenNotYetValidException => "The token is not valid yet",
        SecurityTokenNoExpirationException or SecurityTokenInvalidLifetimeException => "The token lifetime is invalid",
        _ => "The token is invalid",
    };

    private static BearerChallenge Invalid(string code, string message, string description) =>
        new(new Error(code, message), $"Bearer error=\"invalid_token\", error_description=\"{description}\"");

    /// <summary>With several token handlers the failures come as one AggregateException; the first one tells.</summary>
    private static Exception? Unwrap(Exception? failure) =>
        failure is AggregateException { InnerExceptions: [var first, ..] } ? Unwrap(first) : failure;
}

/// <summary>Why a correctly signed, unexpired token was refused: its account is gone, locked or changed since.</summary>
internal sealed class RevokedAccessException(string message) : Exception(message);
