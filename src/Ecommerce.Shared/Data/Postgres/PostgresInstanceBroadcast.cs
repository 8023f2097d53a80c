using System.Text.Json;
using Ecommerce.Shared.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ecommerce.Shared.Data.Postgres;

/// <summary>A message between instances as it travels in a NOTIFY payload: who sent it, its topic and its payload.</summary>
internal sealed record InstanceEnvelope(string Origin, string Topic, string Payload)
{
    public const string Channel = "ecommerce_instances";
}

/// <summary>Publishes with <c>pg_notify</c>; every instance's <see cref="PostgresInstanceListener"/> receives it.</summary>
public sealed class PostgresInstanceBroadcast(IDbContextFactory<AppDbContext> dbFactory, InstanceIdentity instance) : IInstanceBroadcast
{
    public async Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default)
    {
        var message = JsonSerializer.Serialize(new InstanceEnvelope(instance.Name, topic, payload));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({InstanceEnvelope.Channel}, {message})", cancellationToken);
    }
}

/// <summary>
/// Keeps one connection that LISTENs for the other instances' messages and hands each to the handlers of its topic.
/// When the connection drops it reconnects with a growing pause, and then asks every handler to resynchronise,
/// since messages sent meanwhile were lost. Does nothing on SQLite.
/// </summary>
public sealed class PostgresInstanceListener(
    IDbContextFactory<AppDbContext> dbFactory,
    InstanceIdentity instance,
    IServiceScopeFactory scopes,
    ILogger<PostgresInstanceListener> logger) : BackgroundService
{
    /// <summary>Set once the LISTEN is in place (tests wait for it).</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            if (!db.Database.IsNpgsql()) { _listening.TrySetResult(); return; }
            connectionString = db.Database.GetConnectionString()!;
        }

        var pause = TimeSpan.FromSeconds(1);
        var reconnected = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => _ = DispatchAsync(e.Payload, stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {InstanceEnvelope.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _listening.TrySetResult();
                if (reconnected) await ResyncAsync(stoppingToken);
                pause = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Lost the connection that listens for other instances; reconnecting in {Pause}", pause);
                reconnected = true;
                await Task.Delay(pause, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task DispatchAsync(string json, CancellationToken cancellationToken)
    {
        try
        {
            var message = JsonSerializer.Deserialize<InstanceEnvelope>(json);
            if (message is null || message.Origin == instance.Name) return; // this instance already did it
            await using var scope = scopes.CreateAsyncScope();
            foreach (var handler in scope.ServiceProvider.GetServices<IInstanceMessageHandler>().Where(h => h.Topic == message.Topic))
                await handler.HandleAsync(message.Payload, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not handle a message from another instance");
        }
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IInstanceMessageHandler>())
            await handler.ResyncAsync(cancellationToken);
    }
}
