package dev.netlint.parse.userdata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.HostValue;
import dev.netlint.model.Origin;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import dev.netlint.parse.userdata.UserDataReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shell variables are evaluated as the shell does, with bounded work however they fan out. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WordsTest {
  private static final Origin AT =
      new Origin(new SourceLocation("t.yaml", 3, 7), List.of("Resources", "Nat", "UserData"));

  /** The value of the first argument of the script's last command. */
  private static HostValue lastArgument(String script) {
    UserData ud = UserDataReader.read(new Value.Text(script, AT), AT);
    int last = ud.commands().size() - 1;
    ShellCommand c = ud.commands().get(last);
    return Words.value(c.arguments().get(0), ud, last);
  }

  private static String refs(String name, int count) {
    return ("$" + name).repeat(count);
  }

  @Test
  void anAssignmentReadsThePreviousValueOfItsVariable() {
    HostValue v = lastArgument("#!/bin/bash\nx=eth\nx=\"${x}0\"\necho \"$x\"\n");
    assertThat(v.literalText()).hasValue("eth0");
  }

  @Test
  void aPrefixAssignmentReadsThePreviousValueToo() {
    HostValue v = lastArgument("#!/bin/bash\nx=a\nx=\"$x$x\"\nx=\"$x$x\"\necho \"$x\"\n");
    assertThat(v.literalText()).hasValue("aaaa");
  }

  /** Issue 11 defect 5: x="$x$x...$x" (20 references) then echo "$x" hung. */
  @Test
  void aSelfReferenceOfAnUnsetVariableIsUnknownAtOnce() {
    HostValue v = lastArgument("#!/bin/bash\nx=\"" + refs("x", 20) + "\"\necho \"$x\"\n");
    assertThat(v.kind()).isEqualTo(HostValue.Kind.UNKNOWN);
  }

  /** Issue 11 defect 4: a1="$a0$a0..." (20 references) up to a7, then echo "$a7": 6 GiB. */
  @Test
  void valuesThatFanOutStopAtTheLengthLimit() {
    StringBuilder script = new StringBuilder("#!/bin/bash\na0=abcd\n");
    for (int i = 1; i <= 7; i++) {
      script.append('a').append(i).append("=\"").append(refs("a" + (i - 1), 20)).append("\"\n");
    }
    assertThat(lastArgument(script + "echo \"$a3\"\n").literalText())
        .hasValueSatisfying(t -> assertThat(t).hasSize(4 * 20 * 20 * 20));
    assertThat(lastArgument(script + "echo \"$a7\"\n").kind()).isEqualTo(HostValue.Kind.UNKNOWN);
  }

  @Test
  void emptyValuesThatFanOutAreEvaluatedOnceEach() {
    StringBuilder script = new StringBuilder("#!/bin/bash\nexport a0=\n");
    for (int i = 1; i <= 7; i++) {
      script
          .append("export a")
          .append(i)
          .append("=\"")
          .append(refs("a" + (i - 1), 20))
          .append("\"\n");
    }
    HostValue v = lastArgument(script + "echo \"$a7\"\n");
    assertThat(v.literalText()).hasValue("");
  }

  @Test
  void aValueAtTheLimitIsKeptAndOneOverItIsUnknown() {
    String under = "x".repeat(Words.MAX_VALUE_LENGTH / 2);
    String script = "#!/bin/bash\na=" + under + "\nb=\"$a$a\"\nc=\"$b$a\"\n";
    assertThat(lastArgument(script + "echo \"$b\"\n").literalText())
        .hasValueSatisfying(t -> assertThat(t).hasSize(Words.MAX_VALUE_LENGTH));
    assertThat(lastArgument(script + "echo \"$c\"\n").kind()).isEqualTo(HostValue.Kind.UNKNOWN);
  }
}
