using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DeltaStream.Analytics.Pricing.Vectorised;

/// <summary><see cref="ILanes{TSelf}"/> over <see cref="Vector256{T}"/>: 4 doubles per step.</summary>
internal readonly struct Lanes256 : ILanes<Lanes256>
{
    private readonly Vector256<double> value;

    private Lanes256(Vector256<double> value) => this.value = value;

    public static int Count => Vector256<double>.Count;

    public static Lanes256 Zero => new(Vector256<double>.Zero);

    public static Lanes256 One => new(Vector256<double>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator +(Lanes256 left, Lanes256 right) => new(left.value + right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 left, Lanes256 right) => new(left.value - right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(Lanes256 left, Lanes256 right) => new(left.value * right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(Lanes256 left, double right) => new(left.value * right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator *(double left, Lanes256 right) => new(left * right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator /(Lanes256 left, Lanes256 right) => new(left.value / right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 operator -(Lanes256 value) => new(-value.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Load(ReadOnlySpan<double> values, nuint index) => new(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(values), index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 LoadAsDouble(ReadOnlySpan<int> values, nuint index)
    {
        var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(values), index));
        return new(Vector256.ConvertToDouble(Vector256.Create(low, high)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Span<double> values, nuint index, Lanes256 value) => value.value.StoreUnsafe(ref MemoryMarshal.GetReference(values), index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Abs(Lanes256 value) => new(Vector256.Abs(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Sqrt(Lanes256 value) => new(Vector256.Sqrt(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Exp(Lanes256 value) => new(Vector256.Exp(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Log(Lanes256 value) => new(Vector256.Log(value.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 FusedMultiplyAdd(Lanes256 left, Lanes256 right, Lanes256 addend) => new(Vector256.FusedMultiplyAdd(left.value, right.value, addend.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 LessThanOrEqual(Lanes256 left, Lanes256 right) => new(Vector256.LessThanOrEqual(left.value, right.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 LessThan(Lanes256 left, Lanes256 right) => new(Vector256.LessThan(left.value, right.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 GreaterThanOrEqual(Lanes256 left, Lanes256 right) => new(Vector256.GreaterThanOrEqual(left.value, right.value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThanAny(Lanes256 left, Lanes256 right) => Vector256.GreaterThanAny(left.value, right.value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 ConditionalSelect(Lanes256 mask, Lanes256 whereSet, Lanes256 whereClear) => new(Vector256.ConditionalSelect(mask.value, whereSet.value, whereClear.value));
}
