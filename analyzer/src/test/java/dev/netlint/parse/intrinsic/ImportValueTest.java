package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.prop;
import static dev.netlint.parse.intrinsic.Templates.symbolic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.ResourceId;
import dev.netlint.model.Value;
import dev.netlint.model.Value.Symbolic.Kind;
import dev.netlint.parse.cfn.StackSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportValueTest {

  private static final String NETWORK =
      """
      Parameters:
        Cidr: {Type: String, Default: 10.0.0.0/16}
      Conditions:
        Never: !Equals [a, b]
      Resources:
        Vpc:
          Type: AWS::EC2::VPC
        SubnetA:
          Type: AWS::EC2::Subnet
        SubnetB:
          Type: AWS::EC2::Subnet
      Outputs:
        VpcId:
          Value: !Ref Vpc
          Export: {Name: Network:VpcId}
        Cidr:
          Value: !Ref Cidr
          Export: {Name: !Sub 'Network:Cidr'}
        Subnets:
          Value: !Join [',', [!Ref SubnetA, !Ref SubnetB]]
          Export: {Name: Network:Subnets}
        PerStack:
          Value: !Ref Vpc
          Export: {Name: !Sub '${AWS::StackName}:VpcId'}
        Hidden:
          Condition: Never
          Value: !Ref Vpc
          Export: {Name: Network:Hidden}
        NotExported:
          Value: !Ref Vpc
      """;

  private static final String APP =
      """
      Resources:
        Sg:
          Type: AWS::EC2::SecurityGroup
          Properties:
            VpcId: !ImportValue Network:VpcId
            Cidr: {"Fn::ImportValue": !Sub 'Network:${Suffix}'}
            Second: !Select [1, !Split [',', !ImportValue Network:Subnets]]
            Outside: !ImportValue Shared:VpcId
            Hidden: !ImportValue Network:Hidden
            Computed: !ImportValue {"Fn::Sub": '${AWS::StackName}-x'}
      Parameters:
        Suffix: {Type: String, Default: Cidr}
      """;

  @Test
  void exportsAreOutputsWithALiteralExportName() {
    Resolution network =
        new StackResolver(Map.of())
            .resolve(StackSource.lone("Network", Templates.template(NETWORK, "network.yaml")));
    assertThat(network.problems()).isEmpty();
    assertThat(network.stack().exports().keySet())
        .containsExactly("Network:VpcId", "Network:Cidr", "Network:Subnets");
    assertThat(network.stack().exports().get("Network:Cidr").literal()).hasValue("10.0.0.0/16");
  }

  @Test
  void resolveAllResolvesExportersFirstAndReturnsInputOrder() {
    StackSource app = StackSource.lone("App", Templates.template(APP, "app.yaml"));
    StackSource network = StackSource.lone("Network", Templates.template(NETWORK, "network.yaml"));
    List<Resolution> all = StackResolver.resolveAll(List.of(app, network));
    assertThat(all).extracting(r -> r.stack().name()).containsExactly("App", "Network");
    Resolution r = all.get(0);
    assertThat(r.problems()).isEmpty();

    Value vpcId = prop(r, "Sg", "VpcId");
    assertThat(vpcId).isInstanceOf(Value.ResourceRef.class);
    assertThat(((Value.ResourceRef) vpcId).target()).isEqualTo(new ResourceId("Network", "Vpc"));
    assertThat(vpcId.origin().location().file()).isEqualTo("app.yaml");
    assertThat(vpcId.origin().location().line()).isEqualTo(5);

    assertThat(prop(r, "Sg", "Cidr").literal()).hasValue("10.0.0.0/16");
    Value second = prop(r, "Sg", "Second");
    assertThat(second).isInstanceOf(Value.ResourceRef.class);
    assertThat(((Value.ResourceRef) second).target())
        .isEqualTo(new ResourceId("Network", "SubnetB"));

    Value.Symbolic outside = symbolic(prop(r, "Sg", "Outside"));
    assertThat(outside.kind()).isEqualTo(Kind.IMPORT);
    assertThat(outside.description()).isEqualTo("Shared:VpcId");
    assertThat(symbolic(prop(r, "Sg", "Hidden")).kind()).isEqualTo(Kind.IMPORT);
    Value.Symbolic computed = symbolic(prop(r, "Sg", "Computed"));
    assertThat(computed.kind()).isEqualTo(Kind.IMPORT);
    assertThat(computed.description()).isEqualTo("${AWS::StackName}-x");
  }

  @Test
  void resolveAllFollowsChainsOfImports() {
    String middle =
        """
        Resources:
          Thing:
            Type: AWS::Test::Thing
        Outputs:
          Relay:
            Value: !ImportValue Network:VpcId
            Export: {Name: Middle:VpcId}
        """;
    String last =
        """
        Resources:
          Sg:
            Type: AWS::EC2::SecurityGroup
            Properties:
              VpcId: !ImportValue Middle:VpcId
        """;
    List<Resolution> all =
        StackResolver.resolveAll(
            List.of(
                StackSource.lone("Last", Templates.template(last, "last.yaml")),
                StackSource.lone("Middle", Templates.template(middle, "middle.yaml")),
                StackSource.lone("Network", Templates.template(NETWORK, "network.yaml"))));
    Value vpcId = prop(all.get(0), "Sg", "VpcId");
    assertThat(vpcId).isInstanceOf(Value.ResourceRef.class);
    assertThat(((Value.ResourceRef) vpcId).target()).isEqualTo(new ResourceId("Network", "Vpc"));
  }

  @Test
  void importCyclesResolveInInputOrderWithoutFailing() {
    String a =
        """
        Resources:
          X: {Type: AWS::Test::Thing, Properties: {In: !ImportValue B:Out}}
        Outputs:
          Out: {Value: !Ref X, Export: {Name: A:Out}}
        """;
    String b =
        """
        Resources:
          Y: {Type: AWS::Test::Thing, Properties: {In: !ImportValue A:Out}}
        Outputs:
          Out: {Value: !Ref Y, Export: {Name: B:Out}}
        """;
    List<Resolution> all =
        StackResolver.resolveAll(
            List.of(
                StackSource.lone("A", Templates.template(a, "a.yaml")),
                StackSource.lone("B", Templates.template(b, "b.yaml"))));
    assertThat(symbolic(prop(all.get(0), "X", "In")).kind()).isEqualTo(Kind.IMPORT);
    assertThat(prop(all.get(1), "Y", "In")).isInstanceOf(Value.ResourceRef.class);
  }

  @Test
  void exportsGivenToTheConstructorAreUsed() {
    var origin =
        new dev.netlint.model.Origin(
            dev.netlint.model.SourceLocation.ofFile("other.yaml"), List.of());
    Resolution r =
        new StackResolver(Map.of("Shared:VpcId", new Value.Text("vpc-123", origin)))
            .resolve(StackSource.lone("App", Templates.template(APP, "app.yaml")));
    Value outside = prop(r, "Sg", "Outside");
    assertThat(outside.literal()).hasValue("vpc-123");
    assertThat(outside.origin().location().file()).isEqualTo("app.yaml");
  }
}
