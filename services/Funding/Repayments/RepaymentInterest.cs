namespace KiPlatform.Funding.Repayments;

/// <summary>The base rate (Basiszinssatz, § 247 BGB) in hundredths of a percentage point, from the day it took effect.</summary>
public sealed record BaseRate(DateOnly EffectiveFrom, int BasisPoints);

/// <summary>The part of a repayment claim that was paid out on <paramref name="PaidOn"/>: interest on it runs from that day.</summary>
public sealed record ClaimPart(DateOnly PaidOn, long Cents);

/// <summary>
/// Interest on a repayment claim after a revocation: 5 percentage points above the base rate in effect on each day
/// (so below 5 % while the base rate was negative), per day from each payment date (counted) to the repayment date (not
/// counted), a day being 1/365 of a year. The repayable amount is taken from the latest payments first, which is the
/// reading least costly to the municipality. Kept exact and rounded once per claim to the cent, half away from zero.
/// </summary>
public static class RepaymentInterest
{
    public const int PointsAboveBaseRate = 500;

    public static IReadOnlyList<ClaimPart> Allocate(long repayableCents, IEnumerable<ClaimPart> payments)
    {
        var parts = new List<ClaimPart>();
        var left = repayableCents;
        foreach (var payment in payments.OrderByDescending(p => p.PaidOn))
        {
            if (left <= 0)
            {
                break;
            }

            var taken = Math.Min(left, payment.Cents);
            parts.Add(payment with { Cents = taken });
            left -= taken;
        }

        return parts;
    }

    public static long Compute(IEnumerable<ClaimPart> parts, DateOnly repaidOn, IReadOnlyList<BaseRate> baseRates)
    {
        var rates = baseRates.OrderBy(r => r.EffectiveFrom).ToList();
        var exact = 0m;
        foreach (var part in parts)
        {
            for (var i = 0; i < rates.Count; i++)
            {
                var from = Max(part.PaidOn, rates[i].EffectiveFrom);
                var to = i + 1 < rates.Count ? Min(repaidOn, rates[i + 1].EffectiveFrom) : repaidOn;
                var days = to.DayNumber - from.DayNumber;
                if (days > 0)
                {
                    exact += part.Cents * (decimal)(rates[i].BasisPoints + PointsAboveBaseRate) * days / (10_000m * 365m);
                }
            }

            if (rates.Count == 0 || part.PaidOn < rates[0].EffectiveFrom)
            {
                throw new InvalidOperationException($"No base rate is known for {part.PaidOn:yyyy-MM-dd}.");
            }
        }

        return (long)Math.Round(exact, 0, MidpointRounding.AwayFromZero);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
