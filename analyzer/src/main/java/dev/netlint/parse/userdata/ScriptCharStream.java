package dev.netlint.parse.userdata;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The characters of a script from an offset on, read in place: a retry after a syntax error starts
 * a new lexer on the same (partly blanked) buffer without copying it, and token positions stay
 * offsets in the whole script.
 */
final class ScriptCharStream implements CharStream {
  private final char[] chars;
  private final int end;
  private int p;

  /** The characters of {@code chars} from index {@code from} (inclusive) to {@code end}. */
  ScriptCharStream(char[] chars, int from, int end) {
    this.chars = chars;
    this.end = end;
    this.p = from;
  }

  @Override
  public void consume() {
    if (p >= end) {
      throw new IllegalStateException("cannot consume EOF");
    }
    p++;
  }

  @Override
  public int LA(int i) {
    if (i == 0) {
      return 0;
    }
    int at = i < 0 ? p + i : p + i - 1;
    return at < 0 || at >= end ? IntStream.EOF : chars[at];
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {
    // nothing is buffered: the whole script is in memory
  }

  @Override
  public int index() {
    return p;
  }

  @Override
  public void seek(int index) {
    p = Math.max(0, Math.min(index, end));
  }

  @Override
  public int size() {
    return end;
  }

  @Override
  public String getSourceName() {
    return IntStream.UNKNOWN_SOURCE_NAME;
  }

  @Override
  public String getText(Interval interval) {
    int start = Math.max(0, interval.a);
    int stop = Math.min(interval.b, end - 1);
    return stop < start ? "" : new String(chars, start, stop - start + 1);
  }
}
