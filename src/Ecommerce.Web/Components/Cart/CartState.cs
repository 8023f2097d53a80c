namespace Ecommerce.Web.Components.Cart;

/// <summary>
/// The cart's item count shared by the interactive parts of one page (cart page, checkout, the app bar's
/// live badge): the part that changes the cart publishes the new count and the others follow at once.
/// Scoped: one per circuit.
/// </summary>
public sealed class CartState
{
    public int? Count { get; private set; }

    public event Action<int>? CountChanged;

    public void Publish(int count)
    {
        if (Count == count) return;
        Count = count;
        CountChanged?.Invoke(count);
    }
}
