package dev.netlint.model;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What netlint can tell, before deploy, about the host an instance boots: the operating system from
 * its AMI (an SSM public parameter path such as {@code
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
 * <p>Decided by the model for each instance, launch template and launch configuration ({@link
 * NetworkModel#hostImage}).
 *
 * @param os the operating system, or {@link Os#UNKNOWN}
 * @param osEvidence what told the operating system (the SSM parameter path), or empty
 * @param hypervisor the instance type's platform
 * @param instanceType the instance type as written, or empty when not known before deploy
 * @param imageId the {@code ImageId} as written, with deploy-time parts as {@code ${...}}, or null
 *     when not set
 */
public record HostImage(
    Os os,
    String osEvidence,
    Hypervisor hypervisor,
    String instanceType,
    @Nullable String imageId) {

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

  HostImage withOs(Os newOs, String evidence) {
    return new HostImage(newOs, evidence, hypervisor, instanceType, imageId);
  }

  /**
   * Whether {@code name} can be this host's interface at some device index: {@code Optional.of
   * (true)} when it can, {@code Optional.of(false)} when it cannot, empty when netlint cannot tell
   * (unknown operating system, or a platform whose naming it does not know).
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
