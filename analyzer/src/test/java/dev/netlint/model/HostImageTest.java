package dev.netlint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostImageTest {
  private static final Origin O = new Origin(new SourceLocation("t", 1, 1), List.of());

  private static Resource instance(Value image, String type) {
    Map<String, Value> props = new LinkedHashMap<>();
    props.put("ImageId", image);
    props.put("InstanceType", new Value.Text(type, O));
    return new Resource(
        new ResourceId("S", "Nat"), "AWS::EC2::Instance", props, O, null, null, true, List.of());
  }

  private static Value ssm(String path) {
    return new Value.Symbolic(Value.Symbolic.Kind.SSM_PARAMETER, path, O);
  }

  @Test
  void al2023OnNitroIsEns5AndNeverEth0() {
    HostImage h =
        HostImageConverter.of(
            instance(
                ssm("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64"),
                "t3.micro"));
    assertThat(h.os()).isEqualTo(HostImage.Os.AMAZON_LINUX_2023);
    assertThat(h.hypervisor()).isEqualTo(HostImage.Hypervisor.NITRO);
    assertThat(h.accepts("eth0")).contains(false);
    assertThat(h.accepts("ens5")).contains(true);
    assertThat(h.primaryInterface()).contains("ens5");
  }

  @Test
  void al2023OnXenIsEnX0() {
    HostImage h =
        HostImageConverter.of(
            instance(
                ssm("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"),
                "t2.micro"));
    assertThat(h.hypervisor()).isEqualTo(HostImage.Hypervisor.XEN);
    assertThat(h.accepts("eth0")).contains(false);
    assertThat(h.accepts("enX0")).contains(true);
  }

  @Test
  void amazonLinux2KeepsEth0() {
    HostImage h =
        HostImageConverter.of(
            instance(
                ssm("/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"), "c5.large"));
    assertThat(h.os()).isEqualTo(HostImage.Os.AMAZON_LINUX_2);
    assertThat(h.accepts("eth0")).contains(true);
    assertThat(h.accepts("ens5")).contains(false);
  }

  @Test
  void dynamicReferenceTellsTheOs() {
    HostImage h =
        HostImageConverter.of(
            instance(
                new Value.Text(
                    "{{resolve:ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id}}",
                    O),
                "m7i.large"));
    assertThat(h.os()).isEqualTo(HostImage.Os.UBUNTU);
    assertThat(h.accepts("eth0")).contains(false);
  }

  @Test
  void literalAmiIsUnknown() {
    HostImage h =
        HostImageConverter.of(instance(new Value.Text("ami-0123456789abcdef0", O), "t3.micro"));
    assertThat(h.os()).isEqualTo(HostImage.Os.UNKNOWN);
    assertThat(h.accepts("eth0")).isEqualTo(Optional.empty());
  }

  @Test
  void anAlpineScriptKeepsEth0WhenTheAmiIsUnknown() {
    Resource r = instance(new Value.Text("ami-0123456789abcdef0", O), "t4g.nano");
    dev.netlint.model.UserData ud =
        dev.netlint.parse.userdata.UserDataReader.read(
            new Value.Text("#!/bin/ash\napk add iptables\niptables -o eth0 -j MASQUERADE\n", O), O);
    HostImage h = HostImageConverter.of(r, ud);
    assertThat(h.os()).isEqualTo(HostImage.Os.ALPINE);
    assertThat(h.accepts("eth0")).contains(true);
    assertThat(HostImageConverter.of(r, null).os()).isEqualTo(HostImage.Os.UNKNOWN);
  }

  @Test
  void natAmisAreRecognisedFromTheirName() {
    HostImage nat =
        HostImageConverter.of(
            instance(
                ssm("/platform/ami/amzn-ami-vpc-nat-2018.03.0.20231218.0-x86_64-ebs"), "t3.micro"));
    assertThat(nat.isNatAmi()).isTrue();
    assertThat(nat.os()).isEqualTo(HostImage.Os.AMAZON_LINUX_1);
    HostImage plain =
        HostImageConverter.of(
            instance(
                ssm("/aws/service/ami-amazon-linux-latest/amzn-ami-hvm-x86_64-gp2"), "t3.micro"));
    assertThat(plain.isNatAmi()).isFalse();
  }
}
