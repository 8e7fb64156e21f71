package dev.netlint.flows;

import dev.netlint.model.Value;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Default ports of URL schemes, and literal port values. The default ports of database engines are
 * the model's ({@link dev.netlint.model.EnginePorts}).
 */
final class Ports {
  private Ports() {}

  /** The port a URL scheme implies ({@code postgres://} is 5432), when it is well known. */
  static Optional<Integer> schemePort(String scheme) {
    Integer port =
        switch (scheme.toLowerCase(Locale.ROOT)) {
          case "http", "ws" -> 80;
          case "https", "wss" -> 443;
          case "postgres", "postgresql" -> 5432;
          case "mysql", "mariadb" -> 3306;
          case "sqlserver" -> 1433;
          case "redis", "rediss" -> 6379;
          case "memcached" -> 11211;
          case "mongodb" -> 27017;
          case "amqp" -> 5672;
          case "amqps" -> 5671;
          case "nfs" -> 2049;
          default -> null;
        };
    return Optional.ofNullable(port);
  }

  /** A literal port number 1-65535 ({@code 5432} or {@code "5432"}). */
  static Optional<Integer> literal(@Nullable Value value) {
    if (value == null) {
      return Optional.empty();
    }
    return value.literal().flatMap(Ports::parse);
  }

  /** A port number 1-65535 written as text. */
  static Optional<Integer> parse(String text) {
    String t = text.strip();
    if (!t.matches("\\d{1,5}")) {
      return Optional.empty();
    }
    int port = Integer.parseInt(t);
    return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
  }
}
