namespace KiPlatform.AppHost.Infrastructure;

/// <summary>Files holding passwords: readable and writable by their owner only.</summary>
internal static class SecretFile
{
    public static void Write(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
