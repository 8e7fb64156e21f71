package dev.netlint.parse.userdata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netlint.model.Origin;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.userdata.UserDataReader;
import java.util.List;

/**
 * Fuzz target for user data: the shell grammar, cloud-init and MIME multipart (chosen by the text
 * itself) and host facts. Reading never throws, and host-fact extraction never fails: a {@link
 * HostFactsExtractor.Failure} is a bug the engine would report as NL004.
 */
class HostFactsFuzzTest {
  private static final Origin AT =
      new Origin(new SourceLocation("fuzz.yaml", 1, 1), List.of("Resources", "R", "UserData"));

  @FuzzTest(maxDuration = "2m")
  void userData(String script) {
    UserData ud = UserDataReader.read(new Value.Text(script, AT), AT);
    HostFactsExtractor.Extraction x = HostFactsExtractor.read(ud);
    assertThat(x.failure()).isNull();
  }
}
