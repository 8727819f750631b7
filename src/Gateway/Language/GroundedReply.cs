namespace DeltaStream.Gateway.Language;

/// <summary>What a model call gave: its <see cref="Text"/> when accepted, otherwise null and why (<see cref="Outcome"/>).</summary>
internal readonly record struct GroundedReply(string? Text, ModelOutcome Outcome);
