package dev.netlint.model;

import dev.netlint.model.HostImage.Hypervisor;
import dev.netlint.model.HostImage.Os;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides the {@link HostImage} of an instance, launch template or launch configuration: the
 * operating system from the AMI ({@code ImageId}: an SSM public parameter path, a {@code
 * {{resolve:ssm:...}}} reference) or, when the AMI does not tell, from what its user data does; and
 * the platform (Nitro or Xen) from the instance type. An instance without {@code ImageId} takes the
 * image and instance type of its launch template, and runs that template's user data when it has
 * none of its own.
 *
 * <p>Sources: <a href="https://docs.aws.amazon.com/linux/al2023/ug/networking-service.html">AL2023
 * networking service</a>, <a
 * href="https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-nitro-instances.html">Instances
 * built on the AWS Nitro System</a>.
 */
final class HostImageConverter {
  /** Previous-generation families that run on Xen; every other current family is Nitro. */
  private static final Set<String> XEN_FAMILIES =
      Set.of(
          "t1", "t2", "m1", "m2", "m3", "m4", "c1", "c3", "c4", "r3", "r4", "x1", "x1e", "i2", "i3",
          "d2", "h1", "p2", "p3", "g2", "g3", "g3s", "f1", "cc2", "cr1", "hs1", "hi1");

  private final ModelIndex index;
  private final NetworkModel model;

  HostImageConverter(ModelIndex index) {
    this.index = index;
    this.model = index.model;
  }

  /** The host image of an instance, launch template or launch configuration of the model. */
  Optional<HostImage> hostImage(ResourceId host) {
    Resource r = model.resource(host).orElse(null);
    if (r == null
        || !(r.type().equals(ResourceTypes.INSTANCE)
            || r.type().equals(ResourceTypes.LAUNCH_TEMPLATE)
            || r.type().equals(ResourceTypes.LAUNCH_CONFIGURATION))) {
      return Optional.empty();
    }
    Resource template =
        Optional.ofNullable(index.placement.launches.get(host))
            .map(Launch::launchTemplate)
            .flatMap(model::resource)
            .orElse(null);
    Resource imageSource = r.property("ImageId") == null && template != null ? template : r;
    UserData userData =
        model
            .userData(host)
            .or(() -> template == null ? Optional.empty() : model.userData(template.id()))
            .orElse(null);
    return Optional.of(of(imageSource, userData));
  }

  /**
   * Reads the image and instance type of an instance, launch template or launch configuration, and,
   * when the AMI does not tell the operating system, what its user data does: a script run by
   * {@code /bin/ash} or installing with {@code apk} is Alpine Linux, one using {@code
   * amazon-linux-extras} is Amazon Linux 2.
   */
  static HostImage of(Resource resource, @Nullable UserData userData) {
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

  /** Reads the image and instance type of an instance, launch template or launch configuration. */
  static HostImage of(Resource resource) {
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
    return new HostImage(
        osOf(evidence),
        evidence,
        hypervisorOf(type),
        typeText(type),
        image == null ? null : image.render());
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
}
