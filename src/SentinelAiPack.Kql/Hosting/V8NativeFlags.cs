using System.Runtime.InteropServices;
using Microsoft.ClearScript.V8;

namespace SentinelAiPack.Kql.Hosting;

/// <summary>
/// Passes V8 command-line flags (<c>--max-semi-space-size=1</c>, ...) to the V8 inside ClearScript's native library
/// through V8's public <c>v8::V8::SetFlagsFromString</c>, which that library exports; ClearScript itself exposes only a
/// few switches. Must run before the first engine is created (V8 freezes its flags once initialized). Linux and macOS
/// (Itanium C++ names) only; elsewhere, or when the export is missing, nothing is set and false is returned.
/// </summary>
internal static class V8NativeFlags
{
    private const string Export = "_ZN2v82V818SetFlagsFromStringEPKc";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetFlagsFromString([MarshalAs(UnmanagedType.LPUTF8Str)] string flags);

    public static bool Set(string flags)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }
        var library = "ClearScriptV8." + (OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
                      RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant() + (OperatingSystem.IsMacOS() ? ".dylib" : ".so");
        if (!NativeLibrary.TryLoad(library, typeof(V8ScriptEngine).Assembly, DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.ApplicationDirectory, out var handle) ||
            !NativeLibrary.TryGetExport(handle, Export, out var function))
        {
            return false;
        }
        Marshal.GetDelegateForFunctionPointer<SetFlagsFromString>(function)(flags);
        return true;
    }
}
