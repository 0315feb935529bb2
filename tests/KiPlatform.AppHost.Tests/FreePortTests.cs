using System.Net;
using System.Net.Sockets;
using KiPlatform.AppHost.Infrastructure;

namespace KiPlatform.AppHost.Tests;

public sealed class FreePortTests
{
    [Fact]
    public void A_port_is_chosen_below_the_range_the_kernel_hands_out_and_can_be_listened_on()
    {
        for (var i = 0; i < 20; i++)
        {
            var port = FreePort.Next(32_768, new Random(i));

            Assert.InRange(port, 20_000, 32_767);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }

    [Fact]
    public void A_port_someone_listens_on_is_passed_over()
    {
        var seed = 7;
        var first = FreePort.Next(32_768, new Random(seed));
        using var occupant = new TcpListener(IPAddress.Loopback, first);
        occupant.Start();

        var next = FreePort.Next(32_768, new Random(seed)); // the same random sequence offers the occupied port first

        Assert.NotEqual(first, next);
        Assert.InRange(next, 20_000, 32_767);
    }

    [Fact]
    public void With_the_kernel_range_lowered_into_ours_the_kernel_chooses()
    {
        var port = FreePort.Next(1_024, new Random(1));

        Assert.InRange(port, 1_024, 65_535);
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }

    [Theory]
    [InlineData("32768\t60999\n", 32_768)]
    [InlineData("40000 50000", 40_000)]
    [InlineData("", 32_768)]
    [InlineData(null, 32_768)]
    [InlineData("nonsense", 32_768)]
    public void The_start_of_the_kernel_range_is_read_from_its_first_number(string? range, int expected) =>
        Assert.Equal(expected, FreePort.ParseEphemeralStart(range));
}
