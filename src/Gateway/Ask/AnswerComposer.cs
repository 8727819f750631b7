using System.Text;
using DeltaStream.Gateway.Language;
using DeltaStream.Search;

namespace DeltaStream.Gateway.Ask;

/// <summary>With a model configured, an answer composed from the passages found, citing them as [1], [2]...; null otherwise or when refused.</summary>
internal sealed class AnswerComposer(ModelCalls model)
{
    public const string Instructions =
        "Answer the question about DeltaStream from the numbered passages of its documentation only, citing them as [1], [2]. "
        + "If they do not answer it, say so. Never add a number that the passages do not contain.";

    /// <exception cref="ModelBudgetExceededException">The model would be called and <paramref name="user"/> has no call left.</exception>
    public async Task<string?> ComposeAsync(string question, IReadOnlyList<SearchHit> hits, string user, CancellationToken cancellationToken)
    {
        if (!model.IsConfigured || hits.Count == 0)
        {
            return null;
        }

        var prompt = new StringBuilder().Append("Question: ").Append(question).Append('\n');
        for (var i = 0; i < hits.Count; i++)
        {
            prompt.Append('[').Append(i + 1).Append("] (").Append(hits[i].Passage.Source).Append(") ").Append(hits[i].Passage.Text).Append('\n');
        }

        return (await model.CompleteAsync(user, Instructions, prompt.ToString(), cancellationToken)).Text;
    }
}
