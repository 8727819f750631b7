using System.ComponentModel.DataAnnotations;

namespace DeltaStream.Hosting.Operators;

/// <summary>
/// The operator's HTTP Basic credentials for the Orleans dashboards, under "DeltaStream:Auth" on every host, so one
/// pair opens the gateway's and the silo's. While either is unset the dashboards refuse everyone that needs them.
/// </summary>
public sealed class OperatorOptions
{
    public const string SectionName = "DeltaStream:Auth";

    [MaxLength(256)]
    public string? OperatorUsername { get; set; }

    [MaxLength(256)]
    public string? OperatorPassword { get; set; }
}
