/**
 * Reads what user data does to the host's network ({@link dev.netlint.model.HostFacts}) from the
 * commands of its scripts and the files they write: packet filtering and NAT, IPv4 forwarding, and
 * EC2 API calls through the AWS CLI. Works on the user-data model only ({@link
 * dev.netlint.model.UserData}, {@link dev.netlint.model.ShellCommand}), never on the shell parser's
 * internals.
 */
@NullMarked
package dev.netlint.parse.userdata.facts;

import org.jspecify.annotations.NullMarked;
