using KiPlatform.Domain;

namespace KiPlatform.Services.Tests;

public sealed class GermanFormatTests
{
    [Theory]
    [InlineData(17_000_000, "170.000,00 EUR")]
    [InlineData(983_000_000, "9.830.000,00 EUR")]
    [InlineData(4_250_050, "42.500,50 EUR")]
    [InlineData(5, "0,05 EUR")]
    public void Cents_are_written_with_dots_between_thousands_and_a_decimal_comma(long cents, string expected) =>
        Assert.Equal(expected, GermanFormat.Euro(cents));

    [Fact]
    public void The_first_of_October_2012_is_1_Oktober_2012_and_March_keeps_its_umlaut()
    {
        Assert.Equal("1. Oktober 2012", GermanFormat.Date(new DateOnly(2012, 10, 1)));
        Assert.Equal("31. März 2014", GermanFormat.Date(new DateOnly(2014, 3, 31)));
    }

    [Theory]
    [InlineData(2000, "2,0")]
    [InlineData(500, "0,5")]
    [InlineData(1250, "1,25")]
    public void Fte_in_thousandths_read_as_German_decimals(int milli, string expected) => Assert.Equal(expected, GermanFormat.Fte(milli));
}
