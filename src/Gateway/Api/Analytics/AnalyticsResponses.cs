using DeltaStream.Analytics.Chain;

namespace DeltaStream.Gateway.Api.Analytics;

/// <summary>GET /api/v1/analytics/{symbol}/pcr; <see cref="Expiry"/> is null when summed over all listed expiries.</summary>
public sealed record PcrResponse(DateOnly? Expiry, double? PcrOi, double? PcrVolume, long TotalCallOi, long TotalPutOi, long TotalCallVolume, long TotalPutVolume);

/// <summary>Pain in currency: intrinsic value of all open contracts at that settlement, OI x lot size.</summary>
public sealed record StrikePain(double Strike, double Pain);

public sealed record MaxPainResponse(DateOnly Expiry, double? MaxPain, double? Spot, double? Distance, double? DistancePct, IReadOnlyList<StrikePain> PainByStrike);

/// <summary>Moneyness is K / F; <see cref="Iv"/> is the out-of-the-money side's IV, the other side's when missing.</summary>
public sealed record SmilePoint(double Strike, double? Moneyness, double? CallIv, double? PutIv, double? Iv);

public sealed record TermStructurePoint(DateOnly Expiry, double TimeToExpiry, double? AtmIv, double? Forward);

public sealed record OiBuildupRow(double Strike, long CallOiChange, long PutOiChange, double? CallPriceChange, double? PutPriceChange, OiBuildup CallBuildup, OiBuildup PutBuildup);
