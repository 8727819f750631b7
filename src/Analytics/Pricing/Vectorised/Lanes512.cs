using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DeltaStream.Analytics.Pricing.Vectorised;

/// <summary><see cref="ILanes{TSelf}"/> over <see cref="Vector512{T}"/>: 8 doubles per step.</summary>
internal readonly struct Lanes512 : ILanes<Lanes512>
{
    private readonly Vector512<double> value;

    private Lanes512(Vector512<double> value) => this.value = value;

    public static int Count => Vector512<double>.Count;

    public static Lanes512 Zero => new(Vector512<double>.Zero);

    public static Lanes512 One => new(Vector512<double>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator +(Lanes512 left, Lanes512 right) => new(left.value + right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 left, Lanes512 right) => new(left.value - right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 left, Lanes512 right) => new(left.value * right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 left, double right) => new(left.value * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(double left, Lanes512 right) => new(left * right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator /(Lanes512 left, Lanes512 right) => new(left.value / right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 value) => new(-value.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(ReadOnlySpan<double> values, nuint index) => new(Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(values), index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 LoadAsDouble(ReadOnlySpan<int> values, nuint index)
    {
        var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(values), index));
        return new(Vector512.ConvertToDouble(Vector512.Create(low, high)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Span<double> values, nuint index, Lanes512 value) => value.value.StoreUnsafe(ref MemoryMarshal.GetReference(values), index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Abs(Lanes512 value) => new(Vector512.Abs(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Sqrt(Lanes512 value) => new(Vector512.Sqrt(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Exp(Lanes512 value) => new(Vector512.Exp(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Log(Lanes512 value) => new(Vector512.Log(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 FusedMultiplyAdd(Lanes512 left, Lanes512 right, Lanes512 addend) => new(Vector512.FusedMultiplyAdd(left.value, right.value, addend.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 LessThanOrEqual(Lanes512 left, Lanes512 right) => new(Vector512.LessThanOrEqual(left.value, right.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 LessThan(Lanes512 left, Lanes512 right) => new(Vector512.LessThan(left.value, right.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 GreaterThanOrEqual(Lanes512 left, Lanes512 right) => new(Vector512.GreaterThanOrEqual(left.value, right.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanAny(Lanes512 left, Lanes512 right) => Vector512.GreaterThanAny(left.value, right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 ConditionalSelect(Lanes512 mask, Lanes512 whereSet, Lanes512 whereClear) => new(Vector512.ConditionalSelect(mask.value, whereSet.value, whereClear.value));
}
