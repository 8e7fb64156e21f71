package dev.netlint.model;

import java.util.List;

/**
 * Where a template value came from: its location and its path in the template, in cfn-lint's form
 * ({@code ["Resources", "NatInstance", "Properties", "UserData"]}; list indexes are decimal
 * strings).
 *
 * @param location file, line and column of the value
 * @param templatePath keys and list indexes from the template root to the value
 */
public record Origin(SourceLocation location, List<String> templatePath) {

  public Origin {
    templatePath = List.copyOf(templatePath);
  }

  /** The origin of a child value at {@code key}, located at {@code location}. */
  public Origin child(String key, SourceLocation location) {
    var path = new java.util.ArrayList<String>(templatePath.size() + 1);
    path.addAll(templatePath);
    path.add(key);
    return new Origin(location, path);
  }
}
