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
}
