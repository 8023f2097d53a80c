using Ecommerce.Shared.Common;

namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Assertions on service results (<c>using static</c> them): the value of a success, showing the errors of a failure.</summary>
public static class ResultAssert
{
    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => $"{e.Code} {e.Field}: {e.Message}")));
        return result.Value;
    }

    public static void Ok(Result result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => $"{e.Code} {e.Field}: {e.Message}")));

    /// <summary>A real 1×1 PNG, for picture uploads.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}
