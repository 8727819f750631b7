namespace DeltaStream.Analytics.American;

/// <summary>
/// Shape of the exercise region of a put with rate r and yield q (a call maps to the put with r and q swapped).
/// </summary>
internal enum ExerciseRegime
{
    /// <summary>r &lt;= 0 and q &gt;= r: early exercise is never optimal, the American price is the European one.</summary>
    Never,

    /// <summary>r &gt; 0, or r = 0 with q &lt; 0: exercise below one boundary, solved by the fixed-point method.</summary>
    Below,

    /// <summary>q &lt; r &lt; 0: exercise between two boundaries, priced on the finite-difference grid.</summary>
    Between,
}
