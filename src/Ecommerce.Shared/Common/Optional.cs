namespace Ecommerce.Shared.Common;

/// <summary>
/// A field of a partial update: either left alone (unset, the default) or set — possibly to null, which clears it.
/// Services take typed inputs with these fields instead of the names of the JSON members a client sent; the API
/// maps its v1 field names onto them, and the back-office editors set the fields they changed.
/// </summary>
public readonly record struct Optional<T>
{
    public Optional(T value)
    {
        IsSet = true;
        Value = value;
    }

    /// <summary>Whether the caller gives this field (to change it).</summary>
    public bool IsSet { get; }

    /// <summary>The value given; default when the field is unset.</summary>
    public T Value { get; }

    /// <summary>This field, or <paramref name="fallback"/> when it is unset (a create sets every field).</summary>
    public Optional<T> Or(T fallback) => IsSet ? this : new(fallback);

    public static implicit operator Optional<T>(T value) => new(value);

    public override string ToString() => IsSet ? $"{Value}" : "(unset)";
}
