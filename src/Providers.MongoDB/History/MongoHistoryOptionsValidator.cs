using Microsoft.Extensions.Options;

namespace DeltaStream.Providers.MongoDB.History;

/// <summary>Fails start-up with a clear message when the read-model options cannot work.</summary>
internal sealed class MongoHistoryOptionsValidator : IValidateOptions<MongoHistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, MongoHistoryOptions options)
    {
        var problems = new List<string>();
        if (MongoDatabaseFactory.Problem(options) is { } connection)
        {
            problems.Add(connection);
        }

        if (string.IsNullOrWhiteSpace(options.ChainHistoryCollection) || string.IsNullOrWhiteSpace(options.MinuteBarsCollection)
            || options.ChainHistoryCollection == options.MinuteBarsCollection)
        {
            problems.Add("ChainHistoryCollection and MinuteBarsCollection must be two different non-empty names.");
        }

        if (options.ChainHistoryRetention < TimeSpan.FromMinutes(1) || options.MinuteBarRetention < TimeSpan.FromMinutes(1))
        {
            problems.Add("ChainHistoryRetention and MinuteBarRetention must be at least one minute.");
        }

        if (options.BufferCapacity < 1 || options.BatchSize < 1 || options.BatchSize > 100_000)
        {
            problems.Add("BufferCapacity must be positive and BatchSize between 1 and 100000.");
        }

        if (options.MaxRetryDelay <= TimeSpan.Zero)
        {
            problems.Add("MaxRetryDelay must be positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => "DeltaStream:MongoDB: " + p));
    }
}
