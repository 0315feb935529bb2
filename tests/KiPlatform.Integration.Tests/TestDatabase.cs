using System.Globalization;
using Npgsql;

namespace KiPlatform.Integration.Tests;

/// <summary>Reads a service's database directly, for what a test checks beyond the contract (rows written, events in the outbox).</summary>
internal static class TestDatabase
{
    /// <summary>The first column of the first row, as a whole number (a count, a sum of cents).</summary>
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
