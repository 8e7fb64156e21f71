package dev.netlint.graph.flows;

import dev.netlint.model.Value;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Default ports: of URL schemes, of database engines, and literal port values. */
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

  /**
   * The default port of an RDS, Aurora, DocumentDB, Neptune or Redshift engine ({@code Engine}
   * property), after the engines' documentation.
   */
  static Optional<Integer> enginePort(String engine) {
    String e = engine.toLowerCase(Locale.ROOT);
    if (e.contains("postgres")) {
      return Optional.of(5432);
    }
    if (e.startsWith("aurora") || e.startsWith("mysql") || e.startsWith("mariadb")) {
      return Optional.of(3306);
    }
    if (e.startsWith("sqlserver") || e.startsWith("custom-sqlserver")) {
      return Optional.of(1433);
    }
    if (e.startsWith("oracle") || e.startsWith("custom-oracle")) {
      return Optional.of(1521);
    }
    if (e.startsWith("db2")) {
      return Optional.of(50000);
    }
    if (e.equals("docdb")) {
      return Optional.of(27017);
    }
    if (e.equals("neptune")) {
      return Optional.of(8182);
    }
    return Optional.empty();
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
