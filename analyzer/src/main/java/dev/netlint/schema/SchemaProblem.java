package dev.netlint.schema;

import dev.netlint.model.SourceLocation;
import java.util.List;

/**
 * A way a resource's {@code Properties} break its CloudFormation resource schema, as cfn-lint
 * reports them (an unknown property, a missing required one, a value of the wrong type, a CIDR that
 * is not one). netlint reports it as an {@code NL002 resource-schema-violation} finding.
 *
 * @param message what is wrong, naming the property path and the value ({@code
 *     Properties.CidrBlock: 'foo' is not a valid ipv4-network})
 * @param location the offending value, key or, failing those, the nearest enclosing value
 * @param templatePath keys and list indexes from the template root to that place, in cfn-lint's
 *     form ({@code ["Resources", "Vpc", "Properties", "CidrBlock"]})
 * @param keyword the JSON Schema keyword that failed ({@code type}, {@code required}, {@code
 *     additionalProperties}, {@code format}, {@code requiredXor}...)
 */
public record SchemaProblem(
    String message, SourceLocation location, List<String> templatePath, String keyword) {

  public SchemaProblem {
    templatePath = List.copyOf(templatePath);
  }
}
