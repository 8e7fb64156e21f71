package dev.netlint.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.AnalysisResult;
import dev.netlint.api.Finding;
import dev.netlint.api.Severity;
import dev.netlint.model.SourceLocation;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportTest {

  private static Document parse(AnalysisResult result) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(Samples.render(Format.JUNIT, result)));
  }

  private static List<Element> elements(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static Element testcase(Document doc, String name) {
    return elements(doc, "testcase").stream()
        .filter(e -> e.getAttribute("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no testcase " + name));
  }

  @Test
  void countsMatchTheTestcases() throws Exception {
    Document doc = parse(Samples.mixed());
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    List<Element> suite = elements(doc, "testsuite");
    assertThat(suite).hasSize(1);
    assertThat(suite.get(0).getAttribute("name")).isEqualTo("netlint");
    List<Element> cases = elements(doc, "testcase");
    List<Element> failures = elements(doc, "failure");
    // 4 findings plus clean.yaml; NL001, NL101 (errors) and NL202 (warning) fail, NL301 (info)
    // passes.
    assertThat(cases).hasSize(5);
    assertThat(failures).hasSize(3);
    for (Element e : List.of(suites, suite.get(0))) {
      assertThat(e.getAttribute("tests")).isEqualTo(Integer.toString(cases.size()));
      assertThat(e.getAttribute("failures")).isEqualTo(Integer.toString(failures.size()));
      assertThat(e.getAttribute("errors")).isEqualTo("0");
    }
    assertThat(cases)
        .extracting(e -> e.getAttribute("classname"))
        .containsExactly(
            "broken.yaml",
            "cdk.out/NetStack.template.json",
            "cdk.out/NetStack.template.json",
            "clean.yaml",
            "web.yaml");
  }

  @Test
  void failureCarriesSeverityMessageAndDetails() throws Exception {
    Document doc = parse(Samples.mixed());
    Element full = testcase(doc, "NL101 NetStack/PublicSubnet line 12");
    assertThat(full.getAttribute("classname")).isEqualTo("cdk.out/NetStack.template.json");
    Element failure = (Element) full.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("error");
    assertThat(failure.getAttribute("message"))
        .isEqualTo("Subnet PublicSubnet routes 0.0.0.0/0 to nothing; " + Samples.TRICKY);
    assertThat(failure.getTextContent())
        .contains("cdk.out/NetStack.template.json:12:7")
        .contains("resource: NetStack/PublicSubnet (AWS::EC2::Subnet)")
        .contains("construct: NetStack/Vpc/PublicSubnet/Subnet")
        .contains("fix: Add a route to 0.0.0.0/0 through the internet gateway.")
        .contains("scriptLine: 3");

    Element warning = testcase(doc, "NL202 NetStack/Nat line 40");
    assertThat(((Element) warning.getElementsByTagName("failure").item(0)).getAttribute("type"))
        .isEqualTo("warning");

    Element wholeFile = testcase(doc, "NL001");
    assertThat(wholeFile.getAttribute("classname")).isEqualTo("broken.yaml");
    assertThat(
            ((Element) wholeFile.getElementsByTagName("failure").item(0)).getAttribute("message"))
        .contains(Samples.TRICKY);
  }

  @Test
  void infoPassesAndCleanFileGetsOnePassingTestcase() throws Exception {
    Document doc = parse(Samples.mixed());
    Element info = testcase(doc, "NL301 web/SpareSg line 5");
    assertThat(info.getElementsByTagName("failure").getLength()).isZero();
    assertThat(info.getElementsByTagName("system-out").item(0).getTextContent())
        .startsWith("security group SpareSg is attached to nothing");
    Element clean = testcase(doc, "netlint");
    assertThat(clean.getAttribute("classname")).isEqualTo("clean.yaml");
    assertThat(clean.getChildNodes().getLength()).isZero();
  }

  @Test
  void cleanRunHasOnePassingTestcasePerFile() throws Exception {
    Document doc = parse(Samples.clean());
    assertThat(elements(doc, "testcase"))
        .extracting(e -> e.getAttribute("classname") + " " + e.getAttribute("name"))
        .containsExactly("a.yaml netlint", "b/c.json netlint");
    assertThat(elements(doc, "failure")).isEmpty();
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("2");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    assertThat(((Element) doc.getElementsByTagName("property").item(0)).getAttribute("value"))
        .isEqualTo(Samples.VERSION);
  }

  @Test
  void charactersXmlCannotHoldAreReplacedSoTheReportStillParses() throws Exception {
    Finding f =
        new Finding(
            "NL003",
            Severity.WARNING,
            "bad \u0000 byte \u001b[31m and lone \ud800 surrogate, emoji \ud83d\ude00 kept",
            null,
            new SourceLocation("t.yaml", 2, 1),
            List.of(),
            "t",
            "Res\u0001",
            null,
            null,
            Map.of());
    Document doc = parse(new AnalysisResult(List.of(f), List.of(), List.of("t.yaml"), false));
    Element failure = elements(doc, "failure").get(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("bad \ufffd byte \ufffd[31m and lone \ufffd surrogate, emoji \ud83d\ude00 kept");
    assertThat(elements(doc, "testcase").get(0).getAttribute("name"))
        .isEqualTo("NL003 t/Res\ufffd line 2");
  }
}
