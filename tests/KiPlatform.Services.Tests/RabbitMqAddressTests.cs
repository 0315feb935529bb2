using KiPlatform.Messaging;

namespace KiPlatform.Services.Tests;

public sealed class RabbitMqAddressTests
{
    [Fact]
    public void Reads_credentials_host_port_and_virtual_host()
    {
        var address = RabbitMqAddress.Parse("amqp://ki:p%40ss@localhost:35672/ki-vhost");

        Assert.Equal(new RabbitMqAddress("localhost", 35672, "ki-vhost", "ki", "p@ss"), address);
    }

    [Fact]
    public void Defaults_to_the_standard_port_and_root_virtual_host()
    {
        var address = RabbitMqAddress.Parse("amqp://ki:secret@broker");

        Assert.Equal(5672, address.Port);
        Assert.Equal("/", address.VirtualHost);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:5672")]
    [InlineData("http://localhost:5672")]
    public void Refuses_what_is_not_an_amqp_uri(string connectionString)
    {
        Assert.Throws<FormatException>(() => RabbitMqAddress.Parse(connectionString));
    }
}
