using System.Linq.Expressions;

namespace Ecommerce.Shared.Catalog;

/// <summary>Builds search-score expressions from parts so that EF Core translates the whole score to SQL.</summary>
internal static class ScoreExpressions
{
    public sealed class Scored<T>
    {
        public required T Product { get; init; }
        public int Score { get; init; }
    }

    /// <summary>x => left(x) + right(x)</summary>
    public static Expression<Func<T, int>> Plus<T>(this Expression<Func<T, int>> left, Expression<Func<T, int>> right)
    {
        var parameter = left.Parameters[0];
        var rightBody = new ReplaceParameter(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, int>>(Expression.Add(left.Body, rightBody), parameter);
    }

    /// <summary>x => new Scored { Product = x, Score = score(x) }</summary>
    public static Expression<Func<T, Scored<T>>> Pair<T>(this Expression<Func<T, int>> score)
    {
        var parameter = score.Parameters[0];
        var body = Expression.MemberInit(
            Expression.New(typeof(Scored<T>)),
            Expression.Bind(typeof(Scored<T>).GetProperty(nameof(Scored<T>.Product))!, parameter),
            Expression.Bind(typeof(Scored<T>).GetProperty(nameof(Scored<T>.Score))!, score.Body));
        return Expression.Lambda<Func<T, Scored<T>>>(body, parameter);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
