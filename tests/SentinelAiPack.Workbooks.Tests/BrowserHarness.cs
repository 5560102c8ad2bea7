using System.Diagnostics;
using System.Text.Json;

namespace SentinelAiPack.Workbooks.Tests;

/// <summary>How one tile looked in the browser.</summary>
public sealed record BrowserTile(string? Name, string? Kind, string? Rendered, bool EmptyAllowed, int Rows, int Cards, int PaintedPixels);

public sealed record BrowserResult(IReadOnlyList<string> Errors, IReadOnlyList<string> Requests, IReadOnlyList<BrowserTile> Tiles, bool Injected);

/// <summary>
/// Runs Browser/check-page.mjs (playwright-core from the repository's node_modules) against Debian's chromium. Without
/// chromium the test is ignored on a developer machine and fails in CI (CI set), where .ci/run installs it.
/// </summary>
public static class BrowserHarness
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static string Chromium => Environment.GetEnvironmentVariable("AIPACK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci != "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    public static void RequireChromium()
    {
        var playwright = Path.Combine(Repo.Root, "node_modules", "playwright-core", "package.json");
        var missing = !File.Exists(Chromium) ? $"chromium is not installed at {Chromium} (apt-get install -y chromium, or set AIPACK_CHROMIUM)"
            : !File.Exists(playwright) ? "playwright-core is not in node_modules (run npm ci at the repository root)"
            : null;
        if (missing is null)
        {
            return;
        }
        if (InCi)
        {
            Assert.Fail("The browser test needs a headless browser in CI: " + missing + ".");
        }
        Assert.Ignore("Browser test skipped: " + missing + ".");
    }

    public static async Task<BrowserResult> OpenAsync(string pagePath, string screenshotPath)
    {
        RequireChromium();
        var script = Path.Combine(AppContext.BaseDirectory, "Browser", "check-page.mjs");
        var start = new ProcessStartInfo("node", [script, pagePath, screenshotPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        start.Environment["AIPACK_CHROMIUM"] = Chromium;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The browser did not finish within 2 minutes.");
        }
        var stdout = await output;
        Assert.That(process.ExitCode, Is.Zero, "check-page.mjs failed: " + await error);
        return JsonSerializer.Deserialize<BrowserResult>(stdout, Json) ?? throw new InvalidOperationException("no result from check-page.mjs: " + stdout);
    }
}
