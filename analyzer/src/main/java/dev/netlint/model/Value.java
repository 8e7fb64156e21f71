package dev.netlint.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A template value after intrinsic functions are resolved. What is known before deploy is literal
 * ({@link Text}, {@link Num}, {@link Bool}, {@link ListValue}, {@link MapValue}); what is not stays
 * symbolic and says where it comes from ({@link ResourceRef}, {@link Attribute}, {@link Symbolic}),
 * and a string built from both is a {@link Concat}. netlint never guesses a concrete value for a
 * symbolic one.
 *
 * <p>Follows <a
 * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">Intrinsic
 * function reference</a>.
 */
public sealed interface Value {

  /** Where the value (or the intrinsic function that produced it) stands in the template. */
  Origin origin();

  /** A string. */
  record Text(String value, Origin origin) implements Value {}

  /** A number, kept in its template spelling ({@code 443}, {@code 0.5}). */
  record Num(String text, Origin origin) implements Value {}

  /** A boolean. */
  record Bool(boolean value, Origin origin) implements Value {}

  /** An explicit YAML/JSON null. */
  record Null(Origin origin) implements Value {}

  /** {@code Ref: AWS::NoValue}: the property is removed. */
  record NoValue(Origin origin) implements Value {}

  /** A list. */
  record ListValue(List<Value> items, Origin origin) implements Value {
    public ListValue {
      items = List.copyOf(items);
    }
  }

  /** A map, in template order. */
  record MapValue(Map<String, Value> entries, Origin origin) implements Value {
    public MapValue {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    public @Nullable Value get(String key) {
      return entries.get(key);
    }
  }

  /**
   * {@code Ref} to a resource of the same cloud assembly: the resource's physical ID, known only
   * after deploy, but the model knows which resource it is.
   */
  record ResourceRef(ResourceId target, Origin origin) implements Value {}

  /** {@code Fn::GetAtt} of a resource attribute ({@code NatInstance.PrivateIp}). */
  record Attribute(ResourceId target, String attribute, Origin origin) implements Value {}

  /**
   * A value that cannot be known before deploy, with what it comes from.
   *
   * @param kind why it is symbolic
   * @param description what it comes from, for people ({@code VpcCidr}, {@code Fn::Select(0,
   *     Fn::Cidr(Vpc.CidrBlock, 4, 8))})
   * @param origin where it stands in the template
   * @param computation how it is computed from other values when the model may know them, so that a
   *     converter can finish the computation; null when there is nothing to finish
   */
  record Symbolic(Kind kind, String description, Origin origin, @Nullable Computation computation)
      implements Value {

    /** A symbolic value the model cannot compute further. */
    public Symbolic(Kind kind, String description, Origin origin) {
      this(kind, description, origin, null);
    }

    /**
     * How the resolver would have computed a value had all its inputs been literal, in typed parts:
     * the model, which knows more (a VPC's {@code CidrBlock} behind {@code Fn::GetAtt}), finishes
     * it.
     */
    public sealed interface Computation {}

    /**
     * {@code Fn::Cidr(ipBlock, count, cidrBits)} with literal count and bits: {@code count}
     * consecutive blocks of {@code cidrBits} host bits inside {@code ipBlock}.
     *
     * <p>See <a
     * href="https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html">Fn::Cidr</a>.
     */
    public record CidrBlocks(Value ipBlock, int count, int cidrBits) implements Computation {}

    /** Block {@code index} (0-based, {@code Fn::Select}) of {@link CidrBlocks}. */
    public record CidrBlock(CidrBlocks blocks, int index) implements Computation {}

    /** Why a value is symbolic. */
    public enum Kind {
      /** {@code AWS::AccountId}, {@code AWS::Region} and the other pseudo parameters. */
      PSEUDO_PARAMETER,
      /** A template parameter with no default value. */
      PARAMETER,
      /**
       * An SSM parameter: a parameter of type {@code AWS::SSM::Parameter::Value<...>} or a {@code
       * {{resolve:ssm:...}}} dynamic reference; the description is the parameter name.
       */
      SSM_PARAMETER,
      /** {@code Fn::ImportValue} of an export from outside the cloud assembly. */
      IMPORT,
      /** Anything netlint does not resolve; the description says what. */
      UNRESOLVED
    }
  }

  /** A string built by {@code Fn::Sub} or {@code Fn::Join} from literal and symbolic parts. */
  record Concat(List<Value> parts, Origin origin) implements Value {
    public Concat {
      parts = List.copyOf(parts);
    }
  }

  /**
   * The literal string form of this value, when it is fully known: a text, number or boolean, or a
   * concatenation of those.
   */
  default Optional<String> literal() {
    return Optional.ofNullable(Values.literalOrNull(this));
  }

  /**
   * This value as text with symbolic parts as {@code ${...}} placeholders: {@code
   * ${NatInstance.PrivateIp}}, {@code ${VpcCidr}} for a parameter, {@code ${AWS::Region}}.
   */
  default String render() {
    return Values.render(this);
  }
}
