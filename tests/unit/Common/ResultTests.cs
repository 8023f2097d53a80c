using Ecommerce.Shared.Common;

namespace Ecommerce.Tests.Unit.Common;

public class ResultTests
{
    [Fact]
    public void A_value_is_a_success()
    {
        Result<int> result = 42;
        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.Equal(42, result.Value);
    }

    [Fact]
    public void An_error_is_a_failure_without_a_value()
    {
        Result<int> result = Error.NotFound("Product with ID '7' not found");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Null(error.Field);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void A_failure_needs_an_error()
    {
        Assert.Throws<ArgumentException>(() => Result<int>.Failure());
    }

    [Fact]
    public void Error_helpers_set_code_and_field()
    {
        Assert.Equal(new Error("VALIDATION_ERROR", "bad", "email"), Error.Validation("email", "bad"));
        Assert.Equal(new Error("ALREADY_EXISTS", "taken", "email"), Error.AlreadyExists("email", "taken"));
        Assert.Equal(new Error("CONFLICT", "busy"), Error.Conflict("busy"));
    }
}
