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

    [Fact]
    public void An_outcome_without_a_value_is_a_success_or_its_errors()
    {
        Assert.True(Result.Success.Succeeded);
        Assert.Empty(Result.Success.Errors);
        Result notFound = Error.NotFound("Coupon with ID '9' not found");
        Assert.False(notFound.Succeeded);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(notFound.Errors).Code);
        Assert.Throws<ArgumentException>(() => Result.Failure());
    }

    [Fact]
    public void A_result_can_drop_its_value()
    {
        Assert.True(Result<int>.Success(3).WithoutValue().Succeeded);
        var failed = Result<int>.Failure(Error.Conflict("busy")).WithoutValue();
        Assert.Equal("busy", Assert.Single(failed.Errors).Message);
    }

    /// <summary>
    /// Result&lt;bool&gt; only where the bool says something (whether anything changed, whether the product is a
    /// favourite now), never standing in for "no value": those return <see cref="Result"/>.
    /// </summary>
    [Fact]
    public void Services_return_a_bool_only_where_it_means_something()
    {
        string[] meaningful =
        [
            "CategoryAdminService.MoveAmongSiblingsAsync", // false: already first or last
            "CustomerAdminService.SetAdminAsync", "CustomerAdminService.SetRolesAsync", // false: nothing to change
            "FavoriteService.AddAsync", "FavoriteService.RemoveAsync", "FavoriteService.ToggleAsync", // added / removed / is one now
            "ReviewAdminService.SetHiddenAsync", "ReviewAdminService.DeleteAsync", // whether the product's rating changed
        ];
        var found = typeof(Result).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == typeof(Task<Result<bool>>)).Select(m => $"{t.Name}.{m.Name}"))
            .Order().ToList();
        Assert.Equal(meaningful.Order(), found);
    }
}
