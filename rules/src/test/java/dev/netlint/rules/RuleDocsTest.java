package dev.netlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.RuleDescriptor;
import dev.netlint.engine.InputRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every rule, and every input finding, has its section in docs/rules.md, with the name and summary
 * of its metadata.
 */
class RuleDocsTest {

  @Test
  void everyRuleIsDocumented() throws IOException {
    Path docs = Path.of(System.getProperty("netlint.repo.dir", "..")).resolve("docs/rules.md");
    String text = Files.readString(docs, StandardCharsets.UTF_8);
    List<RuleDescriptor> all = new ArrayList<>(InputRules.all());
    for (var rule : BuiltInRules.all()) {
      all.add(RuleDescriptor.of(rule.getClass()));
    }
    for (RuleDescriptor d : all) {
      String section = "## " + d.id().toLowerCase(Locale.ROOT) + "\n";
      assertThat(text).as(d.id()).contains(section);
      String body = text.substring(text.indexOf(section));
      int next = body.indexOf("\n## ", section.length());
      body = next < 0 ? body : body.substring(0, next);
      assertThat(body).as(d.id())
          .contains("**" + d.id() + " `" + d.name() + "`** · " + d.defaultSeverity().label())
          .contains(d.summary())
          .contains("Source: " + d.source());
    }
  }
}
