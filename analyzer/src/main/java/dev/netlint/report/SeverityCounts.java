package dev.netlint.report;

import dev.netlint.api.Finding;
import java.util.List;

/** How many findings a result has at each severity. */
record SeverityCounts(int error, int warning, int info) {

  static SeverityCounts of(List<Finding> findings) {
    int error = 0;
    int warning = 0;
    int info = 0;
    for (Finding f : findings) {
      switch (f.severity()) {
        case ERROR -> error++;
        case WARNING -> warning++;
        case INFO -> info++;
      }
    }
    return new SeverityCounts(error, warning, info);
  }

  int total() {
    return error + warning + info;
  }
}
