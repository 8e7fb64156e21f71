package dev.netlint.rules.userdata;

import dev.netlint.model.Resource;
import dev.netlint.model.ResourceTypes;
import dev.netlint.model.ShellCommand;
import dev.netlint.model.UserData;
import dev.netlint.model.Value;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What netlint can tell, before deploy, about the host an instance boots: the operating system
 * from its AMI (an SSM public parameter path such as {@code
 * /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}, or the parameter CDK's
 * {@code MachineImage.latestAmazonLinux2023()} writes) and whether its instance type runs on the
 * Nitro System or on Xen, which together decide the primary network interface's name.
 *
 * <p>Sources: <a href="https://docs.aws.amazon.com/linux/al2023/ug/networking-service.html">AL2023
 * networking service</a>, <a
 * href="https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-nitro-instances.html">Instances
 * built on the AWS Nitro System</a>, <a
 * href="https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-public-parameters-ami.html">Public
 * parameters for AMIs</a>.
 *
 * @param os the operating system, or {@link Os#UNKNOWN}
 * @param osEvidence what told the operating system (the SSM parameter path), or empty
 * @param hypervisor the instance type's platform
 * @param instanceType the instance type as written, or empty when not known before deploy
 */
public record HostImage(Os os, String osEvidence, Hypervisor hypervisor, String instanceType) {

  /** Operating systems whose interface naming netlint knows. */
  public enum Os {
    AMAZON_LINUX_2023("Amazon Linux 2023"),
    AMAZON_LINUX_2("Amazon Linux 2"),
    AMAZON_LINUX_1("Amazon Linux AMI"),
    ALPINE("Alpine Linux"),
    UBUNTU("Ubuntu"),
    DEBIAN("Debian"),
    WINDOWS("Windows"),
    UNKNOWN("an unknown operating system");

    private final String display;

    Os(String display) {
      this.display = display;
    }

    public String display() {
      return display;
    }
  }

  /** The platform an instance type runs on. */
  public enum Hypervisor {
    NITRO,
    XEN,
    UNKNOWN
  }

  /** Previous-generation families that run on Xen; every other current family is Nitro. */
  private static final Set<String> XEN_FAMILIES =
      Set.of(
          "t1", "t2", "m1", "m2", "m3", "m4", "c1", "c3", "c4", "r3", "r4", "x1", "x1e", "i2",
          "i3", "d2", "h1", "p2", "p3", "g2", "g3", "g3s", "f1", "cc2", "cr1", "hs1", "hi1");

  /**
   * Reads the image and instance type of an instance, launch template or launch configuration,
   * and, when the AMI does not tell the operating system, what its user data does: a script
   * run by {@code /bin/ash} or installing with {@code apk} is Alpine Linux, one using {@code
   * amazon-linux-extras} is Amazon Linux 2.
   */
  public static HostImage of(Resource resource, @Nullable UserData userData) {
    HostImage image = of(resource);
    if (image.os() != Os.UNKNOWN || userData == null) {
      return image;
    }
    String text = userData.text().stripLeading();
    for (ShellCommand c : userData.commands()) {
      String program = c.program().orElse("");
      if (program.equals("apk")) {
        return image.withOs(Os.ALPINE, "user data installs packages with apk");
      }
      if (program.equals("amazon-linux-extras")) {
        return image.withOs(Os.AMAZON_LINUX_2, "user data runs amazon-linux-extras");
      }
    }
    if (text.startsWith("#!/bin/ash")) {
      return image.withOs(Os.ALPINE, "user data is an ash script");
    }
    return image;
  }

  private HostImage withOs(Os newOs, String evidence) {
    return new HostImage(newOs, evidence, hypervisor, instanceType);
  }

  /** Reads the image and instance type of an instance, launch template or launch configuration. */
  public static HostImage of(Resource resource) {
    Value image;
    Value type;
    if (resource.type().equals(ResourceTypes.LAUNCH_TEMPLATE)
        && resource.property("LaunchTemplateData") instanceof Value.MapValue data) {
      image = data.get("ImageId");
      type = data.get("InstanceType");
    } else {
      image = resource.property("ImageId");
      type = resource.property("InstanceType");
    }
    String evidence = imageEvidence(image);
    return new HostImage(osOf(evidence), evidence, hypervisorOf(type), typeText(type));
  }

  private static String imageEvidence(@Nullable Value image) {
    if (image instanceof Value.Symbolic s && s.kind() == Value.Symbolic.Kind.SSM_PARAMETER) {
      return s.description();
    }
    if (image == null) {
      return "";
    }
    String text = image.literal().orElse("");
    // {{resolve:ssm:/aws/service/...}} left unresolved as text
    int i = text.indexOf("{{resolve:ssm:");
    if (i >= 0) {
      int end = text.indexOf("}}", i);
      return end < 0 ? text.substring(i + 14) : text.substring(i + 14, end);
    }
    return "";
  }

  static Os osOf(String evidence) {
    String e = evidence.toLowerCase(Locale.ROOT);
    if (e.isEmpty()) {
      return Os.UNKNOWN;
    }
    if (e.contains("al2023")) {
      return Os.AMAZON_LINUX_2023;
    }
    if (e.contains("amzn2-ami") || e.contains("amazon-linux-2/")) {
      return Os.AMAZON_LINUX_2;
    }
    if (e.contains("amzn-ami")) {
      return Os.AMAZON_LINUX_1;
    }
    if (e.contains("/canonical/ubuntu/") || e.contains("ubuntu")) {
      return Os.UBUNTU;
    }
    if (e.contains("/debian/")) {
      return Os.DEBIAN;
    }
    if (e.contains("windows")) {
      return Os.WINDOWS;
    }
    return Os.UNKNOWN;
  }

  private static String typeText(@Nullable Value type) {
    return type == null ? "" : type.literal().orElse("");
  }

  static Hypervisor hypervisorOf(@Nullable Value type) {
    String t = typeText(type).toLowerCase(Locale.ROOT);
    int dot = t.indexOf('.');
    if (dot <= 0) {
      return Hypervisor.UNKNOWN;
    }
    String family = t.substring(0, dot);
    if (family.equals("p3dn") || family.equals("i3en")) {
      return Hypervisor.NITRO;
    }
    return XEN_FAMILIES.contains(family) ? Hypervisor.XEN : Hypervisor.NITRO;
  }

  /**
   * Whether {@code name} can be this host's interface at some device index: {@code Optional.of
   * (true)} when it can, {@code Optional.of(false)} when it cannot, empty when netlint cannot
   * tell (unknown operating system, or a platform whose naming it does not know).
   */
  public Optional<Boolean> accepts(String name) {
    boolean eth = name.matches("eth\\d+");
    boolean ens = name.matches("ens\\d+");
    boolean enx = name.matches("enX\\d+");
    switch (os) {
      case AMAZON_LINUX_2023:
        // AL2023 names interfaces predictably: ens5.. on Nitro, enX0.. on Xen; never eth0.
        if (eth) {
          return Optional.of(false);
        }
        if (hypervisor == Hypervisor.NITRO) {
          return Optional.of(ens);
        }
        if (hypervisor == Hypervisor.XEN) {
          return Optional.of(enx);
        }
        return ens || enx ? Optional.empty() : Optional.of(false);
      case AMAZON_LINUX_2:
      case AMAZON_LINUX_1:
      case ALPINE:
        // Neither uses systemd's predictable names: the first interface is eth0 on any platform.
        return Optional.of(eth);
      case UBUNTU:
      case DEBIAN:
        if (hypervisor == Hypervisor.NITRO) {
          return Optional.of(ens);
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /**
   * True for the Amazon Linux AMI NAT images ({@code amzn-ami-vpc-nat-*}), which turn on IPv4
   * forwarding and masquerading at boot by themselves.
   *
   * <p>See <a href="https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html">NAT
   * instances</a>.
   */
  public boolean isNatAmi() {
    return osEvidence.toLowerCase(Locale.ROOT).contains("amzn-ami-vpc-nat");
  }

  /** The primary interface's name on this host, when known. */
  public Optional<String> primaryInterface() {
    if (os == Os.AMAZON_LINUX_2 || os == Os.AMAZON_LINUX_1 || os == Os.ALPINE) {
      return Optional.of("eth0");
    }
    if (hypervisor == Hypervisor.NITRO
        && (os == Os.AMAZON_LINUX_2023 || os == Os.UBUNTU || os == Os.DEBIAN)) {
      return Optional.of("ens5");
    }
    if (hypervisor == Hypervisor.XEN && os == Os.AMAZON_LINUX_2023) {
      return Optional.of("enX0");
    }
    return Optional.empty();
  }
}
