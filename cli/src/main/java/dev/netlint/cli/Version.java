package dev.netlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * netlint's version and the git commit it was built from, from a resource the build fills in, so
 * that they are the same in the fat jar, in the distribution's jars and in tests run from {@code
 * target/classes}.
 */
public final class Version implements IVersionProvider {
  private static final String RESOURCE = "netlint-version.properties";

  /** The version of this netlint, for instance {@code 0.1.0}. */
  public static String current() {
    return properties().getProperty("version", "unknown");
  }

  /**
   * The full id (40 hexadecimal digits) of the git commit this netlint was built from, or {@code
   * unknown} when it was built outside a git checkout or without git.
   */
  public static String commit() {
    return properties().getProperty("commit", "unknown");
  }

  private static Properties properties() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the netlint jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    Properties properties = properties();
    return new String[] {
      "netlint "
          + properties.getProperty("version", "unknown")
          + " (commit "
          + properties.getProperty("commit", "unknown")
          + ")"
    };
  }
}
