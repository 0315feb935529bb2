using KiPlatform.AppHost.Infrastructure;

namespace KiPlatform.AppHost.Tests;

public sealed class DataRootTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ki-dataroot-{Guid.NewGuid():N}");

    [Fact]
    public void A_credential_is_generated_once_and_kept_for_the_next_start()
    {
        var first = new DataRoot(_path).Credential("postgres");
        var again = new DataRoot(_path).Credential("postgres");

        Assert.Equal(first, again);
        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, new DataRoot(_path).Credential("cache"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_credential_file_is_readable_by_its_owner_only()
    {
        new DataRoot(_path).Credential("postgres");

        var mode = File.GetUnixFileMode(Path.Combine(_path, "credentials", "postgres"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    public void Dispose() => Directory.Delete(_path, recursive: true);
}
