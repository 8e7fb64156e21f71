package dev.netlint.parse.intrinsic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The circles of a directed graph: Tarjan's strongly connected components, iterative so that a
 * chain of 50,000 resources does not overflow the stack.
 */
final class Cycles {
  private Cycles() {}

  /**
   * The strongly connected components with more than one node, or one node with an edge to itself,
   * in the order Tarjan's algorithm completes them.
   *
   * @param edges for each node 0..n-1, the nodes it has an edge to
   */
  static List<List<Integer>> of(List<int[]> edges) {
    int n = edges.size();
    int[] order = new int[n];
    int[] low = new int[n];
    int[] next = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(order, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    Deque<Integer> path = new ArrayDeque<>();
    List<List<Integer>> out = new ArrayList<>();
    int counter = 0;
    for (int start = 0; start < n; start++) {
      if (order[start] >= 0) {
        continue;
      }
      path.push(start);
      order[start] = low[start] = counter++;
      stack.push(start);
      onStack[start] = true;
      while (!path.isEmpty()) {
        int v = path.peek();
        if (next[v] < edges.get(v).length) {
          int w = edges.get(v)[next[v]++];
          if (order[w] < 0) {
            order[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = true;
            path.push(w);
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], order[w]);
          }
          continue;
        }
        path.pop();
        if (!path.isEmpty()) {
          int parent = path.peek();
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == order[v]) {
          List<Integer> component = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component.add(w);
          } while (w != v);
          if (component.size() > 1 || selfLoop(edges.get(v), v)) {
            out.add(component);
          }
        }
      }
    }
    return out;
  }

  private static boolean selfLoop(int[] targets, int v) {
    for (int t : targets) {
      if (t == v) {
        return true;
      }
    }
    return false;
  }
}
