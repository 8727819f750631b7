using BenchmarkDotNet.Running;

if (args is ["accuracy"])
{
    DeltaStream.Benchmarks.AccuracyReport.Print();
    return;
}

if (args is ["min-timing"])
{
    DeltaStream.Benchmarks.MinimumTimingReport.Print();
    return;
}

if (args is ["american", var path])
{
    DeltaStream.Benchmarks.AmericanComparison.Print(path);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point.</summary>
public partial class Program;
