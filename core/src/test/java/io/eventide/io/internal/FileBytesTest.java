package io.eventide.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.io.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileBytes}: one reused buffer, the bytes of each file in turn, the errors of a read. */
class FileBytesTest {

  @TempDir Path dir;

  @Test
  void eachReadHoldsExactlyThatFilesBytesWhateverCameBefore() throws IOException {
    byte[] longer = new byte[200_000];
    Arrays.fill(longer, (byte) '7');
    Path big = Files.write(dir.resolve("big.csv"), longer);
    byte[] text = "Date,Close\n2020-01-02,1.5\n".getBytes(StandardCharsets.US_ASCII);
    Path small = Files.write(dir.resolve("small.csv"), text);
    Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);

    FileBytes buffer = new FileBytes();
    assertThat(buffer.length()).isZero();
    assertThat(buffer.read(small).length()).isEqualTo(text.length);
    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(text);
    assertThat(buffer.read(big).length()).isEqualTo(longer.length);
    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(longer);
    byte[] array = buffer.bytes();
    assertThat(buffer.read(small).length()).isEqualTo(text.length);
    assertThat(buffer.bytes()).as("the grown array is reused").isSameAs(array);
    assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).isEqualTo(text);
    assertThat(buffer.read(empty).length()).isZero();
  }

  @Test
  void failuresNameTheFileWithTheMessagesOfSourceText() throws IOException {
    FileBytes buffer = new FileBytes();
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> buffer.read(missing))
        .isInstanceOf(InputException.class)
        .hasMessage(missing + ": file not found");
    Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'D', ',', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> buffer.read(latin1))
        .isInstanceOf(InputException.class)
        .hasMessage(latin1 + ": is not UTF-8 text (save it as UTF-8 CSV)");
    assertThatThrownBy(() -> SourceText.read(latin1))
        .hasMessage(latin1 + ": is not UTF-8 text (save it as UTF-8 CSV)");
    assertThat(buffer.length()).as("a failed read leaves the buffer empty").isZero();
    Path folder = Files.createDirectory(dir.resolve("folder.csv"));
    assertThatThrownBy(() -> buffer.read(folder))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(folder + ": cannot be read: ");
    assertThat(buffer.length()).isZero();
  }

  /**
   * A byte that is not UTF-8 (a lone 0xE9, Latin-1 é) is found wherever it is in a text of 100
   * bytes, in each of the four words of a pass and in the tail, and not when it lies after the
   * length (a reused buffer's stale bytes).
   */
  @Test
  void aByteThatIsNotUtf8IsFoundAtEveryPositionAndOnlyWithinTheLength() {
    for (int at = 0; at < 100; at++) {
      byte[] text = new byte[100];
      Arrays.fill(text, (byte) 'a');
      text[at] = (byte) 0xE9;
      int position = at;
      assertThatThrownBy(() -> SourceText.checkUtf8("t.csv", text, 100))
          .as("at %d", position)
          .hasMessage("t.csv: is not UTF-8 text (save it as UTF-8 CSV)");
      SourceText.checkUtf8("t.csv", text, at);
    }
  }

  @Test
  void utf8BeyondAsciiIsRead() throws IOException {
    byte[] text = "日期,收盘\n2020-01-02,1.5\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("cn.csv"), text);
    FileBytes buffer = new FileBytes().read(file);
    assertThat(new String(buffer.bytes(), 0, buffer.length(), StandardCharsets.UTF_8))
        .isEqualTo("日期,收盘\n2020-01-02,1.5\n");
  }
}
