using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using DeltaStream.Gateway.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DeltaStream.Gateway.Language;

/// <summary>
/// The model as requests reach it: a reply is kept per exact prompt (a chain's reading changes its prompt, a
/// question brings its own), and each user may cause at most <see cref="LanguageModelOptions.PerUser"/> calls per
/// window. Kept replies cost nothing and spend no budget. Failed calls are not kept, so the next request tries again.
/// </summary>
internal sealed class ModelCalls : IDisposable
{
    private readonly GroundedChat chat;
    private readonly LanguageModelOptions options;
    private readonly MemoryCache replies;
    private readonly PartitionedRateLimiter<string> budgets;

    public ModelCalls(GroundedChat chat, IOptions<LanguageModelOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.chat = chat;
        this.options = options.Value;
        replies = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, this.options.CacheEntries) });
        budgets = PartitionedRateLimiter.Create<string, string>(user => RateLimitingExtensions.Window(user, this.options.PerUser));
    }

    public bool IsConfigured => chat.IsConfigured;

    /// <exception cref="ModelBudgetExceededException">The reply is not kept and <paramref name="user"/> has no call left in this window.</exception>
    public async Task<GroundedReply> CompleteAsync(string user, string instructions, string prompt, CancellationToken cancellationToken)
    {
        if (!chat.IsConfigured)
        {
            return new GroundedReply(null, ModelOutcome.Off);
        }

        var key = Key(instructions, prompt);
        if (replies.TryGetValue(key, out GroundedReply kept))
        {
            return kept;
        }

        using (var lease = budgets.AttemptAcquire(user))
        {
            if (!lease.IsAcquired)
            {
                throw new ModelBudgetExceededException(RateLimitingExtensions.RetryAfterSeconds(lease, options.PerUser), options.PerUser.PermitLimit, options.PerUser.Window);
            }
        }

        var reply = await chat.CompleteAsync(instructions, prompt, cancellationToken);
        if (reply.Outcome != ModelOutcome.Unavailable && options.CacheEntries > 0)
        {
            replies.Set(key, reply, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.CacheDuration });
        }

        return reply;
    }

    public void Dispose()
    {
        replies.Dispose();
        budgets.Dispose();
    }

    /// <summary>A digest rather than the text: an answer's prompt carries whole passages, and the cache should hold replies, not prompts.</summary>
    private static string Key(string instructions, string prompt) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(instructions + "\0" + prompt)));
}
