package dev.netlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * netlint's version, from a resource the build fills in, so that it is the same in the fat jar, in
 * the plain jar and in tests run from {@code target/classes}.
 */
public final class Version implements IVersionProvider {
  private static final String RESOURCE = "netlint-version.properties";

  /** The version of this netlint, for instance {@code 0.1.0}. */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the netlint jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"netlint " + current()};
  }
}
