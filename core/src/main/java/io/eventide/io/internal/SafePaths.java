package io.eventide.io.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Guards file names that come from outside (an output file name, a ticker used as a price file
 * name) so that a file is only ever created or read directly inside its folder.
 */
public final class SafePaths {

  /** Device names that Windows reserves in every folder, with or without an extension. */
  private static final Set<String> WINDOWS_RESERVED =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private SafePaths() {}

  /**
   * Resolves a plain file name inside a folder, refusing any name that could land elsewhere or that
   * is not portable: an empty name, {@code .} or {@code ..}, a name holding a path separator
   * ({@code /}, {@code \}), a drive or stream colon ({@code :}), a NUL or other control character,
   * a Windows reserved device name ({@code CON}, {@code NUL}, {@code COM1}, {@code LPT1}..., with
   * or without an extension, any case), a name ending in a dot or a space (which Windows strips),
   * or a name that already exists there as a symbolic link. Absolute names such as {@code
   * /etc/passwd} are refused by the separator rule.
   *
   * @param folder the folder the file must be in
   * @param fileName a plain file name ({@code firm_events.csv})
   * @return {@code folder.resolve(fileName)}
   * @throws IllegalArgumentException naming the refused name and why
   */
  public static Path resolveInside(Path folder, String fileName) {
    Objects.requireNonNull(folder, "folder");
    String why = whyUnsafe(fileName);
    if (why != null) {
      throw new IllegalArgumentException(
          "Refusing file name '" + printable(fileName) + "' in " + folder + ": " + why);
    }
    Path resolved;
    try {
      resolved = folder.resolve(fileName);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "Refusing file name '" + printable(fileName) + "' in " + folder + ": " + e.getReason(),
          e);
    }
    Path normalFolder = folder.toAbsolutePath().normalize();
    Path normalFile = resolved.toAbsolutePath().normalize();
    if (!normalFolder.equals(normalFile.getParent())) {
      throw new IllegalArgumentException(
          "Refusing file name '" + printable(fileName) + "': it resolves outside " + folder);
    }
    if (Files.isSymbolicLink(resolved)) {
      throw new IllegalArgumentException(
          "Refusing file name '"
              + printable(fileName)
              + "' in "
              + folder
              + ": it is a symbolic link, which could point outside the folder");
    }
    if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(resolved)) {
      throw new IllegalArgumentException(
          "Refusing file name '" + printable(fileName) + "' in " + folder + ": it is a folder");
    }
    return resolved;
  }

  /**
   * @param fileName a candidate file name
   * @return why it is refused by {@link #resolveInside(Path, String)} (before looking at the disk),
   *     or {@code null} if it is a safe plain name
   */
  static String whyUnsafe(String fileName) {
    if (fileName == null || fileName.isEmpty()) {
      return "the name is empty";
    }
    if (fileName.equals(".") || fileName.equals("..")) {
      return "it names a folder, not a file";
    }
    for (int i = 0; i < fileName.length(); i++) {
      char c = fileName.charAt(i);
      if (c == '/' || c == '\\') {
        return "it holds a path separator";
      }
      if (c == ':') {
        return "it holds a colon (a drive or stream name on Windows)";
      }
      if (c < 0x20 || c == 0x7f) {
        return "it holds a control character";
      }
    }
    char last = fileName.charAt(fileName.length() - 1);
    if (last == '.' || last == ' ') {
      return "it ends with a dot or a space";
    }
    int dot = fileName.indexOf('.');
    String stem =
        (dot < 0 ? fileName : fileName.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
    if (WINDOWS_RESERVED.contains(stem)) {
      return "it is a device name reserved by Windows";
    }
    return null;
  }

  private static String printable(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
