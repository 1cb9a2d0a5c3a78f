/**
 * Whether a Dockerfile builds Windows images. Their shell is cmd or PowerShell, not a POSIX shell:
 * Windows PowerShell 5.1 rejects `&&`, and cmd's `setx` only reaches the next container, so no
 * shell rewrite may touch them, and the engine leaves such files alone as a whole.
 *
 * The signs, any one of which is enough: the backtick escape directive; a SHELL that is cmd or
 * PowerShell; a WORKDIR with a drive letter; a base image whose repository or tag names a Windows
 * variant (`windowsservercore`, `nanoserver`, `ltsc2022`, `app-windows`), also through the default
 * of a global ARG (`FROM ${BASE}`); a RUN that uses a drive path or a command only Windows has.
 */

const WINDOWS_WORD = /^(windows|nanoserver|servercore|windowsservercore)/;
/** Long-term servicing channel tags of Windows base images. */
const LTSC_WORD = /^ltsc\d{4}$/;
/** Microsoft's images that exist only for Windows (.NET Framework, IIS, ASP.NET 4). */
const WINDOWS_ONLY_REPOSITORY =
  /^(mcr\.microsoft\.com\/(windows|dotnet\/framework)(\/|:|$)|(mcr\.microsoft\.com\/|docker\.io\/)?microsoft\/(aspnet|iis|dotnet-framework)(:|@|$))/;

/** Whether an image reference (variables already resolved) names a Windows image. */
export function isWindowsImage(image: string): boolean {
  const reference = image.toLowerCase();
  if (WINDOWS_ONLY_REPOSITORY.test(reference)) return true;
  return reference
    .split(/[/:@._-]+/)
    .some((word) => WINDOWS_WORD.test(word) || LTSC_WORD.test(word));
}

export const WINDOWS_SHELL = /(^|[\\/])(powershell|pwsh|cmd)(\.exe)?$/i;

/** A drive path (`C:\`), or a command that exists only on Windows, in a RUN's text. */
const WINDOWS_COMMAND =
  /(^|[\s"'=(;&|])([a-z]:\\|setx\s|choco(\.exe)?\s+(install|upgrade)\b|msiexec(\.exe)?\s|cmd(\.exe)?\s+\/[sck]\b)/i;

export function runLooksWindows(text: string): boolean {
  return WINDOWS_COMMAND.test(text);
}

/**
 * `${NAME}`, `$NAME` and `${NAME:-default}` in a FROM image, replaced by the global ARG defaults
 * (`args`: name → default as written, quotes removed). A variable without a value stays as it is.
 */
export function resolveGlobalArgs(image: string, args: ReadonlyMap<string, string>): string {
  return image.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) =>
      args.get(braced ?? bare ?? '') ?? fallback ?? whole,
  );
}
