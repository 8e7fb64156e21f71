package dev.netlint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportsTest {

  @ParameterizedTest
  @EnumSource(Format.class)
  void sameResultGivesSameBytes(Format format) throws IOException {
    byte[] first = Samples.render(format, Samples.mixed());
    byte[] second = Samples.render(format, Samples.mixed());
    assertThat(second).isEqualTo(first);
    assertThat(Samples.render(format, Samples.clean()))
        .isEqualTo(Samples.render(format, Samples.clean()));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void outputIsUtf8WithUnixLineEndsAndAFinalNewline(Format format) throws IOException {
    byte[] bytes = Samples.render(format, Samples.mixed());
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
    assertThat(text).contains("Größe → 日本").doesNotContain("\r").endsWith("\n");
    assertThat(text).doesNotEndWith("\n\n");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void streamIsFlushedButLeftOpen(Format format) throws IOException {
    class Recording extends ByteArrayOutputStream {
      boolean closed;
      boolean flushed;

      @Override
      public void close() {
        closed = true;
      }

      @Override
      public void flush() {
        flushed = true;
      }
    }
    Recording out = new Recording();
    Reports.write(format, Samples.mixed(), Samples.VERSION, out);
    assertThat(out.closed).isFalse();
    assertThat(out.flushed).isTrue();
    assertThat(out.size()).isPositive();
  }

  @Test
  void formatsParseFromTheirCommandLineNames() {
    for (Format f : Format.values()) {
      assertThat(Format.parse(f.cliName())).isEqualTo(f);
    }
    assertThat(Format.parse(" SARIF ")).isEqualTo(Format.SARIF);
    assertThat(Format.JUNIT.cliName()).isEqualTo("junit");
    assertThatThrownBy(() -> Format.parse("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'xml'")
        .hasMessageContaining("text, json, sarif or junit");
  }
}
