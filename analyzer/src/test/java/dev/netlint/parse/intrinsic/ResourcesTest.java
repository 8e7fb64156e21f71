package dev.netlint.parse.intrinsic;

import static dev.netlint.parse.intrinsic.Templates.problemLines;
import static dev.netlint.parse.intrinsic.Templates.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netlint.model.Resource;
import dev.netlint.model.ResourceId;
import dev.netlint.parse.cfn.StackSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  @Test
  void resourcesKeepTypeDependsOnConstructPathAndWhereTheyStand() {
    var template =
        Templates.template(
            """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Metadata:
                  aws:cdk:path: App/Vpc/Resource
              Subnet:
                Type: AWS::EC2::Subnet
                DependsOn: Vpc
              Nat:
                Type: AWS::EC2::NatGateway
                DependsOn: [Vpc, Subnet]
            """,
            "App.template.json");
    Resolution r =
        new StackResolver(Map.of())
            .resolve(
                new StackSource(
                    "App",
                    template,
                    "App",
                    Map.of("Vpc", "App/Ignored", "Subnet", "App/Subnet/Resource"),
                    Map.of()));
    assertThat(r.problems()).isEmpty();
    assertThat(r.stack().name()).isEqualTo("App");
    assertThat(r.stack().file()).isEqualTo("App.template.json");
    assertThat(r.stack().constructPath()).isEqualTo("App");
    assertThat(r.stack().resources().keySet()).containsExactly("Vpc", "Subnet", "Nat");

    Resource vpc = resource(r, "Vpc");
    assertThat(vpc.id()).isEqualTo(new ResourceId("App", "Vpc"));
    assertThat(vpc.type()).isEqualTo("AWS::EC2::VPC");
    assertThat(vpc.constructPath()).isEqualTo("App/Vpc/Resource");
    assertThat(vpc.origin().location().line()).isEqualTo(2);
    assertThat(vpc.origin().location().column()).isEqualTo(3);
    assertThat(vpc.origin().templatePath()).containsExactly("Resources", "Vpc");
    assertThat(vpc.properties()).isEmpty();
    assertThat(vpc.active()).isTrue();
    assertThat(vpc.condition()).isNull();

    assertThat(resource(r, "Subnet").constructPath()).isEqualTo("App/Subnet/Resource");
    assertThat(resource(r, "Subnet").dependsOn()).containsExactly("Vpc");
    assertThat(resource(r, "Nat").constructPath()).isNull();
    assertThat(resource(r, "Nat").dependsOn()).containsExactly("Vpc", "Subnet");
  }

  @Test
  void malformedResourcesAndFunctionsAreProblemsWithTheirLines() {
    Resolution r =
        Templates.resolve(
            """
            Resources:
              NoType:
                Properties: {}
              BadType:
                Type: [x]
              NotAMap: just-a-string
              Fn::ForEach::Subnets:
                - Id
                - [A, B]
                - Subnet${Id}: {Type: AWS::EC2::Subnet}
              BadProps:
                Type: AWS::Test::Thing
                Properties: [a]
              BadDeps:
                Type: AWS::Test::Thing
                DependsOn: [Missing, {Ref: x}]
              BadCond:
                Type: AWS::Test::Thing
                Condition: [x]
              Funcs:
                Type: AWS::Test::Thing
                Properties:
                  A: !Ref [x]
                  B: !Ref Missing
                  C: {"Fn::Foo": 1}
                  D: {"Fn::Transform": {Name: AWS::Include}}
                  E: {"Fn::Equals": [a, a]}
                  F: !ImportValue [a]
                  G: {"Fn::Length": plain}
                  Fn::ForEach::Tags: [X, [a], {Key: x}]
            """);
    assertThat(problemLines(r))
        .containsExactly(2, 5, 6, 7, 13, 16, 16, 19, 23, 24, 25, 26, 27, 28, 29, 30);
    assertThat(r.problems().get(0).message()).isEqualTo("resource NoType has no Type string");
    assertThat(r.problems().get(9).message())
        .isEqualTo("Ref Missing names no parameter, resource or pseudo parameter");
    assertThat(r.problems().get(10).message()).isEqualTo("unknown intrinsic function Fn::Foo");
    assertThat(r.problems())
        .allSatisfy(p -> assertThat(p.origin().location().file()).isEqualTo("t.yaml"));
    assertThat(r.stack().resources().keySet())
        .containsExactly("BadProps", "BadDeps", "BadCond", "Funcs");
    assertThat(resource(r, "BadDeps").dependsOn()).isEmpty();
    assertThat(resource(r, "Funcs").properties())
        .containsOnlyKeys("A", "B", "C", "D", "E", "F", "G");
  }

  @Test
  void sectionsOfTheWrongShapeAreProblems() {
    Resolution r =
        Templates.resolve(
            """
            Parameters: [a]
            Mappings:
            Conditions: x
            Resources:
              R: {Type: AWS::Test::Thing, Properties: {P: !Ref a}}
            """);
    assertThat(problemLines(r)).containsExactly(1, 3, 5);
  }

  @Test
  void duplicateProblemsAtTheSamePlaceAreReportedOnce() {
    Resolution r =
        Templates.resolve(
            """
            Parameters:
              P: {Type: Number, Default: x}
            Resources:
              R: {Type: AWS::Test::Thing, Properties: {A: !Ref P, B: !Ref P}}
            """);
    assertThat(problemLines(r)).containsExactly(2);
    assertThat(List.copyOf(r.problems())).hasSize(1);
  }

  @Test
  void circularDependenciesAreProblems() {
    var r =
        Templates.resolve(
            """
            Resources:
              A:
                Type: AWS::Test::Thing
                Properties: {P: !Ref B}
              B:
                Type: AWS::Test::Thing
                Properties: {P: !Sub "${C.Arn}"}
              C:
                Type: AWS::Test::Thing
                DependsOn: A
              D:
                Type: AWS::Test::Thing
                Properties: {P: !GetAtt D.Arn}
              E:
                Type: AWS::Test::Thing
                DependsOn: [A, D]
            """);
    assertThat(r.problems())
        .extracting(p -> p.message() + " @" + p.origin().location().line())
        .containsExactlyInAnyOrder(
            "circular dependency between resources A, B, C: CloudFormation refuses the template @2",
            "resource D depends on itself: CloudFormation refuses the template @11");
  }

  @Test
  void aTransformedTemplateIsNotJudgedForCircles() {
    var r =
        Templates.resolve(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {DeploymentPreference: {Alarms: [!Ref Alarm]}}
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties: {Dimensions: [{Name: F, Value: !Ref Fn}]}
            """);
    assertThat(r.problems()).isEmpty();
  }
}
