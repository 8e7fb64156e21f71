package dev.netlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.RuleDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every rule has its section in docs/rules.md, with the name and summary of its metadata. */
class RuleDocsTest {

  @Test
  void everyRuleIsDocumented() throws IOException {
    Path docs = Path.of(System.getProperty("netlint.repo.dir", "..")).resolve("docs/rules.md");
    String text = Files.readString(docs, StandardCharsets.UTF_8);
    for (var rule : BuiltInRules.all()) {
      RuleDescriptor d = RuleDescriptor.of(rule.getClass());
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
