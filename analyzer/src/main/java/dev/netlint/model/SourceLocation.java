package dev.netlint.model;

import java.util.Comparator;

/**
 * A place in an input file: the file as netlint names it in reports (a path relative to the working
 * directory when the file is below it, else absolute, with {@code /} separators), and a 1-based
 * line and column. Line and column 0 mean "the whole file" (a file that could not be read).
 *
 * @param file the file name as reported
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SourceLocation(String file, int line, int column)
    implements Comparable<SourceLocation> {

  private static final Comparator<SourceLocation> ORDER =
      Comparator.comparing(SourceLocation::file)
          .thenComparingInt(SourceLocation::line)
          .thenComparingInt(SourceLocation::column);

  /** A location that names only the file. */
  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 0, 0);
  }

  @Override
  public int compareTo(SourceLocation other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
