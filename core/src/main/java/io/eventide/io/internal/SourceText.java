package io.eventide.io.internal;

import io.eventide.io.InputException;
import java.io.IOException;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a whole input file as UTF-8 text, dropping a leading byte-order mark. Every failure
 * (missing file, unreadable file, bytes that are not UTF-8) becomes an {@link InputException}
 * naming the source.
 */
public final class SourceText {

  private static final char BOM = '\uFEFF';

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private SourceText() {}

  /**
   * @param path the file
   * @return its text without a leading BOM
   * @throws InputException if the file is missing, unreadable or not UTF-8
   */
  public static String read(Path path) {
    Objects.requireNonNull(path, "path");
    String source = path.toString();
    try {
      return withoutBom(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw unreadable(source, e);
    }
  }

  /**
   * Throws unless the first {@code length} bytes are UTF-8.
   *
   * @throws InputException naming {@code source} if they are not
   */
  static void checkUtf8(String source, byte[] bytes, int length) {
    if (isAscii(bytes, length)) {
      return;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length));
    } catch (CharacterCodingException e) {
      throw unreadable(source, e);
    }
  }

  /**
   * The problem a file that could not be read as UTF-8 text is reported as.
   *
   * @param source the file
   * @param e why it could not
   * @return the error to throw
   */
  static InputException unreadable(String source, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new InputException(source, 0, "", "", "file not found", e);
    }
    if (e instanceof AccessDeniedException) {
      return new InputException(source, 0, "", "", "cannot be read: permission denied", e);
    }
    if (e instanceof CharacterCodingException) {
      return new InputException(source, 0, "", "", "is not UTF-8 text (save it as UTF-8 CSV)", e);
    }
    return new InputException(source, 0, "", "", "cannot be read: " + e.getMessage(), e);
  }

  /** Whether no byte has its high bit set: four words at a time, in four independent ORs. */
  private static boolean isAscii(byte[] bytes, int length) {
    long a = 0;
    long b = 0;
    long c = 0;
    long d = 0;
    int i = 0;
    for (; i + 32 <= length; i += 32) {
      a |= (long) LONGS.get(bytes, i);
      b |= (long) LONGS.get(bytes, i + 8);
      c |= (long) LONGS.get(bytes, i + 16);
      d |= (long) LONGS.get(bytes, i + 24);
    }
    long any = (a | b) | (c | d);
    for (; i < length; i++) {
      any |= bytes[i];
    }
    return (any & 0x8080_8080_8080_8080L) == 0;
  }

  /**
   * Reads a reader to its end; the caller closes it.
   *
   * @param reader the text
   * @param source the name used in error messages
   * @return the text without a leading BOM
   * @throws InputException if reading fails
   */
  public static String read(Reader reader, String source) {
    Objects.requireNonNull(reader, "reader");
    StringBuilder sb = new StringBuilder();
    char[] buffer = new char[8192];
    try {
      for (int n; (n = reader.read(buffer)) >= 0; ) {
        sb.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw unreadable(source, e);
    }
    return withoutBom(sb.toString());
  }

  private static String withoutBom(String text) {
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }
}
