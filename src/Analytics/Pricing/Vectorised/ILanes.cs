namespace DeltaStream.Analytics.Pricing.Vectorised;

/// <summary>
/// The vector operations the chain kernel needs, over one SIMD width of doubles, so that <see cref="ChainGreeks{TLanes}"/>
/// and <see cref="VectorNormal{TLanes}"/> are written once. The runtime's own ISimdVector is internal in .NET 10.
/// Implementations are thin structs over one Vector*&lt;double&gt; each, whose members the JIT inlines away.
/// </summary>
internal interface ILanes<TSelf>
    where TSelf : struct, ILanes<TSelf>
{
    static abstract int Count { get; }

    static abstract TSelf Zero { get; }

    static abstract TSelf One { get; }

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, double right);

    static abstract TSelf operator *(double left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf value);

    static abstract TSelf Create(double value);

    static abstract TSelf Load(ReadOnlySpan<double> values, nuint index);

    /// <summary>Count ints from index, each converted to double.</summary>
    static abstract TSelf LoadAsDouble(ReadOnlySpan<int> values, nuint index);

    static abstract void Store(Span<double> values, nuint index, TSelf value);

    static abstract TSelf Abs(TSelf value);

    static abstract TSelf Sqrt(TSelf value);

    static abstract TSelf Exp(TSelf value);

    static abstract TSelf Log(TSelf value);

    static abstract TSelf FusedMultiplyAdd(TSelf left, TSelf right, TSelf addend);

    /// <summary>Per lane, all bits set where left &lt;= right and clear elsewhere, for <see cref="ConditionalSelect"/>.</summary>
    static abstract TSelf LessThanOrEqual(TSelf left, TSelf right);

    static abstract TSelf LessThan(TSelf left, TSelf right);

    static abstract TSelf GreaterThanOrEqual(TSelf left, TSelf right);

    static abstract bool GreaterThanAny(TSelf left, TSelf right);

    static abstract TSelf ConditionalSelect(TSelf mask, TSelf whereSet, TSelf whereClear);
}
