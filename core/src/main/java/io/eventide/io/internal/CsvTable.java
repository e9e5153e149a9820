package io.eventide.io.internal;

import io.eventide.io.InputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The comma-separated records of a text, every cell a trimmed string, each record knowing the
 * physical line it starts on. Shared by every reader of {@code io.eventide.io}.
 *
 * <p>Two steps. <em>Framing</em> (here) finds where each record starts and ends and counts its
 * fields, following RFC 4180 quoting: a field that starts with {@code "} runs to the matching
 * {@code "}, {@code ""} inside it is a quote, and line breaks inside it belong to the field. Line
 * breaks are {@code \n}, {@code \r\n} or a lone {@code \r}. Blank records (empty or whitespace
 * only) are dropped, so trailing blank lines are harmless. <em>Tokenizing</em> (Tablesaw, every
 * column read as {@code STRING}, no header, no comment lines, no missing-value words) turns the
 * framed records into cells; the cells are then trimmed, and an absent cell is the empty string.
 *
 * <p>Every record must have as many fields as the first one (the header); otherwise the record is
 * reported with its line (a truncated last line, an unquoted comma in a value). A file whose first
 * record has a single field but holds a {@code ;} or a tab is reported as not comma-separated. At
 * most 1000 fields per record and 65536 characters per field are read.
 */
public final class CsvTable {

  /** Longest field accepted, in characters; the parser reserves this much per column. */
  private static final int MAX_FIELD_CHARS = 1 << 16;

  /** Most fields per record accepted: far above any layout read here, and bounds memory. */
  private static final int MAX_COLUMNS = 1000;

  private final String source;
  private final int[] lines;
  private final String[] rawRecords;
  private final StringColumn[] columns;

  private CsvTable(String source, int[] lines, String[] rawRecords, StringColumn[] columns) {
    this.source = source;
    this.lines = lines;
    this.rawRecords = rawRecords;
    this.columns = columns;
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
    int width = header.fields;
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
      if (r.fields != width) {
        throw new InputException(
            source,
            r.line,
            "",
            r.text,
            "has "
                + r.fields
                + " field"
                + (r.fields == 1 ? "" : "s")
                + " but the header on line "
                + header.line
                + " has "
                + width
                + " (a truncated line, or a value with an unquoted comma?)");
      }
    }
    int[] lines = new int[records.size()];
    String[] raw = new String[records.size()];
    StringBuilder joined = new StringBuilder(text.length() + 1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = records.get(i).line;
      raw[i] = records.get(i).text;
      joined.append(raw[i]).append('\n');
    }
    return new CsvTable(
        source, lines, raw, tokenize(source, joined.toString(), width, lines.length));
  }

  private static StringColumn[] tokenize(String source, String text, int width, int expectedRows) {
    ColumnType[] types = new ColumnType[width];
    Arrays.fill(types, ColumnType.STRING);
    Table table;
    try {
      CsvReadOptions options =
          CsvReadOptions.builder(new StringReader(text))
              .header(false)
              .columnTypes(types)
              .separator(',')
              .quoteChar('"')
              .lineEnding("\n")
              .commentPrefix('\0')
              .missingValueIndicator("\u0000")
              .maxCharsPerColumn(MAX_FIELD_CHARS)
              .maxNumberOfColumns(Math.max(width, 1))
              .locale(Locale.ROOT)
              .build();
      table = Table.read().usingOptions(options);
    } catch (RuntimeException e) {
      throw new InputException(
          source,
          0,
          "",
          "",
          "cannot be read as CSV (a field longer than "
              + MAX_FIELD_CHARS
              + " characters, or malformed quoting?): "
              + e.getMessage(),
          e);
    }
    if (table.rowCount() != expectedRows || table.columnCount() != width) {
      throw new IllegalStateException(
          "CSV framing and tokenizing disagree on "
              + source
              + ": "
              + expectedRows
              + " records framed, "
              + table.rowCount()
              + " rows tokenized");
    }
    StringColumn[] columns = new StringColumn[width];
    for (int c = 0; c < width; c++) {
      columns[c] = table.stringColumn(c);
    }
    return columns;
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
    return columns.length;
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
    String s = columns[column].get(row);
    return s == null ? "" : s.strip();
  }

  /**
   * @param row a record index
   * @return the trimmed cells of the record
   */
  public String[] row(int row) {
    String[] out = new String[columns.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = cell(row, c);
    }
    return out;
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

  /** A framed record: where it starts, its text, and how many fields it has. */
  private record Record(int line, String text, int fields) {}

  private static List<Record> frame(String source, String text, int firstLine) {
    List<Record> records = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int line = firstLine;
    while (i < n) {
      int start = i;
      int startLine = line;
      int fields = 1;
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
          fields++;
          atFieldStart = true;
          i++;
        } else if (c == '"' && atFieldStart) {
          inQuotes = true;
          atFieldStart = false;
          i++;
        } else {
          if (c != ' ' && c != '\t') {
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
        records.add(new Record(startLine, recordText, fields));
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
