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

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Checks page number and size against the API's rules (page ≥ 1, 1 ≤ size ≤ 100).</summary>
    public static void Validate(int pageNumber, int pageSize, List<Error> errors)
    {
        if (pageNumber < 1)
            errors.Add(Error.Validation("pageNumber", "pageNumber must be 1 or greater."));
        if (pageSize is < 1 or > MaxPageSize)
            errors.Add(Error.Validation("pageSize", $"pageSize must be between 1 and {MaxPageSize}."));
    }
}
