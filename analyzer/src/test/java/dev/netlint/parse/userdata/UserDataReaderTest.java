package dev.netlint.parse.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Origin;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserDataReaderTest {
  private static final Origin AT =
      new Origin(new SourceLocation("t.yaml", 3, 7), List.of("UserData"));

  private static UserData read(String text) {
    return UserDataReader.read(new Value.Text(text, AT), AT);
  }

  @Test
  void cloudConfigRuncmdIsShell() {
    UserData ud =
        read(
            "#cloud-config\npackages: [iptables]\nruncmd:\n  - sysctl -w net.ipv4.ip_forward=1\n"
                + "  - iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE\n"
                + "  - [ip, link, set, eth0, up]\n");
    assertThat(ud.format()).isEqualTo(UserData.Format.CLOUD_CONFIG);
    assertThat(ud.commands())
        .extracting(c -> c.program().orElse("?"))
        .containsExactly("sysctl", "iptables", "ip");
    assertThat(ud.commands().get(1).line()).isEqualTo(5);
    assertThat(ud.commands().get(1).part()).isEqualTo("runcmd");
  }

  @Test
  void multipartPartsAreRead() {
    String mime =
        "Content-Type: multipart/mixed; boundary=\"+AWS+CDK+User+Data+Separator==\"\n"
            + "MIME-Version: 1.0\n\n"
            + "--+AWS+CDK+User+Data+Separator==\n"
            + "Content-Type: text/x-shellscript; charset=\"utf-8\"\n\n"
            + "#!/bin/bash\niptables -o eth0 -j MASQUERADE\n"
            + "--+AWS+CDK+User+Data+Separator==--\n";
    UserData ud = read(mime);
    assertThat(ud.format()).isEqualTo(UserData.Format.MULTIPART);
    ShellCommand c = ud.commands().get(0);
    assertThat(c.program()).contains("iptables");
    assertThat(c.part()).isEqualTo("part 1");
  }

  @Test
  void windowsUserDataIsRecognisedNotRead() {
    assertThat(read("<powershell>\nGet-NetAdapter\n</powershell>").format())
        .isEqualTo(UserData.Format.WINDOWS);
  }

  @Test
  void wholeValueUnknownIsOpaque() {
    UserData ud =
        UserDataReader.read(new Value.Symbolic(Value.Symbolic.Kind.PARAMETER, "Script", AT), AT);
    assertThat(ud.format()).isEqualTo(UserData.Format.OPAQUE);
    assertThat(ud.commands()).isEmpty();
  }
}
