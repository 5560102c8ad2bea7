using System.Runtime.InteropServices;

namespace SentinelAiPack.Content.Loading;

/// <summary>
/// Whether a path is a regular file. .NET's file APIs do not tell a FIFO, socket or device from a regular file (all
/// report length 0 and attributes Normal), and opening a FIFO for reading blocks until a writer appears, so on Unix the
/// type comes from <c>stat</c> through the runtime's own native library (System.Native, whose FileStatus starts with
/// Flags then Mode, normalised to the portable S_IF* values). Where that is unavailable the path counts as regular; the
/// reader still never opens a zero-length entry, which is all a FIFO, socket or device reports.
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>null for a regular file (or when the type cannot be told), else what the path is ("a FIFO", …).</summary>
    public static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var status = new byte[512];
            if (Stat(path, status) != 0)
            {
                return null;
            }

            return (BitConverter.ToInt32(status, 4) & TypeMask) switch
            {
                RegularFile => null,
                0x1000 => "a FIFO (named pipe)",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0xC000 => "a socket",
                0x4000 => "a directory",
                _ => "not a regular file",
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // A DllImport rather than LibraryImport: the project allows no unsafe code; the buffer is larger than FileStatus.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", ExactSpelling = true)]
#pragma warning disable SYSLIB1054
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] output);
#pragma warning restore SYSLIB1054
}
