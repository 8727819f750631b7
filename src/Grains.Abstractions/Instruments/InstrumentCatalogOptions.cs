namespace DeltaStream.Instruments;

/// <summary>Configuration section "DeltaStream". An empty Instruments list means <see cref="DefaultInstruments"/>.</summary>
public sealed class InstrumentCatalogOptions
{
    public const string SectionName = "DeltaStream";

    public List<InstrumentDefinition> Instruments { get; set; } = [];
}
