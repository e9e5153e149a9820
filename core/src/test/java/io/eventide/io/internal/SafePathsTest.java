package io.eventide.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SafePaths#resolveInside(Path, String)}. */
class SafePathsTest {

  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "firm_events.csv",
        "abnormal_returns.csv",
        "car.csv",
        "tests.csv",
        "caar.png",
        "9988.HK.csv",
        "CONSOLE.csv",
        "com10.csv",
        ".hidden"
      })
  void plainNamesResolveInside(String name) {
    Path p = SafePaths.resolveInside(out, name);
    assertThat(p).isEqualTo(out.resolve(name));
    assertThat(p.getParent()).isEqualTo(out);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "..",
        ".",
        "/etc/passwd",
        "a/b.csv",
        "..\\x",
        "C:\\x.csv",
        "C:x.csv",
        "nul\u0000.csv",
        "line\nbreak.csv",
        "CON",
        "con.csv",
        "NUL",
        "nul.txt",
        "PRN.csv",
        "AUX",
        "COM1",
        "com1.csv",
        "LPT9.log",
        "trailing.",
        "trailing ",
        ""
      })
  void escapingOrNonPortableNamesAreRefused(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SafePaths.resolveInside(out, name))
        .withMessageStartingWith("Refusing file name '");
  }

  @Test
  void messageNamesTheFileAndTheReason() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SafePaths.resolveInside(out, "../secrets.csv"))
        .withMessage(
            "Refusing file name '../secrets.csv' in " + out + ": it holds a path separator");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SafePaths.resolveInside(out, "NUL"))
        .withMessage(
            "Refusing file name 'NUL' in " + out + ": it is a device name reserved by Windows");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SafePaths.resolveInside(out, null))
        .withMessage("Refusing file name 'null' in " + out + ": the name is empty");
  }

  @Test
  void anExistingSymbolicLinkIsRefused() throws IOException {
    Path target = Files.createTempFile("eventide-target", ".csv");
    try {
      Files.createSymbolicLink(out.resolve("car.csv"), target);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> SafePaths.resolveInside(out, "car.csv"))
          .withMessageContaining("symbolic link");
    } finally {
      Files.deleteIfExists(target);
    }
  }

  @Test
  void anExistingFolderIsRefused() throws IOException {
    Files.createDirectory(out.resolve("tests.csv"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SafePaths.resolveInside(out, "tests.csv"))
        .withMessageEndingWith("it is a folder");
  }
}
