package io.eventide.io.internal;

import io.eventide.io.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A buffer that holds the bytes of one input file at a time, for a thread that reads many files one
 * after another: the array grows to the largest file read and is then reused, so a file read into
 * it allocates nothing and nothing is zeroed first. {@link java.nio.file.Files#readAllBytes}
 * instead allocates a fresh array per file (zeroed by the JVM) and, above 8 KiB, a native buffer
 * per read; on 101 files of 55 KB that was about half the cost of touching every byte ({@code
 * PriceReadBenchmark.readFloor} against {@code bufferFloor}).
 *
 * <p>The bytes are checked to be UTF-8 as they are read (a leading byte-order mark is kept: {@link
 * CsvScanner} skips it). Every failure is an {@link InputException} naming the file, with the
 * messages of {@link SourceText#read(Path)}. The array may be longer than the file: only the first
 * {@link #length()} bytes are the file's, and they stay valid until the next {@link #read}.
 *
 * <p>Not thread-safe: one buffer per thread.
 */
public final class FileBytes {

  /** The longest array the JVM allocates for sure. */
  private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  private byte[] bytes;
  private ByteBuffer view;
  private int length;

  /** An empty buffer, that grows to the first file read. */
  public FileBytes() {
    bytes = new byte[0];
    view = ByteBuffer.wrap(bytes);
  }

  /**
   * Reads a whole file into the buffer, replacing what it held.
   *
   * @param path the file
   * @return this buffer
   * @throws InputException if the file is missing, unreadable, not UTF-8 or longer than an array
   */
  public FileBytes read(Path path) {
    Objects.requireNonNull(path, "path");
    String source = path.toString();
    length = 0;
    int n = 0;
    try (FileChannel channel = FileChannel.open(path)) {
      long size = channel.size();
      if (size >= MAX_LENGTH) {
        throw new InputException(
            source, 0, "", "", "is too large to read (" + size + " bytes; at most 2 GiB)");
      }
      // one byte more than the size, so that a file that grew since is read whole too
      ensure((int) size + 1);
      while (true) {
        if (n == bytes.length) {
          if (n >= MAX_LENGTH) {
            throw new InputException(source, 0, "", "", "is too large to read (at most 2 GiB)");
          }
          ensure((int) Math.min(MAX_LENGTH, 2L * n));
        }
        view.clear().position(n);
        int read = channel.read(view);
        if (read < 0) {
          break;
        }
        n += read;
      }
    } catch (IOException e) {
      throw SourceText.unreadable(source, e);
    }
    SourceText.checkUtf8(source, bytes, n);
    length = n;
    return this;
  }

  /**
   * @return the array that holds the file's bytes (and, after {@link #length()}, stale ones)
   */
  public byte[] bytes() {
    return bytes;
  }

  /**
   * @return how many bytes the last file read has
   */
  public int length() {
    return length;
  }

  private void ensure(int capacity) {
    if (capacity > bytes.length) {
      bytes = Arrays.copyOf(bytes, capacity);
      view = ByteBuffer.wrap(bytes);
    }
  }
}
