package dev.netlint.parse.userdata.facts;

import dev.netlint.model.HostFacts.Forwarding;
import dev.netlint.model.ScriptLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Follows {@code net.ipv4.ip_forward} through a script: values set now ({@code sysctl -w}, a write
 * to {@code /proc/sys/net/ipv4/ip_forward}), values written to sysctl configuration files, and the
 * commands that load those files ({@code sysctl -p}, {@code sysctl --system}, a restart of {@code
 * systemd-sysctl}, a reboot).
 *
 * <p>See <a href="https://man7.org/linux/man-pages/man8/sysctl.8.html">sysctl(8)</a> and <a
 * href="https://www.freedesktop.org/software/systemd/man/latest/sysctl.d.html">sysctl.d(5)</a>.
 */
final class ForwardingState {
  /** Keys that turn IPv4 forwarding on or off; the kernel keeps the two in step. */
  static final List<String> KEYS = List.of("net.ipv4.ip_forward", "net.ipv4.conf.all.forwarding");

  /** The /proc files of those keys. */
  static final List<String> PROC_FILES =
      List.of("/proc/sys/net/ipv4/ip_forward", "/proc/sys/net/ipv4/conf/all/forwarding");

  private static final List<String> SYSTEM_DIRS =
      List.of(
          "/etc/sysctl.d/",
          "/run/sysctl.d/",
          "/usr/local/lib/sysctl.d/",
          "/usr/lib/sysctl.d/",
          "/lib/sysctl.d/");

  /** The main configuration file, read last by {@code sysctl --system}. */
  static final String SYSCTL_CONF = "/etc/sysctl.conf";

  private @Nullable String value;
  private @Nullable ScriptLine at;
  private String how = "";
  private boolean seen;

  /** True once the script has set or written the key at all. */
  boolean seen() {
    return seen;
  }

  /** A key set now: {@code sysctl -w}, a write to /proc. */
  void set(String key, String newValue, ScriptLine where, String what) {
    if (KEYS.contains(normalize(key))) {
      value = newValue.strip();
      at = where;
      how = what;
      seen = true;
    }
  }

  /** Notes that a file the script writes may set the key (for {@link #seen()}). */
  void written(String content) {
    if (settingIn(content).isPresent()) {
      seen = true;
    }
  }

  /** Loads one file: its last setting of the key, if any, takes effect now. */
  void load(String path, @Nullable ScriptFile file, ScriptLine where, String what) {
    if (file == null || file.content() == null) {
      return;
    }
    Optional<String> v = settingIn(file.content());
    if (v.isPresent()) {
      value = v.get();
      at = where;
      how = path + " loaded by " + what;
      seen = true;
    }
  }

  /** Loads every file {@code sysctl --system} and {@code systemd-sysctl} read, in their order. */
  void loadSystem(Map<String, ScriptFile> files, ScriptLine where, String what) {
    for (String path : systemFiles(files)) {
      load(path, files.get(path), where, what);
    }
  }

  /**
   * The state after the script.
   *
   * @param rebooted true when the script reboots the host, which applies the sysctl files
   */
  Forwarding result(Map<String, ScriptFile> files, boolean rebooted) {
    if (value != null && at != null) {
      return new Forwarding(
          value.equals("1") ? Forwarding.State.ENABLED : Forwarding.State.DISABLED, at, how);
    }
    String persisted = null;
    String persistedIn = "";
    ScriptLine writtenAt = null;
    for (String path : systemFiles(files)) {
      ScriptFile f = Objects.requireNonNull(files.get(path), "systemFiles lists keys of files");
      Optional<String> v = f.content() == null ? Optional.empty() : settingIn(f.content());
      if (v.isPresent()) {
        persisted = v.get();
        persistedIn = path;
        writtenAt = f.writtenAt();
      }
    }
    if (persisted == null || writtenAt == null) {
      return Forwarding.NOT_SET;
    }
    if (!persisted.equals("1")) {
      return rebooted
          ? new Forwarding(Forwarding.State.DISABLED, writtenAt, persistedIn)
          : Forwarding.NOT_SET;
    }
    return new Forwarding(
        rebooted ? Forwarding.State.ENABLED : Forwarding.State.ENABLED_AFTER_REBOOT,
        writtenAt,
        persistedIn);
  }

  /** True for files the kernel settings are read from at boot. */
  static boolean isSystemFile(String path) {
    if (path.equals(SYSCTL_CONF)) {
      return true;
    }
    for (String dir : SYSTEM_DIRS) {
      if (path.startsWith(dir) && path.endsWith(".conf") && path.indexOf('/', dir.length()) < 0) {
        return true;
      }
    }
    return false;
  }

  /** The sysctl files written so far, in the order {@code sysctl --system} reads them. */
  private static List<String> systemFiles(Map<String, ScriptFile> files) {
    List<String> dropIns = new ArrayList<>();
    for (String path : files.keySet()) {
      if (isSystemFile(path) && !path.equals(SYSCTL_CONF)) {
        dropIns.add(path);
      }
    }
    dropIns.sort(Comparator.comparing(p -> p.substring(p.lastIndexOf('/') + 1)));
    if (files.containsKey(SYSCTL_CONF)) {
      dropIns.add(SYSCTL_CONF);
    }
    return dropIns;
  }

  /** The last value a sysctl configuration text gives the key. */
  static Optional<String> settingIn(String content) {
    String found = null;
    for (String raw : content.split("\n", -1)) {
      String line = raw.strip();
      if (line.startsWith("-")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      if (KEYS.contains(normalize(line.substring(0, eq).strip()))) {
        found = Words.unquote(line.substring(eq + 1).strip());
      }
    }
    return Optional.ofNullable(found);
  }

  /** {@code net/ipv4/ip_forward} and {@code net.ipv4.ip_forward} are the same key. */
  static String normalize(String key) {
    return key.replace('/', '.');
  }
}
