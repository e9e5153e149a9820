package io.eventide.io.internal;

import io.eventide.io.InputException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A one-pass, allocation-free scanner over the UTF-8 bytes of a comma-separated file: it steps from
 * record to record, and for the current record knows the physical line it starts on and where each
 * field lies in the bytes. Cells are parsed straight from the bytes ({@link #isMissing(int)},
 * {@link #decimal(int)}, {@link #epochDay(int)}); {@link #cell(int)} builds a cell's text only
 * where a reader needs it (header names, error messages, forms the byte-level parsers leave to the
 * text-level ones).
 *
 * <p>It frames records exactly as {@link CsvTable} does (RFC 4180 quoting; a quote opens a quoted
 * field only at the start of the field, after spaces, tabs and other control characters at most;
 * {@code ""} inside quotes is a quote; line breaks {@code \n}, {@code \r\n} or a lone {@code \r},
 * also inside quotes, where they belong to the field; records that are blank are skipped; a leading
 * UTF-8 byte-order mark is skipped), and {@link #cell(int)} gives the cell {@link
 * CsvTable#cell(int, int)} gives (the same {@code CsvTable.cellText} of the field as written).
 *
 * <p>Not thread-safe: one scanner per file.
 */
public final class CsvScanner {

  private static final long NO_DAY = Long.MIN_VALUE;

  /** Days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar. */
  private static final long DAYS_0000_TO_1970 = 719_528L;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;
  private static final long COMMAS = ONES * ',';
  private static final long LINE_FEEDS = ONES * '\n';
  private static final long RETURNS = ONES * '\r';
  private static final long QUOTES = ONES * '"';
  private static final long ZEROS = ONES * '0';

  /** {@code yyyy-mm-} as a little-endian word: '0' at the digits, '-' at the dashes. */
  private static final long DATE_PATTERN = 0x2D30_302D_3030_3030L;

  /** The bytes of the two dashes in that word. */
  private static final long DATE_DASHES = 0xFF00_00FF_0000_0000L;

  /** Subtracted from a byte below 0x80, borrows (sets its high bit) if the byte is below '-'. */
  private static final long BELOW_MINUS = ONES * '-';

  /** Added to a byte, sets its high bit if the byte is above '9' (SWAR digit test). */
  private static final long ABOVE_NINE = ONES * 0x46;

  /** Most digits a plain decimal may have for the eight-at-a-time path (m < 10¹⁹ < 2⁶⁴). */
  private static final int MAX_DIGITS = 19;

  private static final long[] POWERS_OF_TEN_LONG = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L
  };

  /** Days of a common year before the first of each month. */
  private static final int[] DAYS_BEFORE_MONTH = {
    0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
  };

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private final String source;
  private final byte[] bytes;
  private final int length;
  private int pos;
  private int nextLine;

  private int recordStart;
  private int recordEnd;
  private int recordLine;
  private int fields;
  private int[] fieldStart = new int[16];
  private int[] fieldEnd = new int[16];

  /** Bounds of the last cell {@link #bounds(int)} accepted. */
  private int valueStart;

  /** The date and the value of the row {@link #nextPlainRow} moved to. */
  private long plainDay;

  private double plainValue;

  /** The month of the last date read: year, month (1 to 12), its first epoch day, its length. */
  private int monthYear = -1;

  private int monthOfYear;
  private long monthFirstDay;
  private int monthLength;

  private int valueEnd;

  /** Where the last decimal read by {@link #plainRows} stopped. */
  private final int[] stop = new int[1];

  /** The one row {@link #nextPlainRow} reads. */
  private final long[] oneDay = new long[1];

  private final double[] oneValue = new double[1];
  private final int[] oneLine = new int[1];

  /**
   * @param source the name used in error messages
   * @param bytes the file's bytes, UTF-8 (validated by the caller); a leading BOM is skipped
   */
  public CsvScanner(String source, byte[] bytes) {
    this(source, bytes, bytes.length);
  }

  /**
   * A scanner over the first {@code length} bytes of an array (a reused buffer, {@link FileBytes});
   * the bytes after them are never part of a record.
   *
   * @param source the name used in error messages
   * @param bytes holds the file's bytes, UTF-8 (validated by the caller); a leading BOM is skipped
   * @param length how many of them are the file's
   */
  public CsvScanner(String source, byte[] bytes, int length) {
    if (length < 0 || length > bytes.length) {
      throw new IndexOutOfBoundsException("length " + length + " of " + bytes.length + " bytes");
    }
    this.source = source;
    this.bytes = bytes;
    this.length = length;
    this.pos =
        length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    this.nextLine = 1;
  }

  /**
   * The value {@link #epochDay(int)} returns when it leaves a cell to the text-level parser.
   *
   * @return {@link Long#MIN_VALUE}
   */
  public static long noDay() {
    return NO_DAY;
  }

  /**
   * Moves to the next record that is not blank (blank: only whitespace).
   *
   * @return false at the end of the text
   * @throws InputException if a quoted field is never closed (it then runs to the end of the text)
   */
  public boolean next() {
    final byte[] b = bytes;
    final int n = length;
    while (pos < n) {
      int from = pos;
      int startLine = nextLine;
      int count = 0;
      int fieldFrom = from;
      int end = -1;
      int i = from;
      while ((i = nextSpecial(i)) < n) {
        byte c = b[i];
        if (c == ',') {
          count = addField(count, fieldFrom, i);
          fieldFrom = i + 1;
          i++;
        } else if (c == '"') {
          // A quote opens a quoted field only at the start of the field (after spaces, tabs and
          // other control characters).
          i = onlyControlsOrSpaces(fieldFrom, i) ? skipQuoted(i + 1, startLine) : i + 1;
        } else {
          end = i;
          i = skipLineBreak(i);
          nextLine++;
          break;
        }
      }
      int recordTo = end < 0 ? n : end;
      count = addField(count, fieldFrom, recordTo);
      pos = Math.min(i, n);
      if (count == 1 && isBlank(from, recordTo)) {
        continue;
      }
      recordStart = from;
      recordEnd = recordTo;
      recordLine = startLine;
      fields = count;
      return true;
    }
    return false;
  }

  /**
   * Moves to the next record if it is a plain row of a price file, reading its date and its value
   * on the way; else stays where it is (the caller then takes {@link #next()} and the cells). A
   * plain row is what most rows of most files are: exactly {@code width} fields, the field {@code
   * dateField} a date {@code yyyy-mm-dd} that exists, the field {@code valueField} a plain decimal
   * above 0 ({@link #parsePlainDecimal}), every other field free of the bytes up to {@code ','}
   * (control characters, space, the quote and {@code !#$%&'()*+}: a number, a word, UTF-8 text are
   * fine), ended by a line break or the end of the text. After a move the record, its fields and
   * its line are what {@link #next()} gives, and {@link #plainDay()} and {@link #plainValue()} what
   * {@link #epochDay} and {@link #decimal} of its fields give, so a row read here reads the same as
   * one read field by field: this only spares the framing pass before the parse and the trimming of
   * each cell.
   *
   * @param width the number of fields
   * @param dateField the 0-based index of the date
   * @param valueField the 0-based index of the value, not the date's
   * @return whether the scanner moved to a plain row
   */
  public boolean nextPlainRow(int width, int dateField, int valueField) {
    return plainRows(width, dateField, valueField, 0, oneDay, oneValue, oneLine, 0) == 1;
  }

  /**
   * Reads plain rows ({@link #nextPlainRow}) into arrays for as long as they come in strict date
   * order after the day before, and the arrays have room: the rows of a well-formed file, read in
   * one loop that keeps the position in registers and frames only the last row. Stops before the
   * first row that is not plain or not in order (the caller then reads it as it reads any row, and
   * words any error), or when the arrays are full. Afterwards the scanner stands on the last row
   * read, as if {@link #nextPlainRow} had moved to each in turn; on the same row as before if none
   * was read.
   *
   * @param width the number of fields
   * @param dateField the 0-based index of the date
   * @param valueField the 0-based index of the value, not the date's
   * @param ascending whether the dates run up (else down); {@code days[filled - 1]} is the day
   *     before
   * @param days the dates read so far (epoch days), filled from {@code filled}
   * @param values the values, filled from {@code filled}
   * @param lines the line of each row, filled from {@code filled}
   * @param filled how many entries hold rows already, at least 1
   * @return how many entries hold rows now
   */
  public int plainRows(
      int width,
      int dateField,
      int valueField,
      boolean ascending,
      long[] days,
      double[] values,
      int[] lines,
      int filled) {
    return filled < 1
        ? filled
        : plainRows(width, dateField, valueField, ascending ? 1 : -1, days, values, lines, filled);
  }

  /**
   * The loop of {@link #plainRows} and {@link #nextPlainRow}: the whole row is read here (the date
   * and the decimal inlined by the JIT), not in a method called per row.
   *
   * @param order 1: each day after the one before; -1: before it; 0: any (one row, arrays of one)
   */
  private int plainRows(
      int width,
      int dateField,
      int valueField,
      int order,
      long[] days,
      double[] values,
      int[] lines,
      int filled) {
    if (width > fieldStart.length) {
      return filled;
    }
    final byte[] b = bytes;
    final int n = length;
    final int capacity = Math.min(days.length, Math.min(values.length, lines.length));
    long previous = filled > 0 ? days[filled - 1] : 0;
    int from = pos;
    int line = nextLine;
    int last = -1;
    int lastEnd = -1;
    int k = filled;
    rows:
    while (k < capacity) {
      int s = from;
      int end = s;
      long day = NO_DAY;
      double value = Double.NaN;
      for (int c = 0; c < width; c++) {
        if (c == dateField) {
          if (s + 10 > n || (day = dateAt(s)) == NO_DAY) {
            break rows;
          }
          end = s + 10;
        } else if (c == valueField) {
          // the decimal is read from the field's start, and the field ends where it stops: the
          // checks below then require a comma or a line break there, as framing first would
          value = decimal(b, s, n, stop);
          end = stop[0];
          if (!(value > 0)) {
            break rows;
          }
        } else if ((end = plainFieldEnd(s)) < 0) {
          break rows;
        }
        if (c < width - 1) {
          if (end >= n || b[end] != ',') {
            break rows;
          }
          s = end + 1;
        }
      }
      if (end < n && b[end] != '\n' && b[end] != '\r') {
        break;
      }
      if (order > 0 ? day <= previous : order < 0 && day >= previous) {
        break;
      }
      days[k] = day;
      values[k] = value;
      lines[k] = line;
      k++;
      previous = day;
      last = from;
      lastEnd = end;
      if (end == n) {
        from = n;
        break;
      }
      from = skipLineBreak(end);
      line++;
    }
    if (last >= 0) {
      // the scanner stands on the last row read; a plain row's fields are split by its commas
      int s = last;
      for (int c = 0; c < width - 1; c++) {
        int e = s;
        while (b[e] != ',') {
          e++;
        }
        fieldStart[c] = s;
        fieldEnd[c] = e;
        s = e + 1;
      }
      fieldStart[width - 1] = s;
      fieldEnd[width - 1] = lastEnd;
      recordStart = last;
      recordEnd = lastEnd;
      recordLine = lines[k - 1];
      fields = width;
      nextLine = line;
      pos = from;
      plainDay = days[k - 1];
      plainValue = values[k - 1];
    }
    return k;
  }

  /**
   * Where a field of a plain row that is neither its date nor its value ends: the first byte at or
   * after {@code i} that is {@code ','} or below in ASCII, eight bytes at a time with one test
   * ({@code (w − 0x2D2D…) & ~w & 0x8080…} flags the bytes below {@code '-'}, the lowest flag always
   * a true one), cheaper than {@link #nextSpecial}'s four.
   *
   * @return the index of the comma or line break that ends the field, the length at the end of the
   *     text, or -1 if another byte up to {@code ','} (a space, a quote) comes first
   */
  private int plainFieldEnd(int i) {
    final byte[] b = bytes;
    final int n = length;
    while (i + 8 <= n) {
      long w = (long) LONGS.get(b, i);
      long t = (w - BELOW_MINUS) & ~w & HIGHS;
      if (t != 0) {
        i += Long.numberOfTrailingZeros(t) >>> 3;
        break;
      }
      i += 8;
    }
    while (i < n && (b[i] < 0 || b[i] > ',')) {
      i++;
    }
    return i == n || b[i] == ',' || b[i] == '\n' || b[i] == '\r' ? i : -1;
  }

  /**
   * @return the date of the row {@link #nextPlainRow} moved to, as days since 1970-01-01
   */
  public long plainDay() {
    return plainDay;
  }

  /**
   * @return the value of the row {@link #nextPlainRow} moved to
   */
  public double plainValue() {
    return plainValue;
  }

  /**
   * The index of the first {@code ,}, {@code \n}, {@code \r} or {@code "} at or after {@code i}, or
   * the length: eight bytes at a time, each compared with the four at once (a byte of {@code w ^
   * c·0x0101…} is zero where {@code w} holds {@code c}; {@code (x − 0x0101…) & ~x & 0x8080…} flags
   * zero bytes, the lowest flag always being a true one).
   */
  private int nextSpecial(int i) {
    final byte[] b = bytes;
    final int n = length;
    while (i + 8 <= n) {
      long w = (long) LONGS.get(b, i);
      long t =
          zeroBytes(w ^ COMMAS)
              | zeroBytes(w ^ LINE_FEEDS)
              | zeroBytes(w ^ RETURNS)
              | zeroBytes(w ^ QUOTES);
      if (t != 0) {
        return i + (Long.numberOfTrailingZeros(t) >>> 3);
      }
      i += 8;
    }
    while (i < n) {
      byte c = b[i];
      if (c == ',' || c == '\n' || c == '\r' || c == '"') {
        return i;
      }
      i++;
    }
    return n;
  }

  private static long zeroBytes(long x) {
    return (x - ONES) & ~x & HIGHS;
  }

  private boolean onlyControlsOrSpaces(int from, int to) {
    for (int k = from; k < to; k++) {
      if ((bytes[k] & 0xff) > ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * Skips a quoted field's content from just after its opening quote, counting its line breaks.
   *
   * @return the index just after the closing quote
   */
  private int skipQuoted(int i, int startLine) {
    final byte[] b = bytes;
    final int n = length;
    while (i < n) {
      byte c = b[i];
      if (c == '"') {
        if (i + 1 < n && b[i + 1] == '"') {
          i += 2;
        } else {
          return i + 1;
        }
      } else if (c == '\n' || c == '\r') {
        i = skipLineBreak(i);
        nextLine++;
      } else {
        i++;
      }
    }
    throw new InputException(
        source, startLine, "", "", "a quoted field that starts on this line is never closed");
  }

  /** Whether a record without commas is blank: whitespace only, as {@link String#isBlank()}. */
  private boolean isBlank(int from, int to) {
    boolean nonAscii = false;
    for (int k = from; k < to; k++) {
      byte c = bytes[k];
      if (c < 0) {
        nonAscii = true;
      } else if (!isAsciiWhitespace(c)) {
        return false;
      }
    }
    return !nonAscii || new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
  }

  private int addField(int count, int from, int to) {
    if (count == fieldStart.length) {
      fieldStart = Arrays.copyOf(fieldStart, count * 2);
      fieldEnd = Arrays.copyOf(fieldEnd, count * 2);
    }
    fieldStart[count] = from;
    fieldEnd[count] = to;
    return count + 1;
  }

  private int skipLineBreak(int i) {
    return bytes[i] == '\r' && i + 1 < length && bytes[i + 1] == '\n' ? i + 2 : i + 1;
  }

  /**
   * @return the 1-based physical line the current record starts on
   */
  public int line() {
    return recordLine;
  }

  /**
   * @return the number of fields of the current record
   */
  public int fields() {
    return fields;
  }

  /**
   * A guess at the number of records from the current one to the end, from the current record's
   * length: for sizing arrays.
   *
   * @return at least 1
   */
  public int estimateRecords() {
    return (length - recordStart) / (recordEnd - recordStart + 1) + 1;
  }

  /**
   * @return the current record as written in the file, without its line break
   */
  public String record() {
    return new String(bytes, recordStart, recordEnd - recordStart, StandardCharsets.UTF_8);
  }

  /**
   * The cell as {@link CsvTable#cell(int, int)} gives it (see the class documentation).
   *
   * @param field a 0-based field index of the current record
   * @return the trimmed, unquoted cell
   */
  public String cell(int field) {
    return CsvTable.cellText(
        new String(
            bytes, fieldStart[field], fieldEnd[field] - fieldStart[field], StandardCharsets.UTF_8));
  }

  /**
   * Finds the bytes of a simple cell: an unquoted one, or a quoted one without {@code ""} and with
   * nothing after its closing quote. Sets {@link #valueStart} and {@link #valueEnd}.
   *
   * @return false if the cell needs {@link #cell(int)}
   */
  private boolean bounds(int field) {
    final byte[] b = bytes;
    int a = fieldStart[field];
    int z = fieldEnd[field];
    while (a < z && (b[a] & 0xff) <= ' ') {
      a++;
    }
    while (z > a && (b[z - 1] & 0xff) <= ' ') {
      z--;
    }
    if (a < z && b[a] == '"') {
      int q = a + 1;
      while (q < z && b[q] != '"') {
        q++;
      }
      if (q != z - 1) {
        return false;
      }
      a++;
      z = q;
      while (a < z && isAsciiWhitespace(b[a])) {
        a++;
      }
      while (z > a && isAsciiWhitespace(b[z - 1])) {
        z--;
      }
    }
    valueStart = a;
    valueEnd = z;
    return true;
  }

  /**
   * Whether a cell is plainly a missing value ({@link Cells#isMissing(String)}: empty, {@code
   * null}, {@code nan} or {@code -}, any case). False also when the cell is not simple enough to
   * tell from its bytes; callers then ask {@link Cells#isMissing(String)} of {@link #cell(int)}.
   *
   * @param field a 0-based field index
   * @return true if the cell certainly marks a missing value
   */
  public boolean isMissing(int field) {
    if (!bounds(field)) {
      return false;
    }
    int len = valueEnd - valueStart;
    final byte[] b = bytes;
    int a = valueStart;
    if (len == 0) {
      return true;
    }
    if (len == 1) {
      return b[a] == '-';
    }
    if (len == 3) {
      return (b[a] | 0x20) == 'n' && (b[a + 1] | 0x20) == 'a' && (b[a + 2] | 0x20) == 'n';
    }
    return len == 4
        && (b[a] | 0x20) == 'n'
        && (b[a + 1] | 0x20) == 'u'
        && (b[a + 2] | 0x20) == 'l'
        && (b[a + 3] | 0x20) == 'l';
  }

  /**
   * A plain decimal cell parsed from its bytes: {@link #parsePlainDecimal(byte[], int, int)} of the
   * cell.
   *
   * @param field a 0-based field index
   * @return the value, bit for bit {@link Double#parseDouble(String)} of the cell; {@code NaN} if
   *     the cell is not a plain decimal the fast path takes (callers then parse {@link #cell(int)})
   */
  public double decimal(int field) {
    return bounds(field) ? parsePlainDecimal(bytes, valueStart, valueEnd) : Double.NaN;
  }

  /**
   * A date cell {@code yyyy-mm-dd} (exactly ten characters) as days since 1970-01-01.
   *
   * @param field a 0-based field index
   * @return the epoch day, or {@link #noDay()} for any other form and for a day that does not exist
   *     (callers then parse {@link #cell(int)}, which also words the error)
   */
  public long epochDay(int field) {
    if (!bounds(field) || valueEnd - valueStart != 10) {
      return NO_DAY;
    }
    return dateAt(valueStart);
  }

  /**
   * The date {@code yyyy-mm-dd} in the ten bytes from {@code a} (all within the text: callers
   * check), as days since 1970-01-01.
   *
   * @return the epoch day, or {@link #noDay()} for any other form or a day that does not exist
   */
  private long dateAt(int a) {
    final byte[] b = bytes;
    // yyyy-mm- as one word: each byte less its pattern byte ('0' or '-'); a byte that is not what
    // the pattern wants there sets its high bit in the sum or the difference, and the lowest such
    // byte is always flagged, since the bytes below it borrow and carry nothing
    long w = (long) LONGS.get(b, a);
    long d = w - DATE_PATTERN;
    int d0 = b[a + 8] - '0';
    int d1 = b[a + 9] - '0';
    if ((((w + ABOVE_NINE) | d) & HIGHS) != 0
        || (w & DATE_DASHES) != (DATE_PATTERN & DATE_DASHES)
        || (d0 | d1 | (9 - d0) | (9 - d1)) < 0) {
      return NO_DAY;
    }
    long pairs = (d * 10 + (d >>> 8)) & 0x00FF_00FFL;
    int year = (int) (pairs & 0xFF) * 100 + (int) (pairs >>> 16);
    int month = (int) ((d >>> 40) & 0xFF) * 10 + (int) ((d >>> 48) & 0xFF);
    int day = d0 * 10 + d1;
    return dayOf(year, month, day);
  }

  /** The epoch day of a date whose digits were read, through the kept month. */
  private long dayOf(int year, int month, int day) {
    if (year != monthYear || month != monthOfYear) {
      // A file's rows mostly share the month of the row before: its first day is kept.
      long first = epochDay(year, month, 1);
      if (first == NO_DAY) {
        return NO_DAY;
      }
      monthYear = year;
      monthOfYear = month;
      monthFirstDay = first;
      monthLength =
          (int) (epochDay(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - first);
    }
    return day >= 1 && day <= monthLength ? monthFirstDay + day - 1 : NO_DAY;
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date with a year 0 to 9999, as {@code
   * LocalDate.of(year, month, day).toEpochDay()}.
   *
   * @return the epoch day, or {@link #noDay()} if there is no such day (month 0, February 30)
   */
  static long epochDay(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) {
      return NO_DAY;
    }
    boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    int monthLength =
        month == 2
            ? (leap ? 29 : 28)
            : (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
    if (day > monthLength) {
      return NO_DAY;
    }
    // days before 1 January of the year (year 0 is a leap year), then before the month
    int total = 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
    total += DAYS_BEFORE_MONTH[month - 1] + (leap && month > 2 ? 1 : 0) + day - 1;
    return total - DAYS_0000_TO_1970;
  }

  /**
   * Parses {@code [+-]?(digits[.digits*] | .digits)} from bytes, exactly: the value is the one
   * {@link Double#parseDouble(String)} returns, bit for bit. At most 19 significant digits (leading
   * zeros not counted), so that their integer value {@code m} fits in 64 bits. When {@code m ≤ 2⁵³}
   * and at most 22 digits follow the point, {@code m} and {@code 10^k} are exact doubles and one
   * IEEE division rounds {@code m / 10^k} correctly (Clinger, "How to read floating point numbers
   * accurately", PLDI 1990, the fast path); longer significands, such as the 17 digits of prices
   * that yfinance writes, go through {@link EiselLemire}. Digits are read eight at a time where the
   * array has eight more bytes ({@link #leadingDigits}, {@link #digitsValue}), without a branch per
   * digit; more than 19 digits (leading zeros, say) are counted one by one.
   *
   * @param b the bytes
   * @param from the first byte
   * @param to one past the last byte
   * @return the value, or {@code NaN} for any other form (an exponent, thousands separators, more
   *     digits, not a number at all) and in the rare case the Eisel–Lemire step cannot decide:
   *     callers fall back to {@link Cells#parseDecimal(String)}
   */
  public static double parsePlainDecimal(byte[] b, int from, int to) {
    return decimal(b, from, to, null);
  }

  /**
   * {@link #parsePlainDecimal}, or, given {@code stop}, of the longest run from {@code from} that
   * has the form (a number written in a longer text): {@code stop[0]} is then set to where that run
   * ends, and the caller decides whether what follows may end a number.
   *
   * @param stop null to require the whole of {@code from} to {@code to}; else receives the end
   */
  private static double decimal(byte[] b, int from, int to, int[] stop) {
    double v = shortDecimal(b, from, to, stop);
    return v == v ? v : anyDecimal(b, from, to, stop);
  }

  /**
   * {@link #decimal} of the form of most prices, one to seven digits, the point, one to seven
   * digits ({@code 123.4567}): two words and no loop, the same {@code m} and the same division as
   * {@link #anyDecimal}, so the same bits.
   *
   * @return the value, or {@code NaN} for any other form (then read by {@link #anyDecimal})
   */
  private static double shortDecimal(byte[] b, int from, int to, int[] stop) {
    if (from + 16 > b.length) {
      return Double.NaN;
    }
    long w = (long) LONGS.get(b, from);
    int whole = leadingDigits(w);
    int point = from + whole;
    if (whole == 0 || whole == 8 || point >= to || b[point] != '.') {
      return Double.NaN;
    }
    long f = (long) LONGS.get(b, point + 1);
    int fraction = Math.min(leadingDigits(f), to - point - 1);
    int end = point + 1 + fraction;
    if (fraction == 0 || fraction == 8 || (stop == null && end != to)) {
      return Double.NaN;
    }
    if (stop != null) {
      stop[0] = end;
    }
    long m =
        digitsValue(w - ZEROS, whole) * POWERS_OF_TEN_LONG[fraction]
            + digitsValue(f - ZEROS, fraction);
    return (double) m / POWERS_OF_TEN[fraction];
  }

  /** {@link #decimal} of any form it takes. */
  private static double anyDecimal(byte[] b, int from, int to, int[] stop) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    int start = i;
    long m = 0;
    int fractionStart = -1;
    // The digits before the point, then (a second pass) those after it: eight at a time while the
    // array has eight more bytes, then one at a time. m may wrap past 19 digits: those numbers go
    // to the exact path below.
    while (true) {
      while (i + 8 <= b.length) {
        long w = (long) LONGS.get(b, i);
        int n = Math.min(leadingDigits(w), to - i);
        if (n == 0) {
          break;
        }
        m = m * POWERS_OF_TEN_LONG[n] + digitsValue(w - ZEROS, n);
        i += n;
        if (n < 8) {
          break;
        }
      }
      while (i < to) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        m = m * 10 + d;
        i++;
      }
      if (fractionStart >= 0 || i == to || b[i] != '.') {
        break;
      }
      fractionStart = ++i;
    }
    int fractionDigits = fractionStart < 0 ? 0 : i - fractionStart;
    int digits = i - start - (fractionStart < 0 ? 0 : 1);
    if (stop != null) {
      stop[0] = i;
    } else if (i != to) {
      return Double.NaN;
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (digits > MAX_DIGITS) {
      // Leading zeros may still leave 19 significant digits or fewer: count them one by one.
      return parseLongPlainDecimal(b, from, i);
    }
    return toDouble(negative, m, fractionDigits);
  }

  /** {@code ±m / 10^fractionDigits}, correctly rounded; {@code m} read as unsigned. */
  private static double toDouble(boolean negative, long m, int fractionDigits) {
    double v;
    if (Long.compareUnsigned(m, 1L << 53) <= 0 && fractionDigits <= 22) {
      v = fractionDigits == 0 ? (double) m : (double) m / POWERS_OF_TEN[fractionDigits];
    } else {
      v = EiselLemire.toDouble(m, -fractionDigits);
    }
    return negative ? -v : v;
  }

  /**
   * How many of the eight bytes, from the first, are ASCII digits (0 to 8). A byte is a digit when
   * neither {@code byte − '0'} borrows nor {@code byte + 0x46} reaches the high bit; a borrow or
   * carry only starts at a non-digit and runs towards later bytes, so the first flagged byte is the
   * first non-digit.
   */
  private static int leadingDigits(long w) {
    return Long.numberOfTrailingZeros(((w + ABOVE_NINE) | (w - ZEROS)) & HIGHS) >>> 3;
  }

  /**
   * The value of the first {@code n} (1 to 8) digits of a word of digit values ({@code byte − '0'},
   * the first byte the most significant digit): moved to the top of the word behind zeros, then
   * combined in pairs, fours and eights with three multiplications (Lemire, "Fast number parsing
   * without fallback", 2023; the eight-digit step of fast_float).
   */
  private static long digitsValue(long d, int n) {
    long v = d << (8 * (8 - n));
    v = v * 10 + (v >>> 8);
    return (((v & 0x0000_00FF_0000_00FFL) * 0x000F_4240_0000_0064L)
            + (((v >>> 16) & 0x0000_00FF_0000_00FFL) * 0x0000_2710_0000_0001L))
        >>> 32;
  }

  /** The one-digit-at-a-time parse for more than 19 digits: leading zeros are not significant. */
  private static double parseLongPlainDecimal(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long m = 0;
    int firstNonZero = -1;
    int point = -1;
    int fractionDigits = 0;
    for (; i < to; i++) {
      int d = b[i] - '0';
      if (b[i] == '.') {
        point = i;
        continue;
      }
      if (d != 0 && firstNonZero < 0) {
        firstNonZero = i;
      }
      m = m * 10 + d;
      if (point >= 0) {
        fractionDigits++;
      }
    }
    // significant digits: from the first non-zero one (the point, if after it, is not a digit)
    int significant = firstNonZero < 0 ? 0 : to - firstNonZero - (point > firstNonZero ? 1 : 0);
    if (significant > MAX_DIGITS) {
      return Double.NaN;
    }
    return toDouble(negative, m, fractionDigits);
  }

  private static boolean isAsciiWhitespace(byte c) {
    return (c >= 9 && c <= 13) || (c >= 28 && c <= 32);
  }
}
