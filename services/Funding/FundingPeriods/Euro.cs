using Google.Type;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>Euro amounts kept as integer cents, carried in contracts as google.type.Money.</summary>
internal static class Euro
{
    private const int NanosPerCent = 10_000_000;

    public static Money FromCents(long cents) => new()
    {
        CurrencyCode = "EUR",
        Units = cents / 100,
        Nanos = (int)(cents % 100) * NanosPerCent,
    };

    /// <summary>Whether <paramref name="money"/> is a euro amount of zero or more in whole cents.</summary>
    public static bool IsWholeCents(Money money) =>
        money.CurrencyCode == "EUR" && money.Units >= 0 && money.Nanos >= 0 && money.Nanos % NanosPerCent == 0 && money.Units < long.MaxValue / 100;

    public static long ToCents(Money money) => money.Units * 100 + money.Nanos / NanosPerCent;
}
