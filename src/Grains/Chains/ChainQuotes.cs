using DeltaStream.Ticks;

namespace DeltaStream.Grains.Chains;

/// <summary>The quotes of a chain's contracts, one slot per strike in strike order, each side null until quoted.</summary>
internal sealed class ChainQuotes
{
    private readonly List<StrikeSlot> slots = [];
    private readonly Dictionary<double, StrikeSlot> byStrike = [];

    public IReadOnlyList<StrikeSlot> Slots => slots;

    /// <summary>The contract's state, or null when it has never been quoted.</summary>
    public OptionSideState? Find(double strike, OptionRight right) =>
        byStrike.TryGetValue(strike, out var slot) ? Side(slot, right) : null;

    /// <summary>The contract's state, created (empty) on its first quote.</summary>
    public OptionSideState GetOrAdd(double strike, OptionRight right)
    {
        var slot = SlotFor(strike);
        if (Side(slot, right) is { } side)
        {
            return side;
        }

        side = new OptionSideState();
        if (right == OptionRight.Call)
        {
            slot.Call = side;
        }
        else
        {
            slot.Put = side;
        }

        return side;
    }

    /// <summary>The current quotes become the base of every session change (OI, price).</summary>
    public void StartSession()
    {
        foreach (var slot in slots)
        {
            slot.Call?.StartSession();
            slot.Put?.StartSession();
        }
    }

    private static OptionSideState? Side(StrikeSlot slot, OptionRight right) => right == OptionRight.Call ? slot.Call : slot.Put;

    private StrikeSlot SlotFor(double strike)
    {
        if (byStrike.TryGetValue(strike, out var slot))
        {
            return slot;
        }

        slot = new StrikeSlot(strike);
        byStrike.Add(strike, slot);
        var index = slots.BinarySearch(slot, StrikeComparer.Instance);
        slots.Insert(~index, slot);
        return slot;
    }

    private sealed class StrikeComparer : IComparer<StrikeSlot>
    {
        public static readonly StrikeComparer Instance = new();

        public int Compare(StrikeSlot? x, StrikeSlot? y) => x!.Strike.CompareTo(y!.Strike);
    }
}
