package dev.netlint.engine;

import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.RuleInfo;
import dev.netlint.api.Severity;
import java.util.List;

/**
 * The input findings: problems with the input itself, which the engine reports while loading,
 * before any rule runs. They use IDs NL001 to NL099.
 */
public final class InputRules {
  private InputRules() {}

  /** NL001: a file that cannot be read as a template. The command line exits 2. */
  @RuleInfo(
      id = "NL001",
      name = "unreadable-template",
      summary = "A file cannot be read as a CloudFormation template or cloud assembly",
      severity = Severity.ERROR,
      resourceTypes = {},
      source =
          "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html")
  public static final class UnreadableTemplate {
    private UnreadableTemplate() {}
  }

  /** NL002: a modeled resource that does not match its CloudFormation resource schema. */
  @RuleInfo(
      id = "NL002",
      name = "resource-schema-violation",
      summary = "A resource does not match its CloudFormation resource schema",
      severity = Severity.WARNING,
      resourceTypes = {},
      source =
          "https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html")
  public static final class ResourceSchemaViolation {
    private ResourceSchemaViolation() {}
  }

  /** NL003: an intrinsic function netlint cannot resolve, or that is malformed. */
  @RuleInfo(
      id = "NL003",
      name = "unresolved-intrinsic",
      summary = "An intrinsic function is malformed or refers to something that does not exist",
      severity = Severity.INFO,
      resourceTypes = {},
      source =
          "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html")
  public static final class UnresolvedIntrinsic {
    private UnresolvedIntrinsic() {}
  }

  /**
   * NL004: user data netlint does not analyze: a script line the shell grammar cannot read (the
   * lines before and after it are still analyzed), a Windows {@code <powershell>} or {@code
   * <script>} block, or user data whose whole value is known only at deploy time.
   */
  @RuleInfo(
      id = "NL004",
      name = "user-data-not-analyzed",
      summary = "User data, or a line of it, is not analyzed",
      severity = Severity.INFO,
      resourceTypes = {
        "AWS::EC2::Instance",
        "AWS::EC2::LaunchTemplate",
        "AWS::AutoScaling::LaunchConfiguration"
      },
      source = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html")
  public static final class UserDataNotAnalyzed {
    private UserDataNotAnalyzed() {}
  }

  /** NL005: a {@code .netlint.yaml} that is malformed or names what the templates do not hold. */
  @RuleInfo(
      id = "NL005",
      name = "invalid-configuration",
      summary = "A .netlint.yaml file is malformed or names a resource the templates do not hold",
      severity = Severity.ERROR,
      resourceTypes = {},
      source =
          "https://github.com/netlint/netlint/blob/main/docs/cli.md#declared-flows-netlintyaml")
  public static final class InvalidConfiguration {
    private InvalidConfiguration() {}
  }

  /**
   * NL006: netlint failed while analyzing a template or cloud assembly (a bug in netlint). The
   * other templates and assemblies are still analyzed and reported; the command line exits 3.
   */
  @RuleInfo(
      id = "NL006",
      name = "internal-error",
      summary = "netlint failed while analyzing this input",
      severity = Severity.ERROR,
      resourceTypes = {},
      source = "https://github.com/netlint/netlint/blob/main/docs/cli.md#exit-codes")
  public static final class InternalFailure {
    private InternalFailure() {}
  }

  /** NL007: a suppression that gives no reason (or no rule); it suppresses nothing. */
  @RuleInfo(
      id = "NL007",
      name = "suppression-without-reason",
      summary = "A suppression does not say which rule it accepts and why",
      severity = Severity.WARNING,
      resourceTypes = {},
      source = "https://github.com/netlint/netlint/blob/main/docs/suppressions.md")
  public static final class SuppressionWithoutReason {
    private SuppressionWithoutReason() {}
  }

  /** NL008: a suppression that matched no finding in the run. */
  @RuleInfo(
      id = "NL008",
      name = "unused-suppression",
      summary = "A suppression matches no finding",
      severity = Severity.INFO,
      resourceTypes = {},
      source = "https://github.com/netlint/netlint/blob/main/docs/suppressions.md")
  public static final class UnusedSuppression {
    private UnusedSuppression() {}
  }

  public static final RuleDescriptor UNREADABLE_TEMPLATE =
      RuleDescriptor.of(UnreadableTemplate.class);
  public static final RuleDescriptor RESOURCE_SCHEMA_VIOLATION =
      RuleDescriptor.of(ResourceSchemaViolation.class);
  public static final RuleDescriptor UNRESOLVED_INTRINSIC =
      RuleDescriptor.of(UnresolvedIntrinsic.class);
  public static final RuleDescriptor USER_DATA_NOT_ANALYZED =
      RuleDescriptor.of(UserDataNotAnalyzed.class);
  public static final RuleDescriptor INVALID_CONFIGURATION =
      RuleDescriptor.of(InvalidConfiguration.class);

  /**
   * NL006, apart from {@link #all()}: it is reported, and listed among a result's rules, only when
   * netlint fails on an input, so that reports of runs that did not fail stay as they were.
   */
  public static final RuleDescriptor INTERNAL_ERROR = RuleDescriptor.of(InternalFailure.class);

  public static final RuleDescriptor SUPPRESSION_WITHOUT_REASON =
      RuleDescriptor.of(SuppressionWithoutReason.class);
  public static final RuleDescriptor UNUSED_SUPPRESSION =
      RuleDescriptor.of(UnusedSuppression.class);

  /**
   * NL007 and NL008, apart from {@link #all()}: a result lists them only when its inputs hold a
   * suppression, so that reports of runs without one stay as they were.
   */
  public static List<RuleDescriptor> suppressionRules() {
    return List.of(SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION);
  }

  /** Every input-finding descriptor, sorted by ID. */
  public static List<RuleDescriptor> all() {
    return List.of(
        UNREADABLE_TEMPLATE,
        RESOURCE_SCHEMA_VIOLATION,
        UNRESOLVED_INTRINSIC,
        USER_DATA_NOT_ANALYZED,
        INVALID_CONFIGURATION);
  }
}
