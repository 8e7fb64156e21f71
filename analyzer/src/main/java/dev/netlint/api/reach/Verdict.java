package dev.netlint.api.reach;

/** Whether traffic gets through. */
public enum Verdict {
  REACHABLE,
  BLOCKED,
  /** Something on the path is not known before deploy (an imported CIDR, a parameter). */
  UNKNOWN
}
