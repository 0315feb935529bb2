using System.Security.Cryptography;

namespace KiPlatform.AppHost.Infrastructure;

/// <summary>
/// The one folder under which every server keeps its data, and the generated credentials that belong to that data
/// (a database initialised with a password must be opened with the same one after a restart).
/// </summary>
internal sealed class DataRoot
{
    private const UnixFileMode Traversable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public DataRoot(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
        // Servers that drop privileges (PostgreSQL runs as its own user) must be able to reach their folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Traversable);
        }
    }

    public string Path { get; }

    public string Folder(params string[] parts)
    {
        var folder = System.IO.Path.Combine([Path, .. parts]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The secret stored under credentials/<paramref name="name"/>, generated on first use (readable by the owner only).</summary>
    public string Credential(string name, int length = 32)
    {
        var file = System.IO.Path.Combine(Folder("credentials"), name);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        // Letters and digits only: the value goes into URIs and connection strings unescaped.
        var secret = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
        SecretFile.Write(file, secret);
        return secret;
    }
}
