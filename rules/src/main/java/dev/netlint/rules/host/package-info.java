/**
 * Rules about hosts that forward packets for others (NAT instances, routers): what their user data
 * does to the kernel and the packet filter, and the EC2 settings they need.
 */
@NullMarked
package dev.netlint.rules.host;

import org.jspecify.annotations.NullMarked;
