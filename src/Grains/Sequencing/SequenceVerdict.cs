namespace DeltaStream.Grains.Sequencing;

/// <summary>What a producer sequence means for one instrument: new, the same as the last applied, or older.</summary>
internal enum SequenceVerdict
{
    Apply,
    Duplicate,
    Stale,
}
