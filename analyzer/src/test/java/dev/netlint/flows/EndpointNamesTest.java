package dev.netlint.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.api.reach.Endpoint;
import dev.netlint.model.NetworkModel;
import dev.netlint.model.Origin;
import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.model.SourceLocation;
import dev.netlint.model.Stack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class EndpointNamesTest {
  private static final Origin O = new Origin(new SourceLocation("t", 1, 1), List.of());

  private static Resource resource(String stack, String id, @Nullable String path) {
    return new Resource(
        new ResourceId(stack, id), "AWS::EC2::Instance", Map.of(), O, path, null, true, List.of());
  }

  private static Stack stack(String name, Resource... resources) {
    Map<String, Resource> map = new LinkedHashMap<>();
    for (Resource r : resources) {
      map.put(r.logicalId(), r);
    }
    return new Stack(name, name + ".template.json", null, map, Map.of());
  }

  private static final NetworkModel MODEL =
      new NetworkModel(
          List.of(
              stack(
                  "Api",
                  resource("Api", "OrdersDb5D02A0A9", "Api/OrdersDb/Resource"),
                  resource("Api", "Web", "Api/Service/Web")),
              stack(
                  "Jobs",
                  resource("Jobs", "Web", "Jobs/Web"),
                  resource("Jobs", "AsgASG1234", "Jobs/Asg/ASG")),
              stack(
                  "Roles",
                  resource("Roles", "A", "Roles/Two/A"),
                  resource("Roles", "B", "Roles/Two/B"))));

  private static String resolve(String name) {
    EndpointNames.Resolution r = EndpointNames.resolve(MODEL, name);
    return r.found()
        ? r.endpoint().orElseThrow().toString()
            + (r.resource().isPresent() ? "@" + r.resource().get().id() : "")
        : r.problem();
  }

  @Test
  void resourcesByQualifiedIdConstructPathLogicalIdOrPathEnd() {
    assertThat(resolve("Api/Web")).isEqualTo("Web@Api/Web");
    assertThat(resolve("Api/OrdersDb")).isEqualTo("OrdersDb5D02A0A9@Api/OrdersDb5D02A0A9");
    assertThat(resolve("Api/OrdersDb/Resource")).isEqualTo("OrdersDb5D02A0A9@Api/OrdersDb5D02A0A9");
    assertThat(resolve("OrdersDb5D02A0A9")).isEqualTo("OrdersDb5D02A0A9@Api/OrdersDb5D02A0A9");
    assertThat(resolve("OrdersDb")).isEqualTo("OrdersDb5D02A0A9@Api/OrdersDb5D02A0A9");
    assertThat(resolve("Service/Web")).isEqualTo("Web@Api/Web");
    assertThat(resolve("Asg"))
        .as("a construct holding one resource")
        .isEqualTo("AsgASG1234@Jobs/AsgASG1234");
    assertThat(EndpointNames.resolve(MODEL, "Two").ambiguous()).isTrue();
  }

  @Test
  void aNameOfSeveralResourcesIsAmbiguous() {
    EndpointNames.Resolution r = EndpointNames.resolve(MODEL, "Web");
    assertThat(r.found()).isFalse();
    assertThat(r.ambiguous()).isTrue();
    assertThat(r.problem()).contains("names 2 resources (Api/Web, Jobs/Web)");
  }

  @Test
  void specialEnds() {
    assertThat(EndpointNames.resolve(MODEL, "internet").endpoint())
        .contains(new Endpoint.Internet());
    assertThat(EndpointNames.resolve(MODEL, "10.0.0.0/8").endpoint())
        .contains(new Endpoint.Cidr("10.0.0.0/8"));
    assertThat(EndpointNames.resolve(MODEL, "10.0.0.7").endpoint())
        .contains(new Endpoint.Cidr("10.0.0.7/32"));
    assertThat(EndpointNames.resolve(MODEL, "2001:db8::/32").endpoint())
        .contains(new Endpoint.Cidr("2001:db8::/32"));
    assertThat(EndpointNames.resolve(MODEL, "aws:ssm").endpoint())
        .contains(new Endpoint.AwsService("ssm"));
    assertThat(EndpointNames.resolve(MODEL, "Nope").problem())
        .contains("'Nope' is not a logical ID");
    assertThat(EndpointNames.resolve(MODEL, " ").found()).isFalse();
  }
}
