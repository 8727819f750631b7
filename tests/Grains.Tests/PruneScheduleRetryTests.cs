using DeltaStream.Hosting;
using DeltaStream.Ticks;
using DeltaStream.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace DeltaStream.Grains.Tests;

/// <summary>
/// The user grain's pruning reminder is housekeeping: while the reminder table fails, sign-ins still succeed, and the
/// grain sets the reminder by itself once the table is back.
/// </summary>
public sealed class PruneScheduleRetryTests
{
    [Fact]
    public async Task A_sign_in_succeeds_while_the_reminder_table_fails_and_the_pruning_reminder_is_set_once_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        FlakyReminderTable.Failing = true;
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync(ct);
        try
        {
            const string email = "prune-retry@example.com";
            var user = cluster.Client.GetGrain<IUserGrain>(email);
            await user.Register(email, "not-a-real-hash");

            await user.TrackRefreshToken("token-hash", DateTimeOffset.UtcNow.AddDays(1));

            Assert.True(FlakyReminderTable.FailedWrites > 0);
            Assert.False(FlakyReminderTable.Holds(user.GetGrainId(), "prune-refresh-state"));

            FlakyReminderTable.Failing = false;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromMinutes(2));
            // The grain retries on a timer (every 30 s); nothing to await but the table itself.
            while (!FlakyReminderTable.Holds(user.GetGrainId(), "prune-refresh-state"))
            {
                await Task.Delay(200, deadline.Token);
            }
        }
        finally
        {
            FlakyReminderTable.Failing = false;
            await cluster.StopAllSilosAsync(ct);
            await cluster.DisposeAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddDeltaStreamSilo(siloBuilder.Configuration);
            siloBuilder.Services.AddSingleton<IReminderTable, FlakyReminderTable>();
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddMemoryStreams(MarketStreams.ProviderName);
    }
}
