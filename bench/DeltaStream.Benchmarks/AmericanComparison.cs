using System.Diagnostics;
using System.Globalization;
using DeltaStream.Analytics;
using DeltaStream.Analytics.American;

namespace DeltaStream.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- american prices.csv`: the American engine on QuantLib's American option set (the CSV that
/// bench/quantlib/ql_american.cpp writes, QdFp at high precision), timed in process CPU time as the C++ side is, with the
/// largest price difference from those references, at the default accuracy and the chain preset.
/// </summary>
public static class AmericanComparison
{
    public static void Print(string path)
    {
        var cases = File.ReadAllLines(path).Select(line => line.Split(',')).Select(f => (
            Type: f[0] == "call" ? OptionType.Call : OptionType.Put,
            Strike: double.Parse(f[1], CultureInfo.InvariantCulture),
            Time: int.Parse(f[2], CultureInfo.InvariantCulture) / 365.0,
            Vol: double.Parse(f[3], CultureInfo.InvariantCulture),
            Price: double.Parse(f[4], CultureInfo.InvariantCulture))).ToArray();
        Console.WriteLine("| engine | CPU us per price (median of 7) | max abs diff from QdFp high precision |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, accuracy) in new[] { ("DeltaStream, default accuracy", AmericanAccuracy.Default), ("DeltaStream, chain preset", AmericanAccuracy.Chain) })
        {
            double PriceAll(double[]? into)
            {
                var sum = 0.0;
                for (var i = 0; i < cases.Length; i++)
                {
                    var c = cases[i];
                    var p = AmericanOption.Price(c.Type, BenchmarkInputs.Spot, c.Strike, c.Time, BenchmarkInputs.Rate, BenchmarkInputs.Dividend, c.Vol, accuracy).Price;
                    sum += p;
                    into?.SetValue(p, i);
                }

                return sum;
            }

            var prices = new double[cases.Length];
            PriceAll(prices);
            var worst = cases.Select((c, i) => Math.Abs(prices[i] - c.Price)).Max();
            var samples = new List<double>();
            for (var run = 0; run < 7; run++)
            {
                var start = Process.GetCurrentProcess().TotalProcessorTime;
                PriceAll(null);
                samples.Add((Process.GetCurrentProcess().TotalProcessorTime - start).TotalMicroseconds / cases.Length);
            }

            samples.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {samples[3]:F1} | {worst:E2} |"));
        }
    }
}
