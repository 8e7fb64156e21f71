package dev.netlint.engine;

import dev.netlint.api.reach.Flow;
import dev.netlint.api.reach.Reachability;
import dev.netlint.flows.EndpointNames;
import dev.netlint.model.NetworkModel;
import java.util.List;

/**
 * One network as netlint analyzes it (a lone template, or a cloud assembly): its model, the
 * reachability answers over it, and the flows that must hold in it.
 *
 * @param name the template file or assembly directory as reports name it
 * @param model the network model
 * @param reachability reachability queries over the model
 * @param flows the inferred flows (sorted) followed by the declared ones (in file order)
 */
public record Network(
    String name, NetworkModel model, Reachability reachability, List<Flow> flows) {

  public Network {
    flows = List.copyOf(flows);
  }

  /**
   * Resolves the name of a flow end: a logical ID, {@code Stack/LogicalId}, a CDK construct path,
   * {@code internet}, a CIDR or {@code aws:SERVICE} (see {@link EndpointNames}).
   */
  public EndpointNames.Resolution endpoint(String name) {
    return EndpointNames.resolve(model, name);
  }
}
