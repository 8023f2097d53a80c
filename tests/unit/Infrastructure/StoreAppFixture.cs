namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>One store (demo catalog, output cache off) shared by the tests of a class that only read.</summary>
public class StoreAppFixture : IDisposable
{
    public StoreAppFixture() : this(new Dictionary<string, string?>()) { }

    protected StoreAppFixture(IDictionary<string, string?> settings) => App = new StoreApp(settings);

    public StoreApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
