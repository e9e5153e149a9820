package io.eventide.io.internal;

import io.eventide.io.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The comma-separated records of a text, every cell a trimmed string, each record knowing the
 * physical line it starts on. Shared by every reader of {@code io.eventide.io}.
 *
 * <p>Two steps. <em>Framing</em> (here) finds where each record starts and ends and counts its
 * fields, following RFC 4180 quoting: a field that starts with {@code "} (after spaces, tabs or
 * other control characters at most) runs to the matching {@code "}, {@code ""} inside it is a
 * quote, and line breaks inside it belong to the field. Line breaks are {@code \n}, {@code \r\n} or
 * a lone {@code \r}. Blank records (empty or whitespace only) are dropped, so trailing blank lines
 * are harmless. <em>Tokenizing</em> (also here, {@link #cellText(String)}) turns each field between
 * its commas into a trimmed, unquoted cell; an empty field is the empty string. It gives the cells
 * that Tablesaw's CSV reader gave when it did this step; it no longer does, because the first use
 * of Tablesaw's {@code Table} scans the whole class path (a quarter of a second at the start of
 * every command).
 *
 * <p>Every record must have as many fields as the first one (the header); otherwise the record is
 * reported with its line (a truncated last line, an unquoted comma in a value). A file whose first
 * record has a single field but holds a {@code ;} or a tab is reported as not comma-separated. At
 * most 1000 fields per record and 65536 characters per field are read.
 */
public final class CsvTable {

  /** Longest field accepted, in characters (the limit of the tokenizer used before). */
  private static final int MAX_FIELD_CHARS = 1 << 16;

  /** Most fields per record accepted: far above any layout read here, and bounds memory. */
  private static final int MAX_COLUMNS = 1000;

  private final String source;
  private final int[] lines;
  private final String[] rawRecords;
  private final int width;

  /** Row-major: the cell of row r, column c is {@code cells[r * width + c]}. */
  private final String[] cells;

  private CsvTable(String source, int[] lines, String[] rawRecords, int width, String[] cells) {
    this.source = source;
    this.lines = lines;
    this.rawRecords = rawRecords;
    this.width = width;
    this.cells = cells;
  }

  /**
   * Frames and tokenizes a whole text.
   *
   * @param source the name for error messages
   * @param text the text (without a BOM)
   * @return the table; row 0 is the first non-blank record
   * @throws InputException if the text has no record, a quote is never closed, or a record's field
   *     count differs from the first record's
   */
  public static CsvTable parse(String source, String text) {
    return parse(source, text, 1);
  }

  /**
   * Frames and tokenizes a text that starts on a given physical line of its file (a slice).
   *
   * @param source the name for error messages
   * @param text the text
   * @param firstLine the physical line number of the text's first line
   * @return the table
   * @throws InputException as for {@link #parse(String, String)}
   */
  public static CsvTable parse(String source, String text, int firstLine) {
    List<Record> records = frame(source, text, firstLine);
    if (records.isEmpty()) {
      throw new InputException(source, 0, "", "", "is empty");
    }
    Record header = records.get(0);
    int width = header.fields();
    if (width == 1 && (header.text.indexOf(';') >= 0 || header.text.indexOf('\t') >= 0)) {
      String sep = header.text.indexOf(';') >= 0 ? "';'" : "tabs";
      throw new InputException(
          source,
          header.line,
          "",
          header.text,
          "looks separated by "
              + sep
              + "; only comma-separated files are read"
              + " (with '.' as the decimal point)");
    }
    if (width > MAX_COLUMNS) {
      throw new InputException(
          source,
          header.line(),
          "",
          "",
          "the header has " + width + " fields; at most " + MAX_COLUMNS + " are read");
    }
    for (Record r : records) {
      if (r.fields() != width) {
        throw new InputException(
            source,
            r.line,
            "",
            r.text,
            "has "
                + r.fields()
                + " field"
                + (r.fields() == 1 ? "" : "s")
                + " but the header on line "
                + header.line
                + " has "
                + width
                + " (a truncated line, or a value with an unquoted comma?)");
      }
    }
    int[] lines = new int[records.size()];
    String[] raw = new String[records.size()];
    String[] cells = new String[records.size() * width];
    for (int i = 0; i < lines.length; i++) {
      Record r = records.get(i);
      lines[i] = r.line;
      raw[i] = r.text;
      for (int c = 0; c < width; c++) {
        int from = c == 0 ? 0 : r.commas[c - 1] + 1;
        int to = c == width - 1 ? r.text.length() : r.commas[c];
        if (to - from > MAX_FIELD_CHARS) {
          throw new InputException(
              source,
              r.line,
              "",
              "",
              "cannot be read as CSV: field "
                  + (c + 1)
                  + " is longer than "
                  + MAX_FIELD_CHARS
                  + " characters");
        }
        cells[i * width + c] = cellText(r.text.substring(from, to));
      }
    }
    return new CsvTable(source, lines, raw, width, cells);
  }

  /**
   * A field as written (between its commas) to its cell: control characters and spaces (every
   * {@code char} up to {@code ' '}) trimmed; then a field that starts with {@code "} is read up to
   * its closing quote, {@code ""} inside read as {@code "}: if the closing quote is the field's
   * last character the cell is what lies between the quotes ({@code "a""b"} is {@code a"b}),
   * otherwise it keeps both quotes and the rest as written ({@code "a""b"c""} is {@code "a"b"c""}),
   * and without a closing quote (possible only after a control character, which the framing does
   * not skip) it is the rest of the field; finally {@link String#strip()}. These are the cells the
   * univocity parser behind Tablesaw's CSV reader gave (with its default whitespace trimming),
   * which this class used before; CsvTableTest checks the two agree on random awkward texts.
   *
   * @param raw the field as written
   * @return the cell
   */
  static String cellText(String raw) {
    int a = 0;
    int z = raw.length();
    while (a < z && raw.charAt(a) <= ' ') {
      a++;
    }
    while (z > a && raw.charAt(z - 1) <= ' ') {
      z--;
    }
    if (a < z && raw.charAt(a) == '"') {
      StringBuilder sb = null;
      int i = a + 1;
      int copied = i;
      while (i < z) {
        char c = raw.charAt(i);
        if (c == '"') {
          if (i + 1 < z && raw.charAt(i + 1) == '"') {
            if (sb == null) {
              sb = new StringBuilder(z - a);
            }
            sb.append(raw, copied, i + 1);
            i += 2;
            copied = i;
          } else {
            break;
          }
        } else {
          i++;
        }
      }
      String inner = sb == null ? raw.substring(a + 1, i) : sb.append(raw, copied, i).toString();
      return i >= z - 1 ? inner.strip() : ('"' + inner + '"' + raw.substring(i + 1, z)).strip();
    }
    return raw.substring(a, z).strip();
  }

  /**
   * @return the name used in error messages
   */
  public String source() {
    return source;
  }

  /**
   * @return the number of records, header records included
   */
  public int rows() {
    return lines.length;
  }

  /**
   * @return the number of fields of every record
   */
  public int width() {
    return width;
  }

  /**
   * @param row a record index
   * @return the 1-based physical line the record starts on
   */
  public int line(int row) {
    return lines[row];
  }

  /**
   * @param row a record index
   * @param column a 0-based column index
   * @return the trimmed cell, empty if absent
   */
  public String cell(int row, int column) {
    if (column < 0 || column >= width) {
      throw new IndexOutOfBoundsException("column " + column + " of " + width);
    }
    return cells[row * width + column];
  }

  /**
   * @param row a record index
   * @return the trimmed cells of the record
   */
  public String[] row(int row) {
    return Arrays.copyOfRange(cells, row * width, row * width + width);
  }

  /**
   * @param row a record index
   * @return the record as written in the file (without its line break)
   */
  public String rawRecord(int row) {
    return rawRecords[row];
  }

  /**
   * The header names of a record, for looking columns up by name.
   *
   * @param row the header record
   * @return the header
   * @throws InputException naming a non-empty header name that appears twice (ignoring case)
   */
  public Header header(int row) {
    return Header.of(this, row);
  }

  /**
   * A header record: column names as written (trimmed), looked up ignoring case.
   *
   * @param line the header's physical line
   * @param names the trimmed names
   */
  public record Header(int line, List<String> names) {

    static Header of(CsvTable table, int row) {
      List<String> names = List.of(table.row(row));
      for (int i = 0; i < names.size(); i++) {
        for (int j = i + 1; j < names.size(); j++) {
          if (!names.get(i).isEmpty() && names.get(i).equalsIgnoreCase(names.get(j))) {
            throw new InputException(
                table.source(),
                table.line(row),
                names.get(j),
                "",
                "appears twice in the header (columns " + (i + 1) + " and " + (j + 1) + ")");
          }
        }
      }
      return new Header(table.line(row), names);
    }

    /**
     * @param candidates names to look for, ignoring case, in order of preference
     * @return the index of the first candidate present, or -1
     */
    public int indexOf(String... candidates) {
      for (String candidate : candidates) {
        for (int i = 0; i < names.size(); i++) {
          if (names.get(i).equalsIgnoreCase(candidate)) {
            return i;
          }
        }
      }
      return -1;
    }

    /**
     * The index of a column the file must have.
     *
     * @param source the file, for the message
     * @param name the column's name, matched ignoring case
     * @param layout the header the format expects, for the message (e.g. {@code
     *     ticker,exchange,benchmark})
     * @return its index
     * @throws InputException naming the header line and the header seen
     */
    public int require(String source, String name, String layout) {
      int column = indexOf(name);
      if (column < 0) {
        throw new InputException(
            source, line, "", text(), "has no " + name + " column; the header must hold " + layout);
      }
      return column;
    }

    /**
     * @param column a column index
     * @return the name, or the 1-based column number as text when the name is empty
     */
    public String label(int column) {
      String n = names.get(column);
      return n.isEmpty() ? Integer.toString(column + 1) : n;
    }

    /**
     * @return the header as written, comma-joined, for messages
     */
    public String text() {
      return String.join(",", names);
    }
  }

  /**
   * A framed record: the line it starts on, its text, and where in the text its field-separating
   * commas (those outside quotes) are.
   */
  private record Record(int line, String text, int[] commas) {
    int fields() {
      return commas.length + 1;
    }
  }

  private static List<Record> frame(String source, String text, int firstLine) {
    List<Record> records = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int line = firstLine;
    while (i < n) {
      int start = i;
      int startLine = line;
      int fields = 1;
      int[] commas = new int[8];
      boolean atFieldStart = true;
      boolean inQuotes = false;
      int end = -1;
      while (i < n) {
        char c = text.charAt(i);
        if (inQuotes) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              i += 2;
            } else {
              inQuotes = false;
              i++;
            }
          } else if (c == '\n' || c == '\r') {
            i = skipLineBreak(text, i);
            line++;
          } else {
            i++;
          }
        } else if (c == '\n' || c == '\r') {
          end = i;
          i = skipLineBreak(text, i);
          line++;
          break;
        } else if (c == ',') {
          if (fields > commas.length) {
            commas = Arrays.copyOf(commas, 2 * commas.length);
          }
          commas[fields - 1] = i - start;
          fields++;
          atFieldStart = true;
          i++;
        } else if (c == '"' && atFieldStart) {
          inQuotes = true;
          atFieldStart = false;
          i++;
        } else {
          if (c > ' ') {
            atFieldStart = false;
          }
          i++;
        }
      }
      if (inQuotes) {
        throw new InputException(
            source, startLine, "", "", "a quoted field that starts on this line is never closed");
      }
      String recordText = text.substring(start, end < 0 ? n : end);
      if (!recordText.isBlank()) {
        records.add(new Record(startLine, recordText, Arrays.copyOf(commas, fields - 1)));
      }
    }
    return records;
  }

  private static int skipLineBreak(String text, int i) {
    return text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'
        ? i + 2
        : i + 1;
  }
}
