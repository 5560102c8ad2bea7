using System.Globalization;
using System.Text;
using SentinelAiPack.Content.Diagnostics;

namespace SentinelAiPack.Content.Loading;

/// <summary>
/// Reads a file as UTF-8 text defensively: the size is checked before reading, binary content (NUL bytes, UTF-16/32
/// byte-order marks) and invalid UTF-8 are refused with the line of the first bad byte. Never throws for I/O problems.
/// </summary>
public static class TextFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text without a UTF-8 byte-order mark, or null after reporting why it could not be read.</summary>
    public static string? Read(string path, long maxBytes, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Add(LoadingCodes.PathNotFound, SourceSpan.Unknown, $"File '{path}' does not exist.");
                return null;
            }
            // Only regular files are read: a FIFO named *.yaml would block the run forever.
            if (FileKind.NotRegular(path) is { } kind)
            {
                diagnostics.Add(LoadingCodes.NotRegularFile, SourceSpan.Unknown, $"'{path}' is {kind}, not a regular file; it was not read.");
                return null;
            }
            if (info.Length == 0)
            {
                // Never opened: an empty file needs no reading, and every special file reports length 0.
                diagnostics.Add(LoadingCodes.EmptyFile, SourceSpan.Unknown, "File is empty.");
                return null;
            }
            if (info.Length > maxBytes)
            {
                diagnostics.Add(LoadingCodes.FileTooLarge, SourceSpan.Unknown,
                    $"File is {FormatSize(info.Length)}, larger than the {FormatSize(maxBytes)} limit; it was not read.");
                return null;
            }
            bytes = ReadAtMost(path, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            diagnostics.Add(LoadingCodes.ReadFailed, SourceSpan.Unknown, $"File could not be read: {ex.Message}");
            return null;
        }
        if (bytes.Length > maxBytes)
        {
            diagnostics.Add(LoadingCodes.FileTooLarge, SourceSpan.Unknown,
                $"File grew beyond the {FormatSize(maxBytes)} limit while it was read; it was not loaded.");
            return null;
        }
        return Decode(bytes, diagnostics);
    }

    /// <summary>Decodes bytes already in memory with the same checks as <see cref="Read"/>.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (bytes.Length == 0)
        {
            diagnostics.Add(LoadingCodes.EmptyFile, SourceSpan.Unknown, "File is empty.");
            return null;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
            bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            diagnostics.Add(LoadingCodes.NotText, new SourceSpan(1, 1),
                "File is UTF-16 or UTF-32 encoded (byte-order mark); save it as UTF-8.");
            return null;
        }
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(LoadingCodes.NotText, PositionOfByte(bytes, nul),
                $"File contains a NUL byte at byte offset {nul} (line {LineOfByte(bytes, nul)}); it looks like a binary file, not YAML/JSON text.");
            return null;
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(0, ex.Index);
            diagnostics.Add(LoadingCodes.NotText, PositionOfByte(bytes, offset),
                $"File is not valid UTF-8: invalid byte sequence at byte offset {offset} (line {LineOfByte(bytes, offset)}).");
            return null;
        }
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static byte[] ReadAtMost(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        // Read one byte more than the limit to notice a file that grew after the size check.
        var limit = (int)Math.Min(maxBytes + 1, int.MaxValue - 64);
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static int LineOfByte(ReadOnlySpan<byte> bytes, int offset) => bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n') + 1;

    private static SourceSpan PositionOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..Math.Min(offset, bytes.Length)];
        var lastBreak = before.LastIndexOf((byte)'\n');
        return new SourceSpan(before.Count((byte)'\n') + 1, offset - lastBreak);
    }

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
