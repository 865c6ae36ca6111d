using ETicket.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ETicket.Domain.Marketplace;

/// <summary>
/// Runs every <see cref="IMarketplaceSweep"/> each <see cref="MarketplaceOptions.SweepInterval"/>.
/// Reads never wait for it (statuses are computed as of now), it only records what is due. Several
/// processes may sweep at once: each change is guarded by the entity's version.
/// </summary>
public sealed class MarketplaceSweeper(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MarketplaceOptions> options, ILogger<MarketplaceSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepInBackground)
            return;
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        try
        {
            do
            {
                try
                {
                    await SweepOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "The marketplace sweep failed; retrying at the next interval");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-sweep: the sweep's transaction rolls back and the next start does the work.
        }
    }

    /// <summary>One pass of every sweep, each in its own scope; returns how many things changed.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var sweep in scope.ServiceProvider.GetServices<IMarketplaceSweep>())
            changed += await sweep.SweepAsync(clock.Now(), cancellationToken);
        if (changed > 0)
            logger.LogInformation("The marketplace sweep recorded {Changes} changes", changed);
        return changed;
    }
}
