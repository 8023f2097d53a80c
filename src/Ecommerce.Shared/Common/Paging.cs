namespace Ecommerce.Shared.Common;

/// <summary>One page of a longer list, with the numbers a client needs to page through it.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => PageSize <= 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
    public bool HasPreviousPage => PageNumber > 1;
    public bool HasNextPage => PageNumber < TotalPages;

    public PagedResult<TOut> Map<TOut>(Func<T, TOut> map) =>
        new(Items.Select(map).ToList(), PageNumber, PageSize, TotalCount);
}

/// <summary>
/// The one paging rule of every list, in the API and in the pages alike: <c>pageNumber</c> from 1, <c>pageSize</c>
/// from 1 to 100 (20 unless a list says otherwise — orders show 10, as document 002 says). A value outside is
/// refused with VALIDATION_ERROR naming it, never clamped into range.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The errors of a page request, empty when it is valid.</summary>
    public static List<Error> Check(int pageNumber, int pageSize)
    {
        var errors = new List<Error>();
        Validate(pageNumber, pageSize, errors);
        return errors;
    }

    /// <summary>Checks page number and size against the API's rules (page ≥ 1, 1 ≤ size ≤ 100).</summary>
    public static void Validate(int pageNumber, int pageSize, List<Error> errors)
    {
        if (pageNumber < 1)
            errors.Add(Error.Validation("pageNumber", "pageNumber must be 1 or greater."));
        if (pageSize is < 1 or > MaxPageSize)
            errors.Add(Error.Validation("pageSize", $"pageSize must be between 1 and {MaxPageSize}."));
    }
}
