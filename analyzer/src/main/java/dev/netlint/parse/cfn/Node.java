package dev.netlint.parse.cfn;

import dev.netlint.model.Origin;
import dev.netlint.model.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A template as read from JSON or YAML, before intrinsic functions are resolved. Every node keeps
 * its file, line, column and template path. YAML short forms are already normalised to their long
 * form ({@code !Sub x} is a {@link MapNode} {@code {"Fn::Sub": x}}), as cfn-lint does.
 */
public sealed interface Node {

  /** Where this node stands. */
  Origin origin();

  /** A mapping, in file order. Duplicate keys keep the last value, as CloudFormation's parser. */
  record MapNode(Map<String, Node> entries, Map<String, SourceLocation> keyLocations, Origin origin)
      implements Node {
    public MapNode {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    public @Nullable Node get(String key) {
      return entries.get(key);
    }

    /** The location of {@code key} itself, or of the map when the key is absent. */
    public SourceLocation keyLocation(String key) {
      SourceLocation l = keyLocations.get(key);
      return l != null ? l : origin.location();
    }

    /**
     * The intrinsic function name when this map is one ({@code Ref}, {@code Condition} or {@code
     * Fn::*} as its only key), else null.
     */
    public @Nullable String intrinsicName() {
      if (entries.size() != 1) {
        return null;
      }
      String key = entries.keySet().iterator().next();
      return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::") ? key : null;
    }
  }

  /** A sequence. */
  record ListNode(List<Node> items, Origin origin) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }
  }

  /** A scalar: its text as written (numbers keep their spelling) and its kind. */
  record ScalarNode(@Nullable String text, Kind kind, Origin origin) implements Node {
    /** What kind of scalar it is. */
    public enum Kind {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }

    /** The text, or the empty string for null. */
    public String textOrEmpty() {
      return text == null ? "" : text;
    }
  }
}
