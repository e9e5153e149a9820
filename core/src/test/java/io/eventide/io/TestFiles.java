package io.eventide.io;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Test files on the test classpath ({@code src/test/resources}): real data under {@code data/}
 * (provenance in {@code data/SOURCES.md}) and hand-written bad inputs under {@code bad/}.
 */
final class TestFiles {

  private TestFiles() {}

  /**
   * @param name a resource name relative to the test resources, e.g. {@code data/prices/BABA.csv}
   * @return its path on disk (the copy in {@code target/test-classes})
   */
  static Path path(String name) {
    URL url = TestFiles.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalArgumentException("No test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * @param name a resource name relative to the test resources
   * @return a UTF-8 reader of it, as a jar resource would be read
   */
  static Reader reader(String name) {
    InputStream in = TestFiles.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new UncheckedIOException(new java.io.FileNotFoundException(name));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
