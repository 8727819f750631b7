using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Gateway.Ask;

/// <summary>Configuration section "DeltaStream:Ask": question answering over the docs shipped with the build.</summary>
public sealed class AskOptions
{
    public const string SectionName = "DeltaStream:Ask";

    /// <summary>Startup builds the index in the background when the gateway starts (about 10 s of one core here); FirstQuestion waits for a question.</summary>
    public IndexTiming Index { get; set; } = IndexTiming.Startup;

    /// <summary>Passages an answer returns unless the question asks for fewer.</summary>
    [Range(1, 10)]
    public int Passages { get; set; } = 3;

    [Range(1, 2_000)]
    public int MaxQuestionLength { get; set; } = 500;
}
