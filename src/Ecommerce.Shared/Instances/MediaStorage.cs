using Ecommerce.Shared.Catalog;
using Ecommerce.Shared.Data;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shared.Instances;

/// <summary>
/// Where uploaded files (product pictures) are kept, by path relative to the storage ("products/12/ab12.jpg").
/// <see cref="FileSystemMediaStorage"/> keeps them in a folder — the data folder's <c>media</c> by default, a folder
/// every instance mounts (NFS, SMB) when several run (<c>Media:Path</c>); object storage can take its place later.
/// </summary>
public interface IMediaStorage
{
    /// <summary>The folder the files are in, when they are in one (the web host serves /media from it).</summary>
    string? LocalFolder { get; }

    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file; a missing one is no error.</summary>
    void Delete(string path);

    /// <summary>Deletes a folder and everything in it; a missing one is no error.</summary>
    void DeleteFolder(string path);
}

public sealed class FileSystemMediaStorage : IMediaStorage
{
    private readonly string _root;

    public FileSystemMediaStorage(DataDirectory data, IOptions<MediaOptions> options)
    {
        _root = Path.GetFullPath(Path.Combine(data.Path, options.Value.Path));
        Directory.CreateDirectory(_root);
    }

    public string? LocalFolder => _root;

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var file = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Written beside the target and moved into place: a reader on another instance never sees half a file.
        var partial = file + ".partial-" + Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(partial, content.ToArray(), cancellationToken);
        File.Move(partial, file, overwrite: true);
    }

    public void Delete(string path)
    {
        var file = Resolve(path);
        if (File.Exists(file)) File.Delete(file);
    }

    public void DeleteFolder(string path)
    {
        var folder = Resolve(path);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>The full path of a relative one, refusing anything that would leave the storage folder.</summary>
    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{path}' is outside the media storage.", nameof(path));
        return full;
    }
}
