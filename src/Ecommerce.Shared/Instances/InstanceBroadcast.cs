namespace Ecommerce.Shared.Instances;

/// <summary>
/// Tells the store's other instances that something they keep in memory changed (a product's cached pages, an
/// account's state). On PostgreSQL a message goes out with NOTIFY and every instance LISTENs
/// (<see cref="Data.Postgres.PostgresInstanceBroadcast"/>); on SQLite the store is one instance and nothing goes out.
/// Messages are a hint to drop a cache early: losing one only means the cache lives to its normal expiry.
/// </summary>
public interface IInstanceBroadcast
{
    Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default);
}

/// <summary>What an instance does when another instance publishes on <see cref="Topic"/>.</summary>
public interface IInstanceMessageHandler
{
    string Topic { get; }

    Task HandleAsync(string payload, CancellationToken cancellationToken);

    /// <summary>
    /// Called after the listener lost its connection and got it back: messages may have been missed meanwhile, so the
    /// handler drops everything it would have dropped for any message.
    /// </summary>
    Task ResyncAsync(CancellationToken cancellationToken);
}

/// <summary>One instance (SQLite): there is nobody to tell.</summary>
public sealed class SingleInstanceBroadcast : IInstanceBroadcast
{
    public Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
