package dev.netlint.report;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report, in the shape CI systems read (Jenkins, GitLab, GitHub Actions test
 * reporters, Azure Pipelines): one {@code <testsuite name="netlint">} inside {@code <testsuites>},
 * one {@code <testcase>} per finding whose class name is the file, with a {@code <failure>} for
 * errors and warnings (an info finding passes and carries its message in {@code <system-out>}), and
 * one passing {@code <testcase name="netlint">} for each file without findings, so a clean run
 * still shows what was checked.
 */
final class JunitReport {
  private JunitReport() {}

  static void write(AnalysisResult result, String toolVersion, OutputStream out)
      throws IOException {
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (String file : result.files()) {
      byFile.put(file, new ArrayList<>());
    }
    for (Finding f : result.findings()) {
      byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
    }
    int clean = (int) byFile.values().stream().filter(List::isEmpty).count();
    SeverityCounts counts = SeverityCounts.of(result.findings());
    String tests = Integer.toString(counts.total() + clean);
    String failures = Integer.toString(counts.error() + counts.warning());

    try {
      // The JDK's own writer, not whichever StAX provider the class path brings, so the bytes
      // never change with the dependencies.
      XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      attribute(x, "name", "netlint");
      attribute(x, "tests", tests);
      attribute(x, "failures", failures);
      attribute(x, "errors", "0");
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      attribute(x, "name", "netlint");
      attribute(x, "tests", tests);
      attribute(x, "failures", failures);
      attribute(x, "errors", "0");
      attribute(x, "skipped", "0");
      x.writeCharacters("\n    ");
      x.writeStartElement("properties");
      x.writeCharacters("\n      ");
      x.writeEmptyElement("property");
      attribute(x, "name", "netlint.version");
      attribute(x, "value", toolVersion);
      if (!result.suppressed().isEmpty()) {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        attribute(x, "name", "netlint.suppressed");
        attribute(x, "value", Integer.toString(result.suppressed().size()));
      }
      x.writeCharacters("\n    ");
      x.writeEndElement();
      for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
        if (file.getValue().isEmpty()) {
          x.writeCharacters("\n    ");
          x.writeEmptyElement("testcase");
          attribute(x, "classname", file.getKey());
          attribute(x, "name", "netlint");
        }
        for (Finding f : file.getValue()) {
          writeTestcase(x, f);
        }
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      x.close();
      out.write('\n');
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit XML report: " + e.getMessage(), e);
    }
  }

  private static void writeTestcase(XMLStreamWriter x, Finding f) throws XMLStreamException {
    x.writeCharacters("\n    ");
    x.writeStartElement("testcase");
    attribute(x, "classname", f.location().file());
    attribute(x, "name", testName(f));
    x.writeCharacters("\n      ");
    if (f.severity() == Severity.INFO) {
      x.writeStartElement("system-out");
      text(x, f.message() + "\n" + details(f));
    } else {
      x.writeStartElement("failure");
      attribute(x, "type", f.severity().label());
      attribute(x, "message", f.message());
      text(x, details(f));
    }
    x.writeEndElement();
    x.writeCharacters("\n    ");
    x.writeEndElement();
  }

  /** {@code NL101 Stack/LogicalId line 12}; parts a finding lacks are left out. */
  static String testName(Finding f) {
    StringBuilder name = new StringBuilder(f.ruleId());
    String qualified = f.qualifiedName();
    if (qualified != null) {
      name.append(' ').append(qualified);
    }
    if (f.location().line() > 0) {
      name.append(" line ").append(f.location().line());
    }
    return name.toString();
  }

  /** What a CI page shows under the failure: where, which resource, how to fix, extra facts. */
  private static String details(Finding f) {
    List<String> lines = new ArrayList<>();
    lines.add(f.location().toString());
    if (f.qualifiedName() != null) {
      lines.add(
          "resource: "
              + f.qualifiedName()
              + (f.resourceType() == null ? "" : " (" + f.resourceType() + ")"));
    }
    if (f.constructPath() != null) {
      lines.add("construct: " + f.constructPath());
    }
    if (f.fix() != null) {
      lines.add("fix: " + f.fix());
    }
    f.properties().forEach((k, v) -> lines.add(k + ": " + v));
    return String.join("\n", lines) + "\n";
  }

  private static void attribute(XMLStreamWriter x, String name, String value)
      throws XMLStreamException {
    x.writeAttribute(name, xmlChars(value));
  }

  private static void text(XMLStreamWriter x, String value) throws XMLStreamException {
    x.writeCharacters(xmlChars(value));
  }

  /**
   * Replaces what XML 1.0 cannot hold at all (most control characters, lone surrogates, U+FFFE and
   * U+FFFF) with U+FFFD: StAX writes them as they are and the report would not parse.
   */
  static String xmlChars(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      boolean ok =
          cp == 0x9
              || cp == 0xA
              || cp == 0xD
              || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD)
              || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!ok && b == null) {
        b = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (b != null) {
        if (ok) {
          b.appendCodePoint(cp);
        } else {
          b.append('\uFFFD');
        }
      }
      i += len;
    }
    return b == null ? s : b.toString();
  }
}
