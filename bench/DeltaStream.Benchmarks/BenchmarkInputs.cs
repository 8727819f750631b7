using DeltaStream.Analytics;

namespace DeltaStream.Benchmarks;

/// <summary>
/// The option set every benchmark (and bench/quantlib/ql_bench.cpp) uses: S = 100, 41 strikes 80..120,
/// 6 maturities, 4 vols, calls and puts, r = 5%, q = 2%. Deterministic, so both languages price the same options.
/// </summary>
public static class BenchmarkInputs
{
    public const double Spot = 100, Rate = 0.05, Dividend = 0.02;
    public static readonly double[] Maturities = [7 / 365.0, 30 / 365.0, 91 / 365.0, 0.5, 1, 2];
    public static readonly double[] Vols = [0.1, 0.2, 0.35, 0.6];

    public static Option[] Options { get; } = Build();

    public readonly record struct Option(OptionType Type, double Strike, double Time, double Vol);

    private static Option[] Build()
    {
        var list = new List<Option>();
        foreach (var t in Maturities)
        {
            foreach (var v in Vols)
            {
                for (var k = 80; k <= 120; k++)
                {
                    list.Add(new Option(OptionType.Call, k, t, v));
                    list.Add(new Option(OptionType.Put, k, t, v));
                }
            }
        }

        return [.. list];
    }
}
