package dev.netlint.rules.reach;

import dev.netlint.api.Finding;
import dev.netlint.api.Rule;
import dev.netlint.api.RuleContext;
import dev.netlint.api.RuleDescriptor;
import dev.netlint.api.Severity;
import dev.netlint.api.reach.Endpoint;
import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Hop;
import dev.netlint.api.reach.PortRange;
import dev.netlint.api.reach.Protocol;
import dev.netlint.api.reach.ReachResult;
import dev.netlint.api.reach.Reachability;
import dev.netlint.api.reach.Verdict;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.SourceLocation;
import dev.netlint.parse.cfn.StackSource;
import dev.netlint.parse.cfn.Template;
import dev.netlint.parse.cfn.TemplateLoader;
import dev.netlint.parse.intrinsic.StackResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs a flow rule over a small template with a fake reachability that answers what the test says,
 * so that the rules are tested apart from the graph.
 */
final class ReachTesting {
  private ReachTesting() {}

  static final String STACK = "t";
  static final String FILE = "t.yaml";

  /** The model of a template whose {@code Resources} are {@code resources}. */
  static NetworkModel model(String resources) {
    try {
      String text = "Resources:\n" + resources;
      var root =
          new TemplateLoader()
              .parse(text.getBytes(StandardCharsets.UTF_8), TemplateLoader.Format.YAML, FILE);
      Template template = new Template(Path.of(FILE), FILE, root);
      var resolution = StackResolver.resolveAll(List.of(StackSource.lone(STACK, template))).get(0);
      return new NetworkModel(List.of(resolution.stack()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static ResourceId id(String logicalId) {
    return new ResourceId(STACK, logicalId);
  }

  static Endpoint.Workload workload(String logicalId) {
    return new Endpoint.Workload(id(logicalId));
  }

  /** Where a resource's logical ID stands in the model. */
  static Origin origin(NetworkModel model, String logicalId) {
    return model.resource(id(logicalId)).map(Resource::origin).orElseThrow();
  }

  static Origin at(int line) {
    return new Origin(new SourceLocation(FILE, line, 1), List.of("Resources"));
  }

  static Flow flow(Endpoint from, Endpoint to, int port, Flow.Kind kind, Origin origin) {
    return new Flow(
        from,
        to,
        Protocol.TCP,
        PortRange.of(port),
        kind,
        Verdict.REACHABLE,
        "evidence " + kind,
        origin);
  }

  static Hop hop(Hop.Kind kind, @Nullable String element, @Nullable Origin origin, Verdict v) {
    return new Hop(kind, element == null ? null : id(element), origin, v, kind + " detail");
  }

  static ReachResult blocked(Hop... hops) {
    return new ReachResult(Verdict.BLOCKED, List.of(hops), "blocked");
  }

  /** A reachability that answers from a table and UNKNOWN otherwise. */
  static final class FakeReachability implements Reachability {
    private final Map<List<Object>, ReachResult> answers = new HashMap<>();
    final List<List<Object>> asked = new ArrayList<>();

    FakeReachability answer(Flow flow, ReachResult result) {
      answers.put(key(flow.source(), flow.destination(), flow.protocol(), flow.ports()), result);
      return this;
    }

    private static List<Object> key(Endpoint s, Endpoint d, Protocol p, PortRange r) {
      return List.of(s, d, p, r);
    }

    @Override
    public ReachResult reach(
        Endpoint source, Endpoint destination, Protocol protocol, PortRange ports) {
      List<Object> key = key(source, destination, protocol, ports);
      asked.add(key);
      return answers.getOrDefault(key, new ReachResult(Verdict.UNKNOWN, List.of(), "not modeled"));
    }

    @Override
    public List<Endpoint.Workload> workloads() {
      return List.of();
    }
  }

  /** Runs {@code rule} and returns its findings. */
  static List<Finding> run(
      Rule rule, NetworkModel model, Reachability reachability, List<Flow> flows) {
    List<Finding> findings = new ArrayList<>();
    RuleDescriptor descriptor = RuleDescriptor.of(rule.getClass());
    rule.check(
        new RuleContext() {
          @Override
          public NetworkModel model() {
            return model;
          }

          @Override
          public RuleDescriptor rule() {
            return descriptor;
          }

          @Override
          public Reachability reachability() {
            return reachability;
          }

          @Override
          public List<Flow> flows() {
            return flows;
          }

          @Override
          public void report(
              Severity severity,
              Resource resource,
              Origin at,
              String message,
              @Nullable String fix,
              Map<String, String> properties) {
            findings.add(
                new Finding(
                    descriptor.id(),
                    severity,
                    message,
                    fix,
                    at.location(),
                    at.templatePath(),
                    resource.id().stack(),
                    resource.logicalId(),
                    resource.type(),
                    resource.constructPath(),
                    properties));
          }
        });
    return findings;
  }
}
