namespace Ecommerce.Tests.Unit.Infrastructure;

/// <summary>Folders of the repository, found by walking up from the test output to the solution file.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ecommerce.Web.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No Ecommerce.Web.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string WebRoot => Path.Combine(Root, "src", "Ecommerce.Web", "wwwroot");

    /// <summary>The file a site-relative URL such as "/images/logo.svg" is served from.</summary>
    public static string WebRootFile(string url) =>
        Path.Combine(WebRoot, url.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
}
