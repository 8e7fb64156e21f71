package dev.netlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON layout shared by the JSON and SARIF reports: two-space indent, {@code \n} line ends
 * whatever the platform (Jackson's default printer uses the system's), one array element per line,
 * {@code "key": value}, map keys sorted, a final line end.
 */
final class JsonOutput {
  private JsonOutput() {}

  /** A mapper that sorts map entries and leaves the caller's stream open. */
  static ObjectMapper mapper() {
    return new ObjectMapper()
        .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  /** Writes {@code value} with the shared layout, followed by a line end. */
  static void write(ObjectMapper mapper, Object value, OutputStream out) throws IOException {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    ObjectWriter writer = mapper.writer(printer);
    writer.writeValue(out, value);
    out.write('\n');
  }
}
