namespace Ecommerce.Shared.Instances;

/// <summary>This process among the store's instances: a name for logs, leases and messages between instances.</summary>
public sealed class InstanceIdentity
{
    public string Name { get; } = Create();

    private static string Create()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name.Length > 200 ? name[^200..] : name;
    }
}
