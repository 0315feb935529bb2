using KiPlatform.Infrastructure;
using Npgsql;

namespace KiPlatform.Services.Tests;

public sealed class ServiceDatabaseTests
{
    private const string Given = "Host=127.0.0.1;Port=5432;Database=applicationsdb;Username=ki;Password=secret";

    [Fact]
    public void Statements_are_prepared_and_pooled_connections_not_reset_by_default()
    {
        var settings = new NpgsqlConnectionStringBuilder(ServiceDatabase.WithServiceDefaults(Given));

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("applicationsdb", settings.Database);
        Assert.Equal("secret", settings.Password);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("MaxAutoPrepare=0;NoResetOnClose=false")]
    public void What_the_connection_string_says_wins(string explicitSettings)
    {
        var settings = new NpgsqlConnectionStringBuilder(ServiceDatabase.WithServiceDefaults($"{Given};{explicitSettings}"));

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }
}
